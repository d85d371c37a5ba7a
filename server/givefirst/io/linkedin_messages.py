"""LinkedIn's messages.csv: conversations become interactions, and sent asks wait for review.

- Only one-to-one conversations with someone you have (or who is a connection in the same
  archive) count; group chats, drafts, spam and LinkedIn's own system rows are skipped.
- Messages a month or more apart are separate exchanges; each exchange is one interaction, dated
  by its last message: `talked` when they wrote in it (they answered, or reached out to you),
  `messaged` when only you wrote. When a later export shows their reply, re-importing turns that
  `messaged` into `talked`.
- Interaction ids are derived from the conversation and the exchange's first message (uuid5), so
  importing the same file again adds nothing.
- A message you sent that the ask check reads as an ask is kept in the review list
  (`givefirst review`) — never logged as an `asked` entry without you deciding.
"""

import html
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from givefirst.clock import iso, parse_moment
from givefirst.io.entries import Batch, Exchange, FlaggedAsk, Skipped
from givefirst.io.reading import ImportProblem, csv_rows, find_header, records
from givefirst.sites import InvalidUrl, NotAProfile, canonicalise
from givefirst.sites.base import clean_text

COLUMNS = (
    "conversation id",
    "from",
    "sender profile url",
    "recipient profile urls",
    "date",
    "content",
)
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://givefirst.invalid/import/linkedin-messages")
EXCHANGE_GAP = timedelta(days=30)
SNIPPET = 120
# Rows LinkedIn writes itself, in the conversation, that nobody typed.
SYSTEM_TEXTS = {
    "message request accepted",
    "you accepted the message request",
    "this message has been deleted.",
    "this message has been deleted",
}
TAG = re.compile(r"<[^>]+>")


@dataclass
class Message:
    line: int
    conversation: str
    sender: str  # canonical profile key
    sender_name: str
    recipients: list[str]
    recipient_names: str
    when: datetime
    text: str


def add_to(
    batch: Batch,
    lines: Iterable[str],
    source: str,
    known_keys: set[str],
    connection_urls: set[str],
) -> None:
    """Add the file's exchanges (and what was skipped) to the batch; `known_keys` are LinkedIn
    keys in the database, `connection_urls` the profiles of connections read with the file."""
    rows = csv_rows(lines, source)
    found = []
    for line, row in records(rows, find_header(rows, COLUMNS, source), source):
        item = message(batch, source, line, row)
        if item:
            found.append(item)
    conversations: dict[str, list[Message]] = defaultdict(list)
    for item in found:
        conversations[item.conversation].append(item)
    if not conversations:
        return
    me = owner(conversations, lambda: known_keys | set(map(profile_key, connection_urls)), source)
    for thread in conversations.values():
        add_exchanges(batch, me, sorted(thread, key=lambda m: (m.when, m.line)))


def message(batch: Batch, source: str, line: int, row: dict[str, str]) -> Message | None:
    """One row as a message, or None (recorded as skipped) for rows nobody typed to a person."""
    who = row["from"].strip() or "(unknown)"
    text = clean(row["content"])
    if row.get("is message draft", "").strip().lower() in ("yes", "true"):
        reason = "draft"
    elif row.get("folder", "").strip().lower() == "spam":
        reason = "spam"
    elif not text or text.lower() in SYSTEM_TEXTS:
        reason = "system or empty message"
    else:
        sender = profile_key(row["sender profile url"])
        recipients = [profile_key(u) for u in re.split(r"[;,]\s*", row["recipient profile urls"])]
        recipients = [key for key in recipients if key]
        if not sender or not recipients:
            reason = "not between people (sponsored or from a company)"
        else:
            sent = when(row["date"], source, line)
            return Message(
                line,
                row["conversation id"].strip(),
                sender,
                who,
                recipients,
                row.get("to", "").strip(),
                sent,
                text,
            )
    batch.skipped.append(Skipped(line, who, reason, subject="message"))
    return None


def clean(content: str) -> str:
    """Message text without HTML tags or entities, control or invisible characters."""
    if "<" in content or "&" in content:
        content = html.unescape(TAG.sub(" ", content))
    return clean_text(content)


def profile_key(url: str) -> str | None:
    url = url.strip()
    if not url:
        return None
    try:
        ref = canonicalise(url)
    except (InvalidUrl, NotAProfile):
        return None
    return ref.key if ref.site == "linkedin" else None


def when(value: str, source: str, line: int) -> datetime:
    """LinkedIn writes "2024-03-15 10:22:33 UTC"; ISO 8601 is accepted too."""
    value = value.strip()
    try:
        if value.endswith(" UTC"):
            return datetime.strptime(value[:-4], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        return parse_moment(value)
    except ValueError:
        raise ImportProblem(
            source, line, f"DATE {value[:40]!r} is not a time like 2024-03-15 10:22:33 UTC"
        ) from None


def owner(
    conversations: dict[str, list[Message]], known_keys: Callable[[], set], source: str
) -> str:
    """Whose export this is: the one person in every conversation. With a single conversation
    both sides qualify; then the one who is not among your people is you."""
    counts = Counter(key for thread in conversations.values() for key in participants(thread))
    most = max(counts.values())
    candidates = [key for key, n in counts.items() if n == most]
    if len(candidates) > 1:
        known = known_keys()  # only now: canonicalising every connection takes a while
        candidates = [key for key in candidates if key not in known]
    if len(candidates) != 1:
        raise ImportProblem(
            source,
            None,
            "cannot tell which side of the conversations is you; import "
            "Connections.csv first, or the whole archive",
        )
    return candidates[0]


def participants(thread: list[Message]) -> set[str]:
    return {key for m in thread for key in (m.sender, *m.recipients)}


def add_exchanges(batch: Batch, me: str, thread: list[Message]) -> None:
    others = participants(thread) - {me}
    first = thread[0]
    if len(others) != 1:
        reason = "group conversation" if others else "only you wrote to yourself"
        name = first.recipient_names or first.sender_name
        batch.skipped.append(Skipped(first.line, name, reason, subject="conversation"))
        return
    other = others.pop()
    runs: list[list[Message]] = [[first]]
    for item in thread[1:]:
        if item.when - runs[-1][-1].when >= EXCHANGE_GAP:
            runs.append([])
        runs[-1].append(item)
    for run in runs:
        batch.exchanges.append(exchange(me, other, run))


def exchange(me: str, other: str, run: list[Message]) -> Exchange:
    mine = [m for m in run if m.sender == me]
    theirs = [m for m in run if m.sender != me]
    first = run[0]
    name = theirs[0].sender_name if theirs else first.recipient_names
    snippet = first.text if len(first.text) <= SNIPPET else first.text[: SNIPPET - 1] + "…"
    counts = f"{len(mine)} from me, {len(theirs)} from them"
    # The ask check's cues and model load here, when there are messages: not for a
    # Connections.csv, which has none.
    from givefirst.core import askcheck

    asks = []
    for sent in mine:
        found = askcheck.check(sent.text)
        if found.is_ask:
            asks.append(
                FlaggedAsk(
                    id=str(
                        uuid.uuid5(
                            NAMESPACE, f"ask:{sent.conversation}:{iso(sent.when)}:{sent.text}"
                        )
                    ),
                    text=sent.text[:2000],
                    ask_kind=found.ask_kind,
                    phrase=found.phrase,
                    sent_at=iso(sent.when),
                )
            )
    return Exchange(
        id=str(uuid.uuid5(NAMESPACE, f"exchange:{first.conversation}:{iso(first.when)}")),
        line=first.line,
        other_key=other,
        other_name=name or other,
        kind="talked" if theirs else "messaged",
        summary=f"LinkedIn messages ({counts}): “{snippet}”",
        occurred_at=iso(run[-1].when),
        asks=asks,
    )
