"""What both mail readers (an mbox file, an IMAP account) do with one message's bytes.

Headers are parsed alone; the text of a message is read only when you sent it, to run the ask
check, and then dropped. Quoted replies are cut first: a quoted ask is not yours.
"""

import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser

from givefirst.io.entries import Batch, Skipped
from givefirst.io.mail import headers
from givefirst.io.mail.conversations import Conversations, flag_ask
from givefirst.io.reading import ImportProblem

MAX_TEXT = 200_000  # characters of a sent message the ask check reads
CALENDAR_PART = re.compile(rb"(?im)^content-type:[ \t]*text/calendar")
QUOTE_START = re.compile(
    r"(?im)^(?:on .{1,200} wrote:|-+ ?original message ?-+|from: .{1,200}|le .{1,200} a écrit ?:|"
    r"am .{1,200} schrieb .{1,200}:|el .{1,200} escribió:)\s*$"
)
HEADER_PARSER = BytesHeaderParser()
FULL_PARSER = BytesParser(policy=policy.default)


class OwnAddressNeeded(ImportProblem):
    """Mail cannot be read before givefirst knows which addresses are yours."""

    code = "own_address_needed"

    def __init__(self, source: str, proposal: str | None):
        hint = f" (the most frequent sender here is {proposal}: givefirst me add {proposal})"
        super().__init__(source, None, "tell givefirst which addresses are yours first"
                         + (hint if proposal else " (givefirst me add EMAIL)"))  # fmt: skip
        self.proposal = proposal


def sent_text(raw: bytes) -> str:
    """The plain text of a message, without quoted replies; bounded."""
    message = FULL_PARSER.parsebytes(raw)
    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    try:
        body = part.get_content()
    except (LookupError, ValueError, AssertionError):
        return ""
    if not isinstance(body, str):
        return ""
    body = body[:MAX_TEXT]
    found = QUOTE_START.search(body)
    if found:
        body = body[: found.start()]
    return "\n".join(line for line in body.splitlines() if not line.lstrip().startswith(">"))


class Reader:
    """Feeds messages, one at a time, into conversations; remembers what was noise."""

    def __init__(self, batch: Batch, me: set[str], source: str):
        self.batch, self.me, self.source = batch, me, source
        self.conversations = Conversations(me)

    def header_block(self, raw_headers: bytes, number: int, calendar: bool = False):
        """A message's headers as a Mail, or None when it is noise (counted as skipped)."""
        return self.message(HEADER_PARSER.parsebytes(raw_headers), number, calendar)

    def message(self, parsed: Message, number: int, calendar: bool = False):
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
