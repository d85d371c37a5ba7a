"""What a page says about the person it shows: the `profile` of a context answer.

The single entry point is `extract`. The client may send what it already read (`fields`) and the
page's HTML; the page wins where it speaks. The page is parsed once (`sites.page.Page`) and read
by its site's own extractor (`Site.extract` in `sites/<site>.py`); this module only merges, bounds
and canonicalises what they find.
"""

from dataclasses import dataclass

from givefirst.sites import BY_NAME, InvalidUrl, NotAProfile, ProfileRef, canonicalise, site_of_key
from givefirst.sites.base import Unavailable
from givefirst.sites.html import clean, name_from_title
from givefirst.sites.page import Page, open_graph

TEXT_FIELDS = {
    "name": 200,
    "headline": 300,
    "company": 200,
    "role": 200,
    "location": 200,
    "bio": 1000,
}
URL_FIELDS = {"photo_url": 2048}
PROFILE_FIELDS = (*TEXT_FIELDS, *URL_FIELDS)
MAX_LINKS = 20
MAX_ACTIVITY = 10
TITLE_LENGTH = 140  # a post's first words are its title

__all__ = ["NotAProfile", "extract", "read_page"]


def empty_profile(ref: ProfileRef) -> dict:
    return {
        "key": ref.key,
        "site": ref.site,
        "url": ref.url,
        **dict.fromkeys(PROFILE_FIELDS),
        "links": [],
        "activity": [],
    }


def bounded(found: dict) -> dict:
    """Only the known fields, as clean strings within their limits; nothing empty."""
    result = {}
    for name, limit in TEXT_FIELDS.items():
        value = clean(found.get(name))
        if value:
            result[name] = value[:limit].rstrip()
    for name, limit in URL_FIELDS.items():
        value = found.get(name)
        if isinstance(value, str) and value.startswith(("https://", "http://")):
            value = clean(value)
            if value and len(value) <= limit and " " not in value:
                result[name] = value
    return result


def profile_links(urls: object, own_key: str) -> list[dict]:
    """Links to the same person elsewhere as canonical profiles: deduplicated, not this one."""
    found: dict[str, dict] = {}
    for url in urls if isinstance(urls, list) else []:
        try:
            ref = canonicalise(url)
        except (InvalidUrl, NotAProfile):
            continue
        if ref.key != own_key and ref.key not in found:
            found[ref.key] = {"key": ref.key, "site": ref.site, "url": ref.url}
        if len(found) >= MAX_LINKS:
            break
    return list(found.values())


def activity_items(items: object) -> list[dict]:
    """Recent posts the page shows: {title, date, url}, titles required."""
    found, seen = [], set()
    for item in items if isinstance(items, list) else []:
        title = clean(item.get("title")) if isinstance(item, dict) else None
        if not title or (title, item.get("url")) in seen:  # one post, linked twice
            continue
        seen.add((title, item.get("url")))
        url = item.get("url")
        if len(title) > TITLE_LENGTH:
            title = title[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(" ,.;:—-") + "…"
        found.append(
            {
                "title": title,
                "date": (clean(item.get("date")) or "")[:40] or None,
                "url": url
                if isinstance(url, str)
                and url.startswith(("https://", "http://"))
                and len(url) <= 2048
                else None,
            }
        )
        if len(found) >= MAX_ACTIVITY:
            break
    return found


def refined(ref: ProfileRef, key: object) -> ProfileRef:
    """The page may prove a better key (a fediverse account on a custom domain); else `ref`."""
    if not isinstance(key, str) or key == ref.key:
        return ref
    site = site_of_key(key)
    return ProfileRef(key=key, site=site.name, url=site.url_for(key))


def read_page(ref: ProfileRef, html: str) -> tuple[ProfileRef, dict]:
    """Parse the page once and let its site read it. Raises NotAProfile for non-persons."""
    page = Page(html, ref.url)
    site = BY_NAME[ref.site]
    found = site.extract(page, ref) if site.extract else open_graph(page)
    return refined(ref, found.get("key")), found


def client_fields(fields: object) -> dict:
    """What the extension or bookmarklet read itself: strings only, trimmed, bounded."""
    return bounded(fields) if isinstance(fields, dict) else {}


@dataclass(frozen=True)
class Reading:
    """What the page itself showed: the profile it names, and its fields (none without HTML)."""

    ref: ProfileRef
    fields: dict
    links: list[dict]
    activity: list[dict]
    unavailable: bool = False  # a not-found, login or error page at the profile's address


def read(ref: ProfileRef, html: str | None) -> Reading:
    """Read the page's HTML, if any; raises NotAProfile when the page shows no person.

    A page at the profile's address that does not show it (not found, a login wall) is read as
    nothing at all: no fields, so no change to what we remember of the person.
    """
    if not html:
        return Reading(ref, {}, [], [])
    try:
        better, found = read_page(ref, html)
    except Unavailable:
        return Reading(ref, {}, [], [], unavailable=True)
    return Reading(
        better,
        bounded(found),
        profile_links(found.get("links"), better.key),
        activity_items(found.get("activity")),
    )


def profile_of(reading: Reading, title: str | None, fields: object) -> dict:
    """The `profile` object of a context answer: the page's reading over the client's hints."""
    profile = empty_profile(reading.ref)
    if reading.unavailable:  # the title and what the client read are the error page's too
        return profile
    profile.update(client_fields(fields))
    if not profile["name"] and title:
        profile["name"] = name_from_title(title)
    profile.update(reading.fields)
    profile["links"], profile["activity"] = reading.links, reading.activity
    return profile


def extract(ref: ProfileRef, html: str | None, title: str | None, fields: object) -> dict:
    """The `profile` object for a page; raises NotAProfile when the page shows no person."""
    return profile_of(read(ref, html), title, fields)
