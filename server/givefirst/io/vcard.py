"""vCard: reading 3.0 and 4.0 address books (phones, Apple Contacts, Outlook), writing 4.0.

Read: folded lines, backslash escapes, grouped properties (`item1.URL`), FN or N, EMAIL, URL,
X-SOCIALPROFILE and SOCIALPROFILE (URLs, `x-apple:` handles, `x-user=`), NOTE, ORG and TITLE
(a "work" fact), CATEGORIES (tags) and BDAY (a "birthday" fact; `--0415` and Apple's year 1604
mean no year — 1604 is never stored as one). Phone numbers and addresses are not imported; phone
numbers only help recognise a card without a UID on the next import.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from givefirst.core.dates import MONTHS
from givefirst.io import capped
from givefirst.io.entries import Batch, Skipped, contact_identity, identity, work_fact
from givefirst.io.format import Format
from givefirst.io.reading import ImportProblem
from givefirst.sites import BY_NAME

APPLE_NO_YEAR = 1604  # Apple Contacts writes a birthday without a year as 1604-MM-DD
# Where a social handle lives, by the service a vCard names (`type=`, `SERVICE-TYPE=`).
SOCIAL_URLS = {
    "linkedin": "https://www.linkedin.com/in/{}",
    "twitter": "https://x.com/{}",
    "x": "https://x.com/{}",
    "github": "https://github.com/{}",
    "facebook": "https://www.facebook.com/{}",
    "instagram": "https://www.instagram.com/{}",
    "bluesky": "https://bsky.app/profile/{}",
    "youtube": "https://www.youtube.com/@{}",
    "mastodon": "@{}",
}


@dataclass
class Property:
    line: int
    name: str  # upper case, group removed
    params: dict[str, list[str]]  # lower-case names
    value: str  # still escaped

    def param(self, name: str) -> list[str]:
        return [v.lower() for v in self.params.get(name, [])]


@dataclass
class Card:
    line: int
    properties: list[Property] = field(default_factory=list)

    def values(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> str:
        found = self.values(name)
        return unescape(found[0].value).strip() if found else ""


def read(path: Path) -> Batch:
    batch = Batch(source=path.name)
    found = 0
    for card in cards(capped.file_lines(path), path.name):
        found += 1
        add_card(batch, card)
    if not found:
        raise ImportProblem(path.name, None, "holds no vCard (no BEGIN:VCARD line)")
    return batch


def logical_lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, line) with folded continuation lines joined back on.

    The pieces of a folded line are gathered in a list and joined once it ends: adding each
    piece to a growing string would copy it again for every piece (quadratic time).
    """
    start, parts = 0, []
    for number, raw in enumerate(lines, 1):
        raw = raw.rstrip("\r\n")
        if raw[:1] in (" ", "\t") and parts:
            parts.append(raw[1:])
        elif raw.strip():
            if parts:
                yield start, "".join(parts)
            start, parts = number, [raw]
    if parts:
        yield start, "".join(parts)


def cards(lines: Iterable[str], source: str) -> Iterator[Card]:
    card: Card | None = None
    for number, line in logical_lines(lines):
        prop = parse_property(number, line)
        if prop is None:
            raise ImportProblem(source, number, "is not a vCard property (NAME:value)")
        if prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD":
            if card is not None:
                raise ImportProblem(source, card.line, "this vCard has no END:VCARD")
            card = Card(number)
        elif prop.name == "END" and prop.value.strip().upper() == "VCARD":
            if card is None:
                raise ImportProblem(source, number, "END:VCARD without BEGIN:VCARD")
            check_version(card, source)
            yield card
            card = None
        elif card is None:
            raise ImportProblem(source, number, "a property outside BEGIN:VCARD … END:VCARD")
        else:
            card.properties.append(prop)
    if card is not None:
        raise ImportProblem(source, card.line, "this vCard has no END:VCARD")


def check_version(card: Card, source: str) -> None:
    version = card.first("VERSION")
    if version not in ("3.0", "4.0"):
        shown = f"version {version}" if version else "no VERSION"
        raise ImportProblem(
            source, card.line, f"vCard with {shown}; export as vCard 3.0 or 4.0 and try again"
        )


def parse_property(line: int, text: str) -> Property | None:
    """`group.NAME;param=a,b;param="x:y":value` → Property; None when there is no colon."""
    quoted, colon = False, -1
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            colon = i
            break
    if colon <= 0:
        return None
    head = split_unquoted(text[:colon], ";")
    name = head[0].rpartition(".")[2].strip().upper()
    params: dict[str, list[str]] = {}
    for part in head[1:]:
        key, eq, value = part.partition("=")
        if not eq:  # a bare type, as in `TEL;CELL:`
            key, value = "type", key
        values = [v.strip().strip('"') for v in split_unquoted(value, ",")]
        params.setdefault(key.strip().lower(), []).extend(v for v in values if v)
    return Property(line, name, params, text[colon + 1 :])


def split_unquoted(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def split_escaped(value: str, separator: str) -> list[str]:
    """Split on separators not escaped by a backslash, and undo the escapes."""
    parts, current, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            following = value[i + 1]
            current.append("\n" if following in "nN" else following)
            i += 2
            continue
        if ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def unescape(value: str) -> str:
    return split_escaped(value, "\x00")[0]


def add_card(batch: Batch, card: Card) -> None:
    name = card_name(card)
    if not name:
        shown = organisation(card) or card.first("EMAIL") or "(no name)"
        batch.skipped.append(Skipped(card.line, shown, "no name"))
        return
    links = [unescape(p.value).strip() for p in card.values("URL")]
    for prop in card.values("X-SOCIALPROFILE") + card.values("SOCIALPROFILE"):
        url = social_url(prop)
        if url:
            links.append(url)
        else:
            batch.warn(
                prop.line, f"left out the social profile {prop.value[:60]!r}: unknown service"
            )
    notes = "\n\n".join(unescape(p.value).strip() for p in card.values("NOTE")) or None
    tags = [t.strip() for p in card.values("CATEGORIES") for t in split_escaped(p.value, ",")]
    uid = card.first("UID")
    batch.add(
        batch.source,
        card.line,
        name,
        links=[u for u in links if u],
        emails=[unescape(p.value) for p in card.values("EMAIL")],
        tags=[t for t in tags if t],
        notes=notes,
        facts=card_facts(batch, card),
        source_identity=identity("vcard", uid)
        if uid
        else contact_identity(
            "vcard", name, [unescape(p.value) for p in card.values("TEL")], organisation(card)
        ),
    )


def card_name(card: Card) -> str:
    name = card.first("FN")
    if name:
        return name
    found = card.values("N")
    if not found:
        return ""
    family, given, additional, *_ = [*split_escaped(found[0].value, ";"), "", "", ""]
    return " ".join(part.strip() for part in (given, additional, family) if part.strip())


def organisation(card: Card) -> str:
    """The organisation's name: the first part of ORG (the rest are its units)."""
    found = card.values("ORG")
    return split_escaped(found[0].value, ";")[0].strip() if found else ""


def social_url(prop: Property) -> str | None:
    value = unescape(prop.value).strip()
    if value.lower().startswith(("http://", "https://")):
        return value
    service = next((s for s in prop.param("type") + prop.param("service-type") if s != "pref"), "")
    handle = (prop.params.get("x-user") or [""])[0] or value.removeprefix("x-apple:")
    template = SOCIAL_URLS.get(service)
    return template.format(handle.lstrip("@")) if template and handle else None


def card_facts(batch: Batch, card: Card) -> list[dict]:
    found = work_fact(card.first("TITLE"), organisation(card))
    if card.values("BDAY"):
        prop = card.values("BDAY")[0]
        day = birthday(unescape(prop.value), prop.param("x-apple-omit-year"))
        if day:
            found.append(day)
        else:
            batch.warn(prop.line, f"left out the birthday {prop.value[:30]!r}: not a date")
    return found


def birthday(value: str, omit_year: list[str] | None = None) -> dict | None:
    """A birthday fact with a date `--MM-DD` (no year) or `YYYY-MM-DD`; None if unreadable."""
    value = value.strip().split("T")[0]
    no_year = re.fullmatch(r"--(\d\d)-?(\d\d)", value)
    full = re.fullmatch(r"(\d{4})-?(\d\d)-?(\d\d)", value)
    if no_year:
        year, month, day = None, int(no_year[1]), int(no_year[2])
    elif full:
        year, month, day = int(full[1]), int(full[2]), int(full[3])
        if year == APPLE_NO_YEAR or omit_year:
            year = None
    else:
        return None
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 February stands
    except ValueError:
        return None
    shown = f"{day} {MONTHS[month - 1]}" + (f" {year}" if year else "")
    when = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return {"label": "birthday", "value": shown, "date": when}


def write_cards(persons: list[dict]) -> str:
    """People (as in the JSON document) as vCard 4.0, lines folded at 75 octets."""
    lines: list[str] = []
    for person in persons:
        card = [
            "BEGIN:VCARD",
            "VERSION:4.0",
            f"UID:urn:uuid:{person['uuid']}",
            f"FN:{escape(person['name'])}",
        ]
        card += [f"EMAIL:{escape(email)}" for email in person["emails"]]
        for profile in person["profiles"]:
            if profile["site"] == "web":
                card.append(f"URL:{profile['url']}")
            else:  # RFC 9554
                card.append(f'SOCIALPROFILE;SERVICE-TYPE="{site_label(profile)}":{profile["url"]}')
        if person["tags"]:
            card.append("CATEGORIES:" + ",".join(escape(tag) for tag in person["tags"]))
        if person["notes"]:
            card.append(f"NOTE:{escape(person['notes'])}")
        born = next((f["date"] for f in person["facts"] if f["label"] == "birthday"), None)
        if born:
            card.append(f"BDAY:{bday(born)}")
        card.append(f"REV:{person['updated_at'][:19].replace('-', '').replace(':', '')}Z")
        card.append("END:VCARD")
        lines += [folded(line) for line in card]
    return "\r\n".join(lines) + "\r\n"


def site_label(profile: dict) -> str:
    return BY_NAME[profile["site"]].label


def bday(value: str) -> str:
    """A fact's date as BDAY: --MMDD without a year, YYYYMMDD with one."""
    return "--" + value[2:].replace("-", "") if value.startswith("--") else value.replace("-", "")


def escape(value: str) -> str:
    """A text value as vCard writes it: line ends (CRLF, CR or LF) as \\n, and \\ , ; escaped."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n")
    return lines.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def folded(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 6350 3.2),
    never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode())
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


FORMAT = Format("vcard", "vCard file (.vcf)", (".vcf", ".vcard"), lambda job: read(job.path))
