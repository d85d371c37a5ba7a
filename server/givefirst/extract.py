"""What a page says about the person it shows: the fields of the API's `profile`.

The client may send what it already read (`fields`) and the page's HTML; the page wins where it
speaks. Per-site readers live in the site modules; this is the generic part.
"""

import re

from bs4 import BeautifulSoup, SoupStrainer

from givefirst.sites import BY_NAME, ProfileRef
from givefirst.sites.base import clean_text

PROFILE_FIELDS = ("name", "headline", "company", "location", "photo_url")
FIELD_LIMITS = {"name": 200, "headline": 300, "company": 200, "location": 200, "photo_url": 2048}
TITLE_NOISE = re.compile(r"^\(\d+\+?\)\s*")  # "(3) Jane Doe | LinkedIn": unread notifications
TITLE_SEPARATORS = re.compile(r"\s+(?:[|·–—/]|-)\s+")
HANDLE_SUFFIX = re.compile(r"\s*\(@[^)]*\)\s*$")
HEAD_ONLY = SoupStrainer(["title", "meta"])


def empty_profile(ref: ProfileRef) -> dict:
    return {"key": ref.key, "site": ref.site, "url": ref.url, **dict.fromkeys(PROFILE_FIELDS)}


def client_fields(fields: object) -> dict:
    """What the extension or bookmarklet read itself: strings only, trimmed, bounded."""
    if not isinstance(fields, dict):
        return {}
    found = {}
    for name, limit in FIELD_LIMITS.items():
        value = fields.get(name)
        if isinstance(value, str) and clean_text(value):
            found[name] = clean_text(value)[:limit]
    return found


def name_from_title(title: str | None) -> str | None:
    """'(3) Jane Doe - Engineer | LinkedIn' → 'Jane Doe'."""
    if not title:
        return None
    text = TITLE_NOISE.sub("", clean_text(title))
    text = HANDLE_SUFFIX.sub("", TITLE_SEPARATORS.split(text)[0])
    return text.strip() or None


def page_fields(ref: ProfileRef, html: str) -> dict:
    """Fields from the page's HTML: the site's own reader, or Open Graph and the title."""
    site = BY_NAME[ref.site]
    if site.extract:
        soup = BeautifulSoup(html, "lxml")
        return {k: v for k, v in site.extract(soup, ref).items() if v}
    soup = BeautifulSoup(html, "lxml", parse_only=HEAD_ONLY)
    meta = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key and tag.get("content") and key not in meta:
            meta[key] = tag["content"]
    title = soup.title.string if soup.title else None
    found = {
        "name": name_from_title(meta.get("og:title") or title),
        "headline": meta.get("og:description") or meta.get("description"),
        "photo_url": meta.get("og:image"),
    }
    return {k: clean_text(v)[: FIELD_LIMITS[k]] for k, v in found.items() if v and clean_text(v)}


def extract(ref: ProfileRef, html: str | None, title: str | None, fields: object) -> dict:
    """The `profile` object of a context answer."""
    profile = empty_profile(ref)
    profile.update(client_fields(fields))
    if not profile["name"] and title:
        profile["name"] = name_from_title(title)
    if html:
        profile.update(page_fields(ref, html))
    return profile
