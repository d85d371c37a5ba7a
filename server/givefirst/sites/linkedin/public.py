"""LinkedIn's public (logged-out) profile page: JSON-LD, Open Graph and the title.

The JSON-LD is a `@graph` in which the person's Article nodes can come before the Person;
`worksFor` entries without an `endDate` are current; text can be double-encoded (`&amp;amp;`);
the title is "Name - Headline | LinkedIn" and Open Graph uses `property=` or `name=`.
"""

import re

from givefirst.sites.base import ProfileRef
from givefirst.sites.html import TITLE_COUNT, clean, same_url, text
from givefirst.sites.jsonld import json_ld_posts, json_ld_types, ld_list, ld_text, ld_url
from givefirst.sites.page import Page

SITE_SUFFIX = re.compile(r"\s*[|·–—-]\s*LinkedIn\s*$", re.IGNORECASE)


def title_name_and_headline(title: str | None) -> tuple[str | None, str | None]:
    """'Priya Raman - Staff Engineer at Stripe | LinkedIn' → ('Priya Raman', 'Staff Engineer…')."""
    text = SITE_SUFFIX.sub("", TITLE_COUNT.sub("", clean(title) or ""))
    name, _, headline = text.partition(" - ")
    return clean(name), clean(headline)


def the_person(page: Page, ref: ProfileRef) -> dict | None:
    """The profile's Person node: the top-level one whose URL is this page, else the richest."""
    people = [n for n in page.json_ld if "person" in json_ld_types(n)]
    people = people or page.json_ld_of("Person")
    for person in people:
        urls = [ld_url(u) for u in ld_list(person.get("url")) + ld_list(person.get("sameAs"))]
        if any(same_url(u, ref.url) for u in urls if u):
            return person
    return max(people, key=len, default=None)


def ended(entry: dict) -> bool:
    role = entry.get("member") if isinstance(entry.get("member"), dict) else {}
    return bool(entry.get("endDate") or role.get("endDate"))


def location(person: dict) -> str | None:
    """LinkedIn writes the whole place in addressLocality ("Lisbon, Lisbon, Portugal")."""
    address = person.get("address") or person.get("homeLocation")
    if isinstance(address, dict):
        parts = [address.get(k) for k in ("addressRegion", "addressCountry")]
        return ld_text(address.get("addressLocality") or address.get("name")) or (
            ", ".join(p for p in map(ld_text, parts) if p) or None
        )
    return ld_text(address)


def top_card(page: Page) -> dict:
    """The public page's own top card, for when its JSON-LD is missing or unreadable."""
    place = next(iter(page.by_class("top-card__subline-item")), None)
    image = next(iter(page.by_class("top-card-layout__entity-image")), None)
    photo = image.get("data-delayed-url") or image.get("src") if image is not None else None
    return {"location": text(place), "photo_url": page.absolute(photo)}


def read(page: Page, ref: ProfileRef) -> dict:
    name, headline = title_name_and_headline(page.title)
    found = {"name": name, "headline": headline, "activity": json_ld_posts(page)}
    person = the_person(page, ref)
    if person is None:
        if not found["headline"]:  # a signed-in page's title: member.read knows better
            return {**found, "name": None}
        return {**found, **top_card(page)}
    current = [e for e in ld_list(person.get("worksFor")) if isinstance(e, dict) and not ended(e)]
    found.update(
        name=ld_text(person.get("name")) or name,
        role=ld_text(person.get("jobTitle")),
        company=ld_text(current[0]) if current else None,
        location=location(person),
        photo_url=ld_url(person.get("image")) or page.meta_url("og:image"),
        bio=ld_text(person.get("description")),
        links=[ld_url(u) for u in ld_list(person.get("sameAs"))],
    )
    return found
