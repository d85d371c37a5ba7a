"""Microformats (h-card, h-entry) as personal sites publish them."""

from typing import TYPE_CHECKING

from givefirst.sites.html import CLASSED, classes, clean, same_url, text

if TYPE_CHECKING:
    from givefirst.sites.page import Page

MAX_CARDS = 100  # h-cards considered when looking for the page's own


def representative_card(page: "Page"):
    """The representative h-card (microformats.org/wiki/representative-h-card-parsing)."""
    cards = page.indexed("class").get("h-card", [])[:MAX_CARDS]
    cards += [c for c in page.indexed("class").get("vcard", [])[:MAX_CARDS] if c not in cards]
    if not cards:
        return None
    me = page.rel_me
    for card in cards:
        urls = mf_urls(page, card, "u-url")
        uids = mf_urls(page, card, "u-uid")
        if any(same_url(u, page.url) for u in urls) and any(same_url(u, page.url) for u in uids):
            return card
    for card in cards:
        if any(same_url(u, m) for u in mf_urls(page, card, "u-url") for m in me):
            return card
    # Looser than the spec, as personal sites are: one card outside posts stands for the page.
    top = [c for c in cards if not inside_post(c)]
    if len(top) == 1:
        return top[0]
    matching = [c for c in top if any(same_url(u, page.url) for u in mf_urls(page, c, "u-url"))]
    return matching[0] if len(matching) == 1 else None


def inside_post(element) -> bool:
    for ancestor in element.iterancestors():
        if classes(ancestor) & {"h-entry", "h-cite", "h-feed", "hentry", "h-event"}:
            return True
    return False


def owned(card, name: str) -> list:
    """Elements with this property class that belong to `card`, not to a microformat inside it."""
    found = []
    for element in CLASSED(card, c=f" {name} "):
        node = element.getparent()
        while node is not None and node is not card:
            if any(c.startswith("h-") for c in classes(node)):
                break
            node = node.getparent()
        if node is card:
            found.append(element)
    return found


def mf_text(page: "Page", card, *names: str) -> str | None:
    """The first `p-*` value: an image's alt, an `abbr`'s title, a `value`, else the text."""
    for name in names:
        for element in owned(card, name):
            tag = element.tag.lower() if isinstance(element.tag, str) else ""
            if tag in ("img", "area"):
                value = clean(element.get("alt"))
            elif tag in ("abbr", "data", "input"):
                value = clean(element.get("title") or element.get("value")) or text(element)
            else:
                value = text(element)
            if value:
                return value
    return None


def mf_urls(page: "Page", card, name: str) -> list[str]:
    """Every `u-*` value as an absolute URL."""
    found = []
    for element in owned(card, name):
        raw = element.get("href") or element.get("src") or element.get("data")
        url = page.absolute(raw) or (page.absolute(text(element)) if raw is None else None)
        if url and url not in found:
            found.append(url)
    if not found and name == "u-url" and card.tag == "a":
        url = page.absolute(card.get("href"))
        found = [url] if url else []
    return found


def mf_time(card, name: str) -> str | None:
    for element in owned(card, name):
        value = clean(element.get("datetime") or element.get("title")) or text(element)
        if value:
            return value
    return None
