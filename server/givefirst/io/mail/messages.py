"""What both mail readers (an mbox file, an IMAP account) do with one message's bytes.

Headers are parsed alone; the text of a message is read only when you sent it, to run the ask
check, and then dropped. Quoted replies are cut first: a quoted ask is not yours.
"""

import binascii
import quopri
import re
from email import message_from_bytes
from email.message import Message

from givefirst.io.entries import Batch, Skipped
from givefirst.io.mail import headers
from givefirst.io.mail.conversations import Conversations, flag_ask
from givefirst.io.reading import ImportProblem

MAX_TEXT = 20_000  # characters of a sent message (after quotes are cut) the ask check reads
CHARSET = re.compile(r'charset\s*=\s*"?([\w.:-]{1,40})', re.IGNORECASE)
CALENDAR_PART = re.compile(rb"(?im)^content-type:[ \t]*text/calendar")
QUOTE_START = re.compile(
    r"(?im)^(?:on .{1,200} wrote:|-+ ?original message ?-+|from: .{1,200}|le .{1,200} a écrit ?:|"
    r"am .{1,200} schrieb .{1,200}:|el .{1,200} escribió:)\s*$"
)


class OwnAddressNeeded(ImportProblem):
    """Mail cannot be read before givefirst knows which addresses are yours."""

    code = "own_address_needed"

    def __init__(self, source: str, proposal: str | None):
        hint = f" (the most frequent sender here is {proposal}: givefirst me add {proposal})"
        super().__init__(
            source,
            None,
            "tell givefirst which addresses are yours first"
            + (hint if proposal else " (givefirst me add EMAIL)"),
        )
        self.proposal = proposal


def decoded(payload: bytes, encoding: str, charset: str) -> str:
    encoding = encoding.strip().lower()
    if encoding == "base64":
        payload = binascii.a2b_base64(payload, strict_mode=False)
    elif encoding == "quoted-printable":
        payload = quopri.decodestring(payload)
    try:
        return payload.decode(charset, "replace")
    except LookupError:  # a charset Python does not know
        return payload.decode("utf-8", "replace")


def plain_text(raw: bytes) -> str:
    """The first plain text part that is not an attachment, decoded; "" when there is none.
    Most mail you send is one plain text part: that is read directly; anything else is parsed
    by the standard library."""
    head, _, body = raw.replace(b"\r\n", b"\n").partition(b"\n\n")
    block = headers.HeaderBlock(head)
    if block.get_content_type() == "text/plain":
        charset = CHARSET.search(block["Content-Type"] or "")
        return decoded(
            body, block["Content-Transfer-Encoding"] or "", charset.group(1) if charset else "utf-8"
        )
    for part in message_from_bytes(raw).walk():
        if part.get_content_type() != "text/plain":
            continue
        if "attachment" in str(part.get("Content-Disposition", "")).lower():
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            return ""
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset, "replace")
        except LookupError:  # a charset Python does not know
            return payload.decode("utf-8", "replace")
    return ""


def sent_text(raw: bytes) -> str:
    """The plain text of a message, without quoted replies; bounded."""
    body = plain_text(raw)
    found = QUOTE_START.search(body)
    if found:
        body = body[: found.start()]
    lines = (line for line in body.splitlines() if not line.lstrip().startswith(">"))
    return "\n".join(lines)[:MAX_TEXT]


class Reader:
    """Feeds messages, one at a time, into conversations; remembers what was noise."""

    def __init__(self, batch: Batch, me: set[str], source: str):
        self.batch, self.me, self.source = batch, me, source
        self.conversations = Conversations(me)

    def header_block(self, raw_headers: bytes, number: int, calendar: bool = False):
        """A message's headers as a Mail, or None when it is noise (counted as skipped)."""
        return self.message(headers.HeaderBlock(raw_headers), number, calendar)

    def message(self, parsed: Message | headers.HeaderBlock, number: int, calendar: bool = False):
        mail = headers.read(parsed, number, self.source, calendar)
        if isinstance(mail, str):
            who = headers.text(parsed["From"])[:120] or "(no sender)"
            self.batch.skipped.append(Skipped(number, who, mail, subject="message"))
            return None
        return mail

    def is_mine(self, mail: headers.Mail) -> bool:
        return mail.sender in self.me

    def add(self, mail: headers.Mail, sent: bytes | None = None) -> None:
        ask = flag_ask(mail, sent_text(sent)) if sent is not None and self.is_mine(mail) else None
        self.conversations.add(mail, ask)

    def finish(self, known: set[str]) -> None:
        if not self.me:
            raise OwnAddressNeeded(self.source, self.conversations.most_frequent_sender())
        self.conversations.fill(self.batch, known)
