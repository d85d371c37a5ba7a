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


def text(value: object) -> str:
    """A header as plain text: RFC 2047 words decoded, control characters gone, bounded."""
    if value is None:
        return ""
    raw = str(value)[:2000]
    with contextlib.suppress(ValueError, LookupError, UnicodeError):
        raw = str(make_header(decode_header(raw)))
    return clean_text(raw)


def addresses(values: list) -> list[tuple[str, str]]:
    """(address, name) pairs, addresses lower case; what is not an address is left out."""
    found = []
    for name, address in getaddresses([text(v) for v in values if v is not None]):
        address = address.strip().lower()
        if len(address) <= 254 and ADDRESS.fullmatch(address):
            found.append((address, name.strip()[:200]))
    return found


def noise(headers: Message, subject: str) -> str | None:
    """Why a message is not a conversation between people, or None when it may be one."""
    labels = {label.strip().lower() for label in text(headers["X-Gmail-Labels"]).split(",")}
    for label, reason in NOISY_LABELS.items():
        if label in labels:
            return reason
    if headers["List-Id"] or headers["List-Unsubscribe"] or headers["List-Post"]:
        return "mailing list"
    if text(headers["Precedence"]).lower() in ("bulk", "list", "junk"):
        return "bulk mail"
    if text(headers["Auto-Submitted"]).lower() not in ("", "no"):
        return "sent automatically"
    calendar_class = "calendarmessage" in text(headers["Content-Class"]).lower()
    if calendar_class or headers.get_content_type() == "text/calendar":
        return "calendar notification"
    if CALENDAR_SUBJECT.match(subject):
        return "calendar notification"
    return None


def thread_of(headers: Message, message_id: str, number: int) -> str:
    """Gmail's thread id, else the first message the References name, else In-Reply-To."""
    gmail = text(headers["X-GM-THRID"])
    if gmail:
        return f"gm:{gmail}"
    for name in ("References", "In-Reply-To"):
        ids = re.findall(r"<[^<>\s]{1,250}>", text(headers[name]))
        if ids:
            return ids[0].lower()
    return message_id or f"#{number}"


def when(headers: Message, source: str, number: int) -> datetime:
    value = text(headers["Date"])
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        raise ImportProblem(
            source, None, f"message {number}: Date {value[:60]!r} is not a date"
        ) from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def read(headers: Message, number: int, source: str, calendar_part: bool = False) -> Mail | str:
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
    message_id = text(headers["Message-ID"]).lower()[:250]
    names = {address: name for address, name in [*found, senders[0]] if name}
    return Mail(number, thread_of(headers, message_id, number), sender, recipients, names,
                when(headers, source, number), subject, message_id)  # fmt: skip
