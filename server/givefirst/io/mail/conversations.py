"""Mail messages into exchanges with people, the way LinkedIn messages become them.

- Each thread is split per person you exchanged mail with in it: for a message you sent, each
  of its recipients; for a message sent to you, its sender.
- Messages a month or more apart are separate exchanges; each exchange is one interaction dated
  by its last message: `talked` when they wrote in it, `messaged` when only you did. Ids come
  from the thread, the person and the exchange's first message (uuid5): a re-import adds
  nothing, and a later sync that reads a reply extends the same interaction (store/sources.py).
- No dossiers: someone becomes a person only if you wrote to them at least once; mail from
  anyone else who is not already one of your people is skipped.
- A message you sent that the ask check reads as an ask waits in `givefirst review`; only the
  sentence that reads as the ask is kept, never the message.
"""

import hashlib
import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from givefirst.clock import iso
from givefirst.core import askcheck
from givefirst.core.dates import short_day
from givefirst.io.entries import Batch, Exchange, FlaggedAsk, Skipped
from givefirst.io.mail.headers import Mail

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://givefirst.invalid/import/mail")
EXCHANGE_GAP = timedelta(days=30)
ASK_CHARS = 300
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n(?=[-*•])")


@dataclass(slots=True)
class Note:
    """One message as one exchange needs it."""

    number: int
    when: datetime
    mine: bool
    subject: str
    ask: FlaggedAsk | None


def flag_ask(mail: Mail, body: str) -> FlaggedAsk | None:
    """The ask in a message you sent, if the ask check finds one."""
    found = askcheck.check(body)
    if not found.is_ask:
        return None
    sentence = sentence_with(body, found.phrase or "")[:ASK_CHARS]
    key = f"ask:{mail.message_id or mail.number}:{iso(mail.when)}"
    return FlaggedAsk(
        id=str(uuid.uuid5(NAMESPACE, key)),
        text=sentence,
        ask_kind=found.ask_kind,
        phrase=found.phrase,
        sent_at=iso(mail.when),
    )


def sentence_with(body: str, phrase: str) -> str:
    """The sentence of the message that holds the ask, not the message."""
    for sentence in SENTENCE_END.split(body):
        if phrase and phrase.lower() in sentence.lower():
            return " ".join(sentence.split())
    return " ".join((phrase or body).split())


class Conversations:
    """Collects messages one at a time and turns them into a batch at the end."""

    def __init__(self, me: set[str], label: str = "Email"):
        self.me, self.label = me, label
        self.threads: dict[tuple[str, str], list[Note]] = defaultdict(list)
        self.names: dict[str, str] = {}
        self.written_to: set[str] = set()
        self.senders: Counter = Counter()
        self.seen_ids: set[str] = set()

    def add(self, mail: Mail, ask: FlaggedAsk | None = None) -> None:
        if mail.message_id:  # the same message in two folders (Sent and All Mail) counts once
            if mail.message_id in self.seen_ids:
                return
            self.seen_ids.add(mail.message_id)
        self.senders[mail.sender] += 1
        for address, name in mail.names.items():
            self.names.setdefault(address, name)
        mine = mail.sender in self.me
        others = [a for a in mail.recipients if a not in self.me] if mine else [mail.sender]
        if mine:
            self.written_to.update(others)
        for other in others:
            note = Note(mail.number, mail.when, mine, mail.subject, ask if mine else None)
            self.threads[(mail.thread, other)].append(note)

    def fill(self, batch: Batch, known: set[str]) -> None:
        """Add people you wrote to and the exchanges to the batch; `known` are the addresses
        of people already here."""
        first_mail: dict[str, datetime] = {}
        for (thread, other), notes in self.threads.items():
            if other not in known and other not in self.written_to:
                batch.skipped.append(
                    Skipped(
                        notes[0].number, other, "you never wrote to them", subject="conversation"
                    )
                )
                continue
            notes.sort(key=lambda n: (n.when, n.number))
            first_mail[other] = min(first_mail.get(other, notes[0].when), notes[0].when)
            for run in runs(notes):
                batch.exchanges.append(self.exchange(thread, other, run))
        for other, since in sorted(first_mail.items(), key=lambda item: item[1]):
            if other not in known:
                name = self.names.get(other) or other.split("@")[0]
                batch.add(
                    batch.source,
                    0,
                    name,
                    emails=[other],
                    how_met=f"{self.label} since {short_day(since.date())}",
                )

    def exchange(self, thread: str, other: str, run: list[Note]) -> Exchange:
        mine = sum(1 for n in run if n.mine)
        theirs = len(run) - mine
        subject = run[0].subject or "(no subject)"
        key = hashlib.sha256(f"{thread}\x1f{other}".encode()).hexdigest()[:32]
        return Exchange(
            id=str(uuid.uuid5(NAMESPACE, f"exchange:{key}:{iso(run[0].when)}")),
            line=run[0].number,
            other_key="",
            other_name=self.names.get(other) or other,
            kind="talked" if theirs else "messaged",
            summary=f"{self.label} ({mine} from me, {theirs} from them): “{subject[:120]}”",
            occurred_at=iso(run[-1].when),
            asks=[n.ask for n in run if n.ask],
            other_email=other,
            thread=key,
            first_at=iso(run[0].when),
        )

    def most_frequent_sender(self) -> str | None:
        return self.senders.most_common(1)[0][0] if self.senders else None


def runs(notes: list[Note]) -> list[list[Note]]:
    """Messages a month or more apart start a new exchange."""
    found = [[notes[0]]]
    for note in notes[1:]:
        if note.when - found[-1][-1].when >= EXCHANGE_GAP:
            found.append([])
        found[-1].append(note)
    return found
