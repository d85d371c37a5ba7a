"""Personal sites: any other host. The key is the host and path, without query or fragment.

The page says who it is about in one of several ways, read in this order: the representative
h-card, a JSON-LD Person (its `sameAs` lists the person's other profiles), schema.org microdata,
then Open Graph and the title. `rel=me` links are the person's other profiles; h-entries and
JSON-LD posts are their recent activity. A page that names a fediverse account both in `og:title`
and `profile:username` is a Mastodon-like server we did not know, and is read as one.
Test URLs: see TEST_URLS at the end.
"""

from urllib.parse import quote

from givefirst.sites import mastodon, unavailable
from givefirst.sites.base import NotAProfile, ProfileRef, Site, Url, slug
from givefirst.sites.html import clean, same_url, text
from givefirst.sites.jsonld import json_ld_posts, json_ld_types, ld_list, ld_text, ld_url
from givefirst.sites.microformats import mf_text, mf_time, mf_urls
from givefirst.sites.page import Page, open_graph

INDEX_PAGES = ("index.html", "index.htm", "index.php")


def key_for(url: Url) -> str:
    if (
        "." not in url.host and ":" not in url.host
    ):  # "localhost", or "javascript" from "javascript:1"
        raise NotAProfile(f"{url.host} is not a public web address")
    segments = url.segments
    if segments and segments[-1].lower() in INDEX_PAGES:
        segments = segments[:-1]
    path = "/".join(slug(part) for part in segments)
    return f"web:{url.host}" + (f"/{path}" if path else "")


def url_for(key: str) -> str:
    return "https://" + quote(key.removeprefix("web:"), safe="/:@")


def from_h_card(page: Page, card) -> dict:
    urls = mf_urls(page, card, "u-url")
    locality = [mf_text(page, card, n) for n in ("p-locality", "p-region", "p-country-name")]
    return {
        "name": mf_text(page, card, "p-name", "fn")
        or (clean(card.get("alt")) if card.tag == "img" else None)
        or (text(card) if card.tag in ("a", "span") else None),
        "role": mf_text(page, card, "p-job-title", "p-role", "title"),
        "company": mf_text(page, card, "p-org", "org"),
        "location": ", ".join(p for p in locality if p)
        or mf_text(page, card, "p-adr", "p-label", "adr"),
        "photo_url": next(
            iter(mf_urls(page, card, "u-photo") or mf_urls(page, card, "photo")), None
        ),
        "bio": mf_text(page, card, "p-note", "note"),
        "links": urls,
    }


def the_person(page: Page) -> dict:
    """The JSON-LD Person this page is about: its main entity, one whose URL is this page, or the
    only one."""
    people = page.json_ld_of("Person")
    for person in people:
        if same_url(ld_url(person.get("url")), page.url):
            return person
    main = [
        n.get("mainEntity")
        for n in page.json_ld
        if json_ld_types(n) & {"profilepage", "aboutpage", "webpage"}
    ]
    return next((m for m in main if isinstance(m, dict) and m in people), None) or (
        people[0] if len(people) == 1 else {}
    )


def from_json_ld(person: dict) -> dict:
    works = [w for w in ld_list(person.get("worksFor")) if w]
    address = person.get("address") or person.get("homeLocation")
    if isinstance(address, dict) and not address.get("name"):
        parts = (address.get(k) for k in ("addressLocality", "addressRegion", "addressCountry"))
        address = ", ".join(p for p in map(ld_text, parts) if p)
    return {
        "name": ld_text(person.get("name")),
        "role": ld_text(person.get("jobTitle")),
        "company": ld_text(works[0]) if works else None,
        "location": ld_text(address),
        "photo_url": ld_url(person.get("image")),
        "bio": ld_text(person.get("description")),
        "links": [ld_url(u) for u in ld_list(person.get("sameAs")) + ld_list(person.get("url"))],
    }


def from_microdata(page: Page) -> dict:
    scope = next(
        (
            e
            for kind, found in page.indexed("itemtype").items()
            if kind.rstrip("/").lower().endswith("schema.org/person")
            for e in found
        ),
        None,
    )
    if scope is None:
        return {}

    def value(name: str) -> str | None:
        return next((v for e in page.itemprop(name, scope) if (v := page.itemprop_value(e))), None)

    return {
        "name": value("name"),
        "role": value("jobTitle"),
        "company": value("worksFor"),
        "location": value("address") or value("homeLocation"),
        "photo_url": value("image"),
        "bio": value("description"),
        "links": [page.itemprop_value(e) for e in page.itemprop("sameAs", scope)],
    }


def entries(page: Page) -> list[dict]:
    """h-entries: the posts of an h-feed on the page."""
    found = []
    for entry in page.by_class("h-entry"):
        # A note has no name of its own: its text stands in.
        title = mf_text(page, entry, "p-name", "p-summary", "e-content")
        found.append(
            {
                "title": title,
                "date": mf_time(entry, "dt-published"),
                "url": next(iter(mf_urls(page, entry, "u-url")), None),
            }
        )
    return found


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref)
    if mastodon.account_on_page(page, strict=True):
        return mastodon.extract(page, ref)
    card = page.h_card
    sources = [
        from_h_card(page, card) if card is not None else {},
        from_json_ld(the_person(page)),
        from_microdata(page),
        open_graph(page),
    ]
    found: dict = {"links": [], "activity": entries(page) or json_ld_posts(page)}
    for source in sources:
        for name, value in source.items():
            if name == "links":
                found["links"] += [u for u in value if u]
            elif value and not found.get(name):
                found[name] = value
    found["links"] += page.rel_me
    return found


TEST_URLS = (
    ("HTTPS://WWW.Example.com:443/about/#me?utm_source=x", "web:example.com/about"),
    ("https://jane.example/", "web:jane.example"),
    ("jane.example/about/index.html", "web:jane.example/about"),
    ("http://localhost:8000/about", None),
)

SITE = Site(
    name="web",
    label="Personal sites",
    hosts=(),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("web",),
    extract=extract,
    test_urls=TEST_URLS,
)
