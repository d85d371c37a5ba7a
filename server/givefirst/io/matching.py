"""Matching what a file describes to the people already here, and planning what to write.

The same canonical profile key or the same email is the same person; an entry with neither is
recognised by its identity in its source (a vCard UID, a row's name and date), so importing a
file again adds nothing; anyone else is a new person. Planning writes nothing — a dry run shows
the plan and stops — and store/bulk.py writes it with a few set-based statements, because
thousands of per-row store calls would be far too slow. The rules an import shares with a merge
(the tag cap, who holds an email, which id a new person takes) are io/planner.py's. The values were checked by the store's own rules when
the file was read (io/entries.py), so set-based writing accepts nothing the API would refuse.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.io.entries import IMPORTED_CIRCLE, Batch, Contact, Exchange, check_entry
from givefirst.io.planner import Known
from givefirst.io.summary import Outcome, Summary
from givefirst.store import interactions, known, sources
from givefirst.store.people import MAX_NOTES, appended_notes
from givefirst.store.profiles import OBSERVED

Progress = Callable[[int, int], None]  # (done, total)
PROGRESS_EVERY = 250
EXCHANGE_GAP = timedelta(days=30)  # as linkedin_messages.py and mail/conversations.py split them


class Index(Known):
    """What the database knows (io/planner.py) and, for a batch's conversations, which of
    them and their asks are here already."""

    def __init__(self, db: Database, warnings: list[str]):
        super().__init__(db, warnings)
        self.facts = known.facts(db)
        self.interactions: dict[str, str] = {}  # id → kind, loaded for a batch's exchanges
        self.reviews: set[str] = set()
        self.threads: dict[str, tuple[str, str, str]] = {}  # mail thread → its latest exchange
        self.outcomes: list[Outcome] = []

    def load_exchanges(self, db: Database, exchanges: list[Exchange]) -> None:
        self.threads = sources.latest_exchanges(db, [e.thread for e in exchanges if e.thread])
        self.interactions = known.interaction_kinds(db, [e.id for e in exchanges])
        self.reviews = known.review_ids(db, [a.id for e in exchanges for a in e.asks])

    def summary(self, source: str, dry_run: bool) -> Summary:
        reviews = len(self.writes.inserts["ask_reviews"])
        return Summary(source, dry_run, self.outcomes, reviews, self.warnings)


def plan(db: Database, batch: Batch, now: datetime, progress: Progress | None = None) -> Index:
    """Match every entry of the batch and decide what to write (its `writes`); nothing is
    written."""
    index, stamp = Index(db, batch.warnings), iso(now)
    index.load_exchanges(db, batch.exchanges)
    total = len(batch.entries) + len(batch.exchanges)
    for done, entry in enumerate(batch.entries, 1):
        plan_contact(index, check_entry(batch, entry), stamp)
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
    for done, exchange in enumerate(batch.exchanges, len(batch.entries) + 1):
        plan_exchange(index, exchange, now)
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
    for skipped in batch.skipped:
        index.outcomes.append(
            Outcome("skipped", skipped.subject, skipped.line, skipped.name, skipped.reason)
        )
    index.outcomes.sort(key=lambda outcome: outcome.line or 0)
    if progress:
        progress(total, total)
    return index


def plan_contact(index: Index, contact: Contact, stamp: str) -> None:
    where = f"line {contact.line}"
    person_id, why = index.match(
        keys=[r.key for r in contact.refs], emails=contact.emails, source=contact.identity
    )
    created = person_id is None
    if person_id is None:
        person_id = new_person(index, contact, stamp)
    added = add_profiles(index, contact, person_id, stamp)
    added += [f"email {e}" for e in contact.emails if index.claim("email", e, person_id, where)]
    if contact.identity:
        index.claim("source", contact.identity, person_id, where=None)
    if contact.tags:
        added += index.add_tags(person_id, contact.tags, where)
    if contact.facts:
        added += add_facts(index, contact, person_id, stamp)
    if not created:  # a new person was made with this entry's how-met and notes
        added += fill_person(index, contact, person_id)
    if added and not created:
        person = index.people[person_id]
        index.writes.update(
            "people",
            "id",
            {
                "id": person_id,
                "how_met": person["how_met"],
                "notes": person["notes"],
                "updated_at": stamp,
            },
        )
    if created:
        outcome = Outcome(
            "created", "person", contact.line, contact.name, "new person", ", ".join(added)
        )
    elif added:
        outcome = Outcome(
            "merged",
            "person",
            contact.line,
            contact.name,
            f"into {index.who(person_id)}",
            f"{why}; adds {', '.join(added)}",
        )
    else:
        outcome = Outcome(
            "skipped", "person", contact.line, contact.name, "already up to date", why
        )
    index.outcomes.append(outcome)


def new_person(index: Index, contact: Contact, stamp: str) -> int:
    person_id = index.ids["people"].take()
    index.add_person(
        {
            "id": person_id,
            "uuid": index.new_uuid(),
            "name": contact.name,
            "circle": IMPORTED_CIRCLE,
            "how_met": contact.how_met,
            "notes": contact.notes,
            "created_at": stamp,
            "updated_at": stamp,
        }
    )
    return person_id


def add_profiles(index: Index, contact: Contact, person_id: int, stamp: str) -> list[str]:
    added = []
    for ref in contact.refs:
        seen = {f: v for f, v in contact.observed.get(ref.key, {}).items() if v}
        mine = index.profiles.get(ref.key)
        if mine is None:
            row = {
                "key": ref.key,
                "person_id": person_id,
                "site": ref.site,
                "url": ref.url,
                **{f: seen.get(f) for f in OBSERVED},
                "added_at": stamp,
            }
            index.profiles[ref.key] = dict(row)
            index.writes.insert("profiles", row)
            added.append(f"profile {ref.key}")
        elif mine["person_id"] != person_id:
            index.warnings.append(
                f"line {contact.line}: {ref.key} belongs to {index.who(mine['person_id'])}"
            )
        else:  # fill what the profile does not show yet; a page seen later knows better
            fills = {f: v for f, v in seen.items() if not mine.get(f)}
            if fills:
                mine.update(fills)
                index.writes.profile_fills.append({"key": ref.key, **fills})
                added.append(f"{' and '.join(fills)} on {ref.key}")
    return added


def add_facts(index: Index, contact: Contact, person_id: int, stamp: str) -> list[str]:
    added = []
    for fact in contact.facts:
        known_fact = (person_id, fact["label"].lower(), fact["value"].lower())
        if known_fact not in index.facts:
            index.facts.add(known_fact)
            index.writes.insert(
                "facts",
                {
                    "id": index.new_uuid(),
                    "person_id": person_id,
                    **fact,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
            added.append(f"fact {fact['label']}")
    return added


def fill_person(index: Index, contact: Contact, person_id: int) -> list[str]:
    """How we met when it is unknown, and notes we have not seen; never the name or circle.
    Notes stay within what a person holds: the oldest text gives way to the newest."""
    person, changes = index.people[person_id], {}
    if contact.how_met and not person["how_met"]:
        changes["how_met"] = contact.how_met
    if contact.notes and contact.notes not in (person["notes"] or ""):
        changes["notes"], dropped = appended_notes(person["notes"], contact.notes)
        if dropped:
            index.warnings.append(
                f"line {contact.line}: {index.who(person_id)}'s notes would pass {MAX_NOTES:,} "
                f"characters: kept the newest, left out {dropped:,} characters of the oldest"
            )
    person.update(changes)
    return list(changes)


def plan_exchange(index: Index, exchange: Exchange, now: datetime) -> None:
    if exchange.other_email:
        person_id = index.owners["email"].get(exchange.other_email)
    else:
        person_id = (index.profiles.get(exchange.other_key or "") or {}).get("person_id")
    line, name = exchange.line, exchange.other_name
    if person_id is None:
        index.outcomes.append(
            Outcome("skipped", "conversation", line, name, "not one of your people or connections")
        )
        return
    interaction_id = plan_interaction(index, exchange, person_id, now)
    if exchange.thread:
        index.threads[exchange.thread] = (interaction_id, exchange.kind, exchange.occurred_at)
        index.writes.threads.append((exchange.thread, interaction_id, exchange.occurred_at))
    for ask in exchange.asks:
        if ask.id not in index.reviews:
            index.reviews.add(ask.id)
            index.writes.insert(
                "ask_reviews",
                {
                    "id": ask.id,
                    "person_id": person_id,
                    "interaction_id": interaction_id,
                    "text": ask.text,
                    "ask_kind": ask.ask_kind,
                    "phrase": ask.phrase,
                    "sent_at": ask.sent_at,
                    "status": "pending",
                    "created_at": iso(now),
                },
            )


def plan_interaction(index: Index, exchange: Exchange, person_id: int, now: datetime) -> str:
    """A new interaction, a reply to one, or more of an earlier exchange; the interaction's id."""
    line, name = exchange.line, exchange.other_name
    known_kind = index.interactions.get(exchange.id)
    if known_kind is None and continues(index, exchange):
        return extend(index, exchange, now)
    if known_kind is None:
        data = {
            "id": exchange.id,
            "kind": exchange.kind,
            "summary": exchange.summary,
            "occurred_at": exchange.occurred_at,
        }
        index.writes.insert("interactions", interactions.checked_row(data, person_id, now))
        index.interactions[exchange.id] = exchange.kind
        index.outcomes.append(
            Outcome("created", "conversation", line, name, exchange.kind, exchange.summary)
        )
    elif known_kind == "messaged" and exchange.kind == "talked":  # they have answered since
        index.interactions[exchange.id] = "talked"
        index.writes.replies.append(
            {
                "id": exchange.id,
                "summary": exchange.summary,
                "occurred_at": exchange.occurred_at,
                "updated_at": iso(now),
            }
        )
        index.outcomes.append(Outcome("merged", "conversation", line, name, "they replied"))
    else:
        index.outcomes.append(Outcome("skipped", "conversation", line, name, "already imported"))
    return exchange.id


def continues(index: Index, exchange: Exchange) -> bool:
    """A mail exchange whose first message came within a month of the thread's latest exchange
    read before: the same exchange, read in two syncs."""
    latest = index.threads.get(exchange.thread or "")
    if not latest or not exchange.first_at:
        return False
    gap = from_db(exchange.first_at) - from_db(latest[2])
    return gap < EXCHANGE_GAP


def extend(index: Index, exchange: Exchange, now: datetime) -> str:
    """Continue the thread's latest interaction; its id."""
    interaction_id, kind, last_at = index.threads[exchange.thread or ""]
    talked = "talked" if "talked" in (kind, exchange.kind) else "messaged"
    index.writes.update(
        "interactions",
        "id",
        {
            "id": interaction_id,
            "kind": talked,
            "occurred_at": max(last_at, exchange.occurred_at),
            "updated_at": iso(now),
        },
    )
    index.outcomes.append(
        Outcome(
            "merged",
            "conversation",
            exchange.line,
            exchange.other_name,
            "continues an earlier exchange",
            exchange.summary,
        )
    )
    return interaction_id
