"""LinkedIn as a signed-in member sees it.

The class names are hashed and change every few weeks, so this reads only what stays: the title
"(3) Name | LinkedIn", the main h1 and the top card around it, sections found by their anchor id
or h2 ("experience", "about", "content_collections"), aria labels ("Current company: …") and link
targets (…/overlay/contact-info/). Screen-reader duplicates (`visually-hidden`) are skipped.
"""

import re
from datetime import UTC, datetime

from lxml import etree

from givefirst.sites.base import ProfileRef
from givefirst.sites.html import BLOCKS, clean, lines, name_from_title, text
from givefirst.sites.page import Page

SHOWN_PIECES = etree.XPath(
    ".//span[@aria-hidden = 'true'][not(ancestor::span[@aria-hidden = 'true'])]"
)
CONTACT_INFO = etree.XPath(".//a[contains(@href, '/overlay/contact-info')]")
NOISE = re.compile(
    r"^(?:\(?\s*(?:he|she|they|ze|xe|it)\s*/\s*\w+(?:\s*/\s*\w+)?\s*\)?"  # pronouns
    r"|·?\s*(?:1st|2nd|3rd\+?)(?:\s+degree connection)?"  # degree of connection
    r"|verified|premium|·|•|contact info|see more|…\s*see more|show all.*"
    r"|\d[\d,.]*\+?\s+(?:connections?|followers?).*)$",
    re.IGNORECASE,
)
DATES = re.compile(r"\b(?:19|20)\d{2}\b.*\s[-–]\s|\s[-–]\s.*\b(?:19|20)\d{2}\b")
PRESENT = re.compile(r"\b(?:Present|Today|heute|aujourd.hui|actualidad|attuale|hoje)\b", re.I)
ACTIVITY_URN = re.compile(r"urn:li:(?:activity|share|ugcPost):(\d{15,22})")
POST_META = re.compile(r"\b(?:posted|reposted|shared|commented|liked|reacted)\b", re.I)
HEADINGS = {"experience": "experience", "about": "about", "content_collections": "activity"}


def closest(element, tag: str):
    return next((a for a in element.iterancestors() if a.tag == tag), None)


def section(page: Page, anchor: str):
    """A profile section, by the anchor LinkedIn puts in it or by its h2."""
    for element in page.by_id(anchor):
        found = closest(element, "section")
        if found is not None:
            return found
    return page.headed_sections.get(HEADINGS[anchor])


def top_card(page: Page):
    """The main h1 (the person's name) and the section around it."""
    heading = next((h for h in page.main.iter("h1") if text(h)), None)
    if heading is None:
        return None, None
    card = closest(heading, "section")
    if card is None:
        parent = heading.getparent()
        card = parent.getparent() if parent is not None else None
    return heading, card if card is not None else heading


def pieces(element) -> list[str]:
    """The visible pieces of a list entry: LinkedIn shows each in `<span aria-hidden="true">` and
    repeats it in a visually-hidden span for screen readers."""
    if element is None:
        return []
    shown = [t for span in SHOWN_PIECES(element) if (t := text(span))]
    return shown or lines(element)


def blocks_after(card, heading, limit: int = 3000) -> list[str]:
    """The text of each innermost block that follows the h1 in the top card, buttons aside
    (their aria labels say what they are: "Current company: …")."""
    found, passed = [], False
    for seen, element in enumerate(card.iter()):
        if seen > limit:
            break
        if element is heading:
            passed = True
        if not passed or element is heading or not isinstance(element.tag, str):
            continue
        if element.tag not in BLOCKS or element.tag in ("br", "button"):
            continue
        ancestors = list(element.iterancestors())
        if any(a is heading or a.tag == "button" for a in ancestors):
            continue
        if any(d.tag in BLOCKS and d.tag != "br" for d in element.iterdescendants()):
            continue
        if line := text(element):
            found.append(line)
    return found


def headline_and_location(card, heading) -> tuple[str | None, str | None]:
    shown = blocks_after(card, heading)
    links = CONTACT_INFO(card)
    at = len(shown)
    location = None
    contact = text(links[0]) if links else None
    if contact:
        for index, line in enumerate(shown):
            if contact in line:
                before = clean(line.replace(contact, "").strip(" ·•"))
                location = before or (shown[index - 1] if index else None)
                at = index if before else index - 1
                break
    headline = next((line for line in shown[:at] if not NOISE.match(line)), None)
    return headline, location


def current_company(page: Page) -> str | None:
    """From the top card's "Current company: Stripe. Click to skip to experience card"."""
    for element in page.by_aria_label("Current company:"):
        label = clean(element.get("aria-label")) or ""
        company = re.split(r"\.\s+Click\b", label.split(":", 1)[1])[0]
        if clean(company):
            return clean(company)
    return None


def first_entry(container):
    for item in container.iter("li"):
        if lines(item):
            return item
    return None


def current_position(page: Page) -> tuple[str | None, str | None]:
    """The first experience entry, if it has not ended: (role, company)."""
    found = section(page, "experience")
    entry = first_entry(found) if found is not None else None
    if entry is None:
        return None, None
    nested = next((ul for ul in entry.iter("ul") if first_entry(ul) is not None), None)
    if nested is not None:  # several roles at one company: the company heads the group
        company = pieces(entry)[0]
        shown = pieces(first_entry(nested))
        role = shown[0]
    else:
        shown = pieces(entry)
        role = shown[0]
        company = shown[1].split(" · ")[0] if len(shown) > 1 else None
    dates = next((line for line in shown if DATES.search(line)), None)
    if dates and not PRESENT.search(dates):
        return None, None  # the latest position has ended
    return role, clean(company)


def about(page: Page) -> str | None:
    found = section(page, "about")
    if found is None:
        return None
    shown = [line for line in pieces(found) if not NOISE.match(line)]
    return clean(" ".join(shown[1:] if shown and shown[0].casefold() == "about" else shown))


def photo(card, name: str | None, page: Page) -> str | None:
    images = [img for img in card.iter("img") if "background" not in (img.get("src") or "")]
    for img in images:
        if "profile-displayphoto" in (img.get("src") or ""):
            return page.absolute(img.get("src"))
    for img in images:
        if name and name in (img.get("alt") or ""):
            return page.absolute(img.get("src"))
    return None


def when(urn_id: str) -> str | None:
    """LinkedIn activity ids carry their time: the top 41 bits are milliseconds since 1970."""
    try:
        moment = datetime.fromtimestamp((int(urn_id) >> 22) / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return moment.date().isoformat()


def posts(page: Page) -> list[dict]:
    found = section(page, "content_collections")
    if found is None:
        return []
    listing = next(found.iter("ul", "ol"), None)
    items = []
    for item in listing.findall("li") if listing is not None else []:
        shown = [
            line for line in lines(item) if not POST_META.search(line) and not NOISE.match(line)
        ]
        if not shown:
            continue
        title = max(shown, key=len)
        link = next(
            (a.get("href") for a in item.iter("a") if ACTIVITY_URN.search(a.get("href") or "")),
            None,
        )
        urn = ACTIVITY_URN.search(link or item.get("data-urn") or "")
        items.append(
            {
                "title": title,
                "date": when(urn.group(1)) if urn else None,
                "url": page.absolute(link),
            }
        )
    return items


def read(page: Page, ref: ProfileRef) -> dict:
    heading, card = top_card(page)
    name = text(heading) or name_from_title(page.title)
    found: dict = {
        "name": name,
        "company": current_company(page),
        "bio": about(page),
        "activity": posts(page),
    }
    if card is not None:
        found["headline"], found["location"] = headline_and_location(card, heading)
        found["photo_url"] = photo(card, name, page)
    role, company = current_position(page)
    found["role"] = role
    found["company"] = found["company"] or company
    return found
