"""One mail message's headers: who wrote to whom, when, in which thread — or why it is noise.

Only headers are read here. Noise (mailing lists, bulk and automatic mail, no-reply senders,
more than 20 recipients, calendar notifications, spam, trash and drafts) is named by a short
reason so the summary can count it; nothing else about a noisy message is kept.
"""

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from givefirst.io.reading import ImportProblem
from givefirst.sites.base import clean_text
from givefirst.store.emails import ADDRESS

MAX_RECIPIENTS = 20
NO_REPLY = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|notifications?|"
    r"calendar-notification|noreply[-+.\w]*|no-reply[-+.\w]*)@",
    re.IGNORECASE,
)
CALENDAR_SUBJECT = re.compile(
    r"^(?:(?:updated )?invitation|accepted|declined|tentatively accepted|canceled event|"
    r"cancelled event|new event|event canceled|invitation updated)\s*:",
    re.IGNORECASE,
)
NOISY_LABELS = {"spam": "spam", "trash": "trash", "draft": "draft", "drafts": "draft"}


@dataclass(slots=True)
class Mail:
    """What the import keeps of a message: never its body."""

    number: int
    thread: str
    sender: str
    recipients: tuple[str, ...]
    names: dict[str, str]  # address → display name, as the headers give them
    when: datetime
    subject: str
    message_id: str


class HeaderBlock:
    """A message's header block, parsed the simple way: the standard library's parser builds a
    whole message object, which costs more than everything else an import does per message.
    Offers the part of email.message.Message's interface that `read` uses."""

    __slots__ = ("fields",)

    def __init__(self, raw: bytes):
        self.fields: dict[str, list[str]] = {}
        name = None
        for line in raw.decode("utf-8", "surrogateescape").splitlines():
            if line[:1] in (" ", "\t") and name:  # a folded continuation line
                self.fields[name][-1] += " " + line.strip()
                continue
            key, colon, value = line.partition(":")
            if not colon or not key or " " in key.strip():
                name = None
                continue
            name = key.strip().lower()
            self.fields.setdefault(name, []).append(value.strip())

    def __getitem__(self, name: str) -> str | None:
        found = self.fields.get(name.lower())
        return found[0] if found else None

    def get_all(self, name: str, failobj=None) -> list[str] | None:
        return self.fields.get(name.lower(), failobj)

    def get_content_type(self) -> str:
        return (self["Content-Type"] or "text/plain").split(";", 1)[0].strip().lower()


def text(value: object) -> str:
    """A header as plain text: RFC 2047 words decoded, control characters gone, bounded."""
    if value is None:
        return ""
    raw = str(value)[:2000]
    if "=?" in raw:
        with contextlib.suppress(ValueError, LookupError, UnicodeError):
            raw = str(make_header(decode_header(raw)))
    if raw.isascii() and raw.isprintable():
        return " ".join(raw.split())
    return clean_text(raw.encode("utf-8", "replace").decode("utf-8", "replace"))


def raw_text(value: object) -> str:
    """A header compared with plain words (Precedence, Auto-Submitted): lower case, as is."""
    return str(value).strip().lower() if value is not None else ""


SIMPLE_ADDRESS = re.compile(r'^\s*(?:([^<>",()]*?)\s*<([^<>\s]+)>|([^<>\s",()]+))\s*$')


def addresses(values: list) -> list[tuple[str, str]]:
    """(address, name) pairs, addresses lower case; what is not an address is left out."""
    pairs = []
    for value in values:
        if value is None:
            continue
        value = text(value)
        parts = value.split(",")
        simple = [SIMPLE_ADDRESS.match(part) for part in parts if part.strip()]
        if all(simple):  # "Name <a@b>, c@d": no quotes or comments to unpick
            pairs += [(m.group(1) or "", m.group(2) or m.group(3)) for m in simple if m]
        else:
            pairs += getaddresses([value])
    found = []
    for name, address in pairs:
        address = address.strip().lower()
        if len(address) <= 254 and ADDRESS.fullmatch(address):
            found.append((address, name.strip().strip('"')[:200]))
    return found


def noise(headers: Message | HeaderBlock, subject: str) -> str | None:
    """Why a message is not a conversation between people, or None when it may be one."""
    labels = {label.strip() for label in raw_text(headers["X-Gmail-Labels"]).split(",")}
    for label, reason in NOISY_LABELS.items():
        if label in labels:
            return reason
    if headers["List-Id"] or headers["List-Unsubscribe"] or headers["List-Post"]:
        return "mailing list"
    if raw_text(headers["Precedence"]) in ("bulk", "list", "junk"):
        return "bulk mail"
    if raw_text(headers["Auto-Submitted"]) not in ("", "no"):
        return "sent automatically"
    calendar_class = "calendarmessage" in raw_text(headers["Content-Class"])
    if calendar_class or headers.get_content_type() == "text/calendar":
        return "calendar notification"
    if CALENDAR_SUBJECT.match(subject):
        return "calendar notification"
    return None


def thread_of(headers: Message | HeaderBlock, message_id: str, number: int) -> str:
    """Gmail's thread id, else the first message the References name, else In-Reply-To."""
    gmail = raw_text(headers["X-GM-THRID"])[:40]
    if gmail:
        return f"gm:{gmail}"
    for name in ("References", "In-Reply-To"):
        ids = re.findall(r"<[^<>\s]{1,250}>", raw_text(headers[name])[:20000])
        if ids:
            return ids[0].lower()
    return message_id or f"#{number}"


def when(headers: Message | HeaderBlock, source: str, number: int) -> datetime:
    value = text(headers["Date"])
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        raise ImportProblem(
            source, None, f"message {number}: Date {value[:60]!r} is not a date"
        ) from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def read(
    headers: Message | HeaderBlock, number: int, source: str, calendar_part: bool = False
) -> Mail | str:
    """The message as a Mail, or the reason it is noise. A message with no sender or no date
    is broken: ImportProblem names it by its number."""
    subject = text(headers["Subject"])[:300]
    reason = noise(headers, subject) or ("calendar notification" if calendar_part else None)
    if reason:
        return reason
    senders = addresses(headers.get_all("From") or [])
    if not senders:
        raise ImportProblem(source, None, f"message {number}: no sender address in From")
    sender = senders[0][0]
    if NO_REPLY.match(sender):
        return "no-reply sender"
    found = addresses((headers.get_all("To") or []) + (headers.get_all("Cc") or []))
    recipients = tuple(dict.fromkeys(address for address, _ in found))
    if len(recipients) > MAX_RECIPIENTS:
        return f"more than {MAX_RECIPIENTS} recipients"
    message_id = raw_text(headers["Message-ID"])[:250]
    names = {address: name for address, name in [*found, senders[0]] if name}
    return Mail(
        number,
        thread_of(headers, message_id, number),
        sender,
        recipients,
        names,
        when(headers, source, number),
        subject,
        message_id,
    )
