"""What a format module reads out of a file: contacts, conversations and skipped rows.

`contact()` checks an entry with the rules the API applies (validation.py, store/people.py,
store/facts.py), so an import accepts exactly what the API would; a value the API would refuse
stops the import at that line.
"""

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from givefirst import validation as check
from givefirst.io import quick_checks as quick
from givefirst.io.reading import at
from givefirst.sites import InvalidUrl, NotAProfile, ProfileRef, canonicalise
from givefirst.store import facts as fact_store
from givefirst.store import people

IMPORTED_CIRCLE = "acquaintance"  # imported people are connections, not relationships yet
# people.checked_fields' limits (tests/io/test_entries.py holds plain_fields to its answers)
NAME_LENGTH, HOW_MET_LENGTH = 200, 500
EMAIL = re.compile(r"[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+")


@dataclass
class Contact:
    """One person as a file describes them, checked."""

    source: str
    line: int
    name: str
    how_met: str | None = None
    notes: str | None = None
    refs: list[ProfileRef] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)  # {"label", "value", "date"}
    observed: dict[str, dict] = field(default_factory=dict)  # profile key → fields the file shows
    identity: str | None = None  # recognises an entry that has no profile and no email


@dataclass
class FlaggedAsk:
    """A message I sent that reads like an ask: kept for the person to review."""

    id: str
    text: str
    ask_kind: str | None
    phrase: str | None
    sent_at: str


@dataclass
class Exchange:
    """A run of messages with one person, which becomes one interaction."""

    id: str
    line: int
    other_key: str  # the other person's canonical profile key
    other_name: str
    kind: str  # talked | messaged
    summary: str
    occurred_at: str
    asks: list[FlaggedAsk] = field(default_factory=list)
    other_email: str | None = None  # mail and calendars know the other person by address
    thread: str | None = None  # a mail thread with this person: a later reply extends it
    first_at: str | None = None  # when the exchange's first message was


@dataclass
class Skipped:
    line: int | None
    name: str
    reason: str
    subject: str = "person"  # person | conversation | message


@dataclass
class Entry:
    """A person as a file lists them, not yet checked: checking is the slow part of an import,
    so it happens while matching, under the progress bar."""

    source: str
    line: int
    name: str
    fields: dict  # the keyword arguments of `contact()`


@dataclass
class Batch:
    """Everything read from one file (or one archive), before it is matched to the database."""

    source: str
    entries: list[Entry] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # What else the import writes in its transaction (an IMAP folder's place, meetings ahead).
    after: list[Callable] = field(default_factory=list)

    def add(self, source: str, line: int, name: str, **fields) -> None:
        self.entries.append(Entry(source, line, name, fields))

    def warn(self, line: int | None, text: str) -> None:
        self.warnings.append(f"line {line}: {text}" if line else text)


def identity(kind: str, *parts: str) -> str:
    """A stable key for an entry from the parts that identify it in its source."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]
    return f"{kind}:{digest}"


def contact_identity(kind: str, name: str, phones: Iterable[str], organisation: str) -> str:
    """An address book entry with no id of its own, recognised by what rarely changes: the name
    and its phone numbers, else the name and organisation. Not the whole entry: a re-export
    with an edited note, a new label or a new revision date is still the same person."""
    numbers = sorted({n for n in (phone_digits(p) for p in phones) if n})
    plain_name = " ".join(name.casefold().split())
    if numbers:
        return identity(kind, plain_name, "phones", *numbers)
    return identity(kind, plain_name, "organisation", " ".join(organisation.casefold().split()))


def phone_digits(phone: str) -> str:
    """+44 20 7946 0001, tel:+442079460001 and (020) 7946-0001 alike: the digits, and a leading +."""
    number = phone.strip().removeprefix("tel:")
    digits = re.sub(r"\D", "", number)
    return ("+" + digits if number.startswith("+") else digits) if digits else ""


def check_entry(batch: Batch, entry: Entry) -> Contact:
    return contact(batch, entry.source, entry.line, entry.name, **entry.fields)


def contact(
    batch: Batch,
    source: str,
    line: int,
    name: str,
    *,
    profiles: Iterable[str] = (),
    links: Iterable[str] = (),
    emails: Iterable[str] = (),
    tags: Iterable[str] = (),
    notes: str | None = None,
    how_met: str | None = None,
    facts: Iterable[dict] = (),
    observed: dict | None = None,
    source_identity: str | None = None,
) -> Contact:
    """Check one entry. `profiles` must be profile URLs (else the import stops at this line);
    `links` may be anything: known sites become profiles, other pages a "website" fact."""
    with at(source, line):
        fields = plain_fields(name, how_met, notes) or people.checked_fields(
            {"name": name, "how_met": how_met, "notes": notes}, False
        )
        checked_tags = (check.string_list({"tags": list(tags)}, "tags") or []) if tags else []
        linked, websites = sort_links(batch, line, links) if links else ([], [])
        refs = [quick.profile_ref(url) or people.ref_for(url) for url in profiles] + linked
        websites = [{"label": "website", "value": url} for url in websites]
        checked_facts = [fact_store.checked_fields(fact) for fact in [*facts, *websites]]
        seen = {
            f: quick.text(value, 300) or check.text(observed, f, max_length=300)
            for f, value in (observed or {}).items()
        }
    found = Contact(
        source=source,
        line=line,
        name=fields["name"],
        how_met=fields["how_met"],
        notes=fields["notes"],
        refs=list({ref.key: ref for ref in refs}.values()) if len(refs) > 1 else refs,
        emails=checked_emails(batch, line, emails),
        tags=checked_tags,
        facts=checked_facts,
        observed={refs[0].key: seen} if seen and refs else {},
    )
    if not found.refs and not found.emails:
        found.identity = source_identity
    return found


def plain_fields(name: str, how_met: str | None, notes: str | None) -> dict | None:
    """What people.checked_fields makes of a name and a how-met already in their checked form
    (one line, trimmed, single spaces, as most files write them) and no notes; None when the
    full check must run. Most entries of a large file take this path."""
    if notes is not None or quick.text(name, NAME_LENGTH) is None:
        return None
    if how_met is not None and quick.text(how_met, HOW_MET_LENGTH) is None:
        return None
    return {"name": name, "how_met": how_met, "notes": None}


def work_fact(title: str, organisation: str) -> list[dict]:
    """ORG and TITLE of an address book as one fact: "CTO at Acme"."""
    value = " at ".join(part.strip() for part in (title, organisation) if part.strip())
    return [{"label": "work", "value": value}] if value else []


def sort_links(batch: Batch, line: int, urls: Iterable[str]) -> tuple[list[ProfileRef], list]:
    """Profiles on known sites, and other web pages (kept as "website" facts, not profiles:
    colleagues share a company's site, and matching people by it would merge them). What is
    not a link at all is left out with a note."""
    refs, websites = [], []
    for url in urls:
        try:
            ref = canonicalise(url)
        except (InvalidUrl, NotAProfile) as error:
            batch.warn(line, f"left out {url[:80]!r}: {error}")
            continue
        if ref.site == "web":
            websites.append(url)
        else:
            refs.append(ref)
    return refs, websites


def checked_emails(batch: Batch, line: int, values: Iterable[str]) -> list[str]:
    found: list[str] = []
    for value in values:
        email = value.strip().lower().removeprefix("mailto:")
        if not email:
            continue
        if len(email) > 254 or not EMAIL.fullmatch(email):
            batch.warn(line, f"left out {email[:80]!r}: not an email address")
        elif email not in found:
            found.append(email)
    return found
