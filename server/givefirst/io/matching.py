"""Matching what a file describes to the people already here, and planning what to write.

The same canonical profile key or the same email is the same person; an entry with neither is
recognised by its identity in its source (a vCard UID, a row's name and date), so importing a
file again adds nothing; anyone else is a new person. Planning writes nothing — a dry run shows
the plan and stops — and `apply` writes it with a few set-based statements, because thousands of
per-row store calls would be far too slow. The values were checked by the store's own rules when
the file was read (io/entries.py), so set-based writing accepts nothing the API would refuse.
"""

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.io.entries import IMPORTED_CIRCLE, Batch, Contact, Exchange, check_entry
from givefirst.io.summary import Outcome, Summary
from givefirst.store import interactions, sources
from givefirst.store.people import MAX_ID, MAX_NOTES, MAX_TAGS, appended_notes
from givefirst.store.profiles import OBSERVED

Progress = Callable[[int, int], None]  # (done, total)
PROGRESS_EVERY = 250
EXCHANGE_GAP = timedelta(days=30)  # as linkedin_messages.py and mail/conversations.py split them


class Index:
    """What the database already knows, in memory, kept current as the plan grows."""

    def __init__(self, db: Database):
        self.keys: dict[str, int] = dict(db.execute("SELECT key, person_id FROM profiles"))
        self.emails = dict(db.execute("SELECT lower(email), person_id FROM person_emails"))
        self.sources = dict(db.execute("SELECT source, person_id FROM person_sources"))
        self.people = {
            r[0]: {"name": r[1], "how_met": r[2], "notes": r[3]}
            for r in db.execute("SELECT id, name, how_met, notes FROM people")
        }
        self.tags = {(r[0], r[1].lower()) for r in db.execute("SELECT * FROM person_tags")}
        self.tag_counts = Counter(person_id for person_id, _ in self.tags)
        self.facts = {
            (r[0], r[1].lower(), r[2].lower())
            for r in db.execute("SELECT person_id, label, value FROM facts")
        }
        columns = ", ".join(OBSERVED)
        self.observed = {
            r[0]: dict(zip(OBSERVED, r[1:], strict=True))
            for r in db.execute(f"SELECT key, {columns} FROM profiles")
        }
        self.next_id = (db.execute("SELECT max(id) FROM people").fetchone()[0] or 0) + 1
        self.interactions: dict[str, str] = {}  # id → kind, loaded for a batch's exchanges
        self.reviews: set[str] = set()
        self.threads: dict[str, tuple[str, str, str]] = {}  # mail thread → its latest exchange

    def load_exchanges(self, db: Database, exchanges: list[Exchange]) -> None:
        self.threads = sources.latest_exchanges(db, [e.thread for e in exchanges if e.thread])
        ids = [e.id for e in exchanges]
        review_ids = [a.id for e in exchanges for a in e.asks]
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT id, kind FROM interactions WHERE id IN ({marks})"
            self.interactions.update(db.execute(sql, part))
        for chunk in range(0, len(review_ids), 500):
            part = review_ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT id FROM ask_reviews WHERE id IN ({marks})"
            self.reviews.update(r[0] for r in db.execute(sql, part))

    def match(self, contact: Contact) -> tuple[int | None, str]:
        """The person this contact is, and why we think so; (None, "") for someone new."""
        for ref in contact.refs:
            if ref.key in self.keys:
                return self.keys[ref.key], f"same profile {ref.key}"
        for email in contact.emails:
            if email in self.emails:
                return self.emails[email], f"same email {email}"
        if contact.identity in self.sources:
            return self.sources[contact.identity], "same entry as an earlier import"
        return None, ""

    def new_id(self) -> int:
        """One past the highest id; once the largest id is in use, the lowest free ones."""
        if self.next_id > MAX_ID:
            self.next_id = 1
        while self.next_id in self.people:
            self.next_id += 1
        found, self.next_id = self.next_id, self.next_id + 1
        return found

    def who(self, person_id: int) -> str:
        return f"{self.people[person_id]['name']} (#{person_id})"


@dataclass
class Plan:
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new_people: dict[int, dict] = field(default_factory=dict)
    person_updates: dict[int, dict] = field(default_factory=dict)
    profiles: list[dict] = field(default_factory=list)
    observed: list[dict] = field(default_factory=list)
    tags: list[tuple[int, str]] = field(default_factory=list)
    emails: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    interactions: list[dict] = field(default_factory=list)
    replies: list[dict] = field(default_factory=list)
    reviews: list[dict] = field(default_factory=list)
    extended: list[dict] = field(default_factory=list)  # mail exchanges a later reply continues
    threads: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self, source: str, dry_run: bool) -> Summary:
        return Summary(source, dry_run, self.outcomes, len(self.reviews), self.warnings)


def plan(db: Database, batch: Batch, now: datetime, progress: Progress | None = None) -> Plan:
    """Match every entry of the batch and decide what to write; nothing is written."""
    index, result, stamp = Index(db), Plan(warnings=batch.warnings), iso(now)
    index.load_exchanges(db, batch.exchanges)
    total = len(batch.entries) + len(batch.exchanges)
    for done, entry in enumerate(batch.entries, 1):
        plan_contact(index, result, check_entry(batch, entry), stamp)
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
    for done, exchange in enumerate(batch.exchanges, len(batch.entries) + 1):
        plan_exchange(index, result, exchange, now)
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
    for skipped in batch.skipped:
        result.outcomes.append(
            Outcome("skipped", skipped.subject, skipped.line, skipped.name, skipped.reason)
        )
    result.outcomes.sort(key=lambda outcome: outcome.line or 0)
    if progress:
        progress(total, total)
    return result


def plan_contact(index: Index, result: Plan, contact: Contact, stamp: str) -> None:
    person_id, why = index.match(contact)
    created = person_id is None
    if person_id is None:
        person_id = new_person(index, result, contact, stamp)
    added = add_profiles(index, result, contact, person_id, stamp)
    for email in contact.emails:
        owner = index.emails.get(email)
        if owner is None:
            index.emails[email] = person_id
            result.emails.append((email, person_id))
            added.append(f"email {email}")
        elif owner != person_id:
            result.warnings.append(f"line {contact.line}: {email} belongs to {index.who(owner)}")
    if contact.identity and contact.identity not in index.sources:
        index.sources[contact.identity] = person_id
        result.sources.append((contact.identity, person_id))
    added += add_tags_and_facts(index, result, contact, person_id, stamp)
    added += fill_person(index, result, contact, person_id)
    if added and not created:
        person = index.people[person_id]
        result.person_updates[person_id] = {"id": person_id, "how_met": person["how_met"],
                                            "notes": person["notes"], "updated_at": stamp}  # fmt: skip
    if created:
        outcome = Outcome("created", "person", contact.line, contact.name, "new person",
                          ", ".join(added))  # fmt: skip
    elif added:
        outcome = Outcome("merged", "person", contact.line, contact.name,
                          f"into {index.who(person_id)}", f"{why}; adds {', '.join(added)}")  # fmt: skip
    else:
        outcome = Outcome(
            "skipped", "person", contact.line, contact.name, "already up to date", why
        )
    result.outcomes.append(outcome)


def new_person(index: Index, result: Plan, contact: Contact, stamp: str) -> int:
    person_id = index.new_id()
    row = {"id": person_id, "uuid": str(uuid.uuid4()), "name": contact.name,
           "circle": IMPORTED_CIRCLE, "how_met": contact.how_met, "notes": contact.notes,
           "created_at": stamp, "updated_at": stamp}  # fmt: skip
    result.new_people[person_id] = row
    index.people[person_id] = row
    return person_id


def add_profiles(
    index: Index, result: Plan, contact: Contact, person_id: int, stamp: str
) -> list[str]:
    added = []
    for ref in contact.refs:
        seen = {f: v for f, v in contact.observed.get(ref.key, {}).items() if v}
        owner = index.keys.get(ref.key)
        if owner is None:
            index.keys[ref.key] = person_id
            index.observed[ref.key] = seen
            result.profiles.append({"key": ref.key, "person_id": person_id, "site": ref.site,
                                    "url": ref.url, **seen, "added_at": stamp})  # fmt: skip
            added.append(f"profile {ref.key}")
        elif owner != person_id:
            result.warnings.append(f"line {contact.line}: {ref.key} belongs to {index.who(owner)}")
        else:  # fill what the profile does not show yet; a page seen later knows better
            fills = {f: v for f, v in seen.items() if not index.observed[ref.key].get(f)}
            if fills:
                index.observed[ref.key].update(fills)
                result.observed.append({"key": ref.key, **dict.fromkeys(OBSERVED), **fills})
                added.append(f"{' and '.join(fills)} on {ref.key}")
    return added


def add_tags_and_facts(
    index: Index, result: Plan, contact: Contact, person_id: int, stamp: str
) -> list[str]:
    added, left_out = [], []
    for tag in contact.tags:
        if (person_id, tag.lower()) in index.tags:
            continue
        if index.tag_counts[person_id] >= MAX_TAGS:
            left_out.append(tag)
            continue
        index.tags.add((person_id, tag.lower()))
        index.tag_counts[person_id] += 1
        result.tags.append((person_id, tag))
        added.append(f"tag {tag}")
    if left_out:
        result.warnings.append(
            f"line {contact.line}: left out the tags {', '.join(left_out)}: "
            f"{index.who(person_id)} has {MAX_TAGS} tags, the most a person holds"
        )
    for fact in contact.facts:
        known = (person_id, fact["label"].lower(), fact["value"].lower())
        if known not in index.facts:
            index.facts.add(known)
            result.facts.append({"id": str(uuid.uuid4()), "person_id": person_id, **fact,
                                 "created_at": stamp, "updated_at": stamp})  # fmt: skip
            added.append(f"fact {fact['label']}")
    return added


def fill_person(index: Index, result: Plan, contact: Contact, person_id: int) -> list[str]:
    """How we met when it is unknown, and notes we have not seen; never the name or circle.
    Notes stay within what a person holds: the oldest text gives way to the newest."""
    person, changes = index.people[person_id], {}
    if contact.how_met and not person["how_met"]:
        changes["how_met"] = contact.how_met
    if contact.notes and contact.notes not in (person["notes"] or ""):
        changes["notes"], dropped = appended_notes(person["notes"], contact.notes)
        if dropped:
            result.warnings.append(
                f"line {contact.line}: {index.who(person_id)}'s notes would pass {MAX_NOTES:,} "
                f"characters: kept the newest, left out {dropped:,} characters of the oldest"
            )
    person.update(changes)
    return list(changes)


def plan_exchange(index: Index, result: Plan, exchange: Exchange, now: datetime) -> None:
    if exchange.other_email:
        person_id = index.emails.get(exchange.other_email)
    else:
        person_id = index.keys.get(exchange.other_key)
    line, name = exchange.line, exchange.other_name
    if person_id is None:
        result.outcomes.append(Outcome("skipped", "conversation", line, name,
                                       "not one of your people or connections"))  # fmt: skip
        return
    known = index.interactions.get(exchange.id)
    interaction_id = exchange.id
    if known is None and continues(index, exchange):
        interaction_id = extend(index, result, exchange, now)
    elif known is None:
        data = {"id": exchange.id, "kind": exchange.kind, "summary": exchange.summary,
                "occurred_at": exchange.occurred_at}  # fmt: skip
        result.interactions.append(interactions.checked_row(data, person_id, now))
        index.interactions[exchange.id] = exchange.kind
        result.outcomes.append(Outcome("created", "conversation", line, name, exchange.kind,
                                       exchange.summary))  # fmt: skip
    elif known == "messaged" and exchange.kind == "talked":  # they have answered since
        index.interactions[exchange.id] = "talked"
        result.replies.append({"id": exchange.id, "summary": exchange.summary,
                               "occurred_at": exchange.occurred_at, "updated_at": iso(now)})  # fmt: skip
        result.outcomes.append(Outcome("merged", "conversation", line, name, "they replied"))
    else:
        result.outcomes.append(Outcome("skipped", "conversation", line, name, "already imported"))
    if exchange.thread:
        index.threads[exchange.thread] = (interaction_id, exchange.kind, exchange.occurred_at)
        result.threads.append((exchange.thread, interaction_id, exchange.occurred_at))
    for ask in exchange.asks:
        if ask.id not in index.reviews:
            index.reviews.add(ask.id)
            result.reviews.append({"id": ask.id, "person_id": person_id,
                                   "interaction_id": interaction_id, "text": ask.text,
                                   "ask_kind": ask.ask_kind, "phrase": ask.phrase,
                                   "sent_at": ask.sent_at, "status": "pending",
                                   "created_at": iso(now)})  # fmt: skip


def continues(index: Index, exchange: Exchange) -> bool:
    """A mail exchange whose first message came within a month of the thread's latest exchange
    read before: the same exchange, read in two syncs."""
    latest = index.threads.get(exchange.thread or "")
    if not latest or not exchange.first_at:
        return False
    gap = from_db(exchange.first_at) - from_db(latest[2])
    return gap < EXCHANGE_GAP


def extend(index: Index, result: Plan, exchange: Exchange, now: datetime) -> str:
    """Continue the thread's latest interaction; its id."""
    interaction_id, kind, last_at = index.threads[exchange.thread or ""]
    talked = "talked" if "talked" in (kind, exchange.kind) else "messaged"
    result.extended.append({"id": interaction_id, "kind": talked,
                            "occurred_at": max(last_at, exchange.occurred_at),
                            "updated_at": iso(now)})  # fmt: skip
    result.outcomes.append(Outcome("merged", "conversation", exchange.line, exchange.other_name,
                                   "continues an earlier exchange", exchange.summary))  # fmt: skip
    return interaction_id


def apply(db: Database, result: Plan) -> None:
    """Write the plan; the caller holds the write transaction (`db.write`)."""
    run = db.conn.executemany
    insert_rows(db, "people", list(result.new_people.values()))
    run("UPDATE people SET how_met = :how_met, notes = :notes, updated_at = :updated_at "
        "WHERE id = :id", list(result.person_updates.values()))  # fmt: skip
    columns = ("key", "person_id", "site", "url", *OBSERVED, "added_at")
    insert_rows(db, "profiles", [{c: p.get(c) for c in columns} for p in result.profiles])
    fills = ", ".join(f"{f} = coalesce({f}, :{f})" for f in OBSERVED)
    run(f"UPDATE profiles SET {fills} WHERE key = :key", result.observed)
    run("INSERT OR IGNORE INTO person_tags (person_id, tag) VALUES (?, ?)", result.tags)
    run("INSERT OR IGNORE INTO person_emails (email, person_id) VALUES (?, ?)", result.emails)
    run("INSERT OR IGNORE INTO person_sources (source, person_id) VALUES (?, ?)", result.sources)
    insert_rows(db, "facts", result.facts)
    insert_rows(db, "interactions", result.interactions)
    run("UPDATE interactions SET kind = 'talked', summary = :summary, occurred_at = :occurred_at, "
        "updated_at = :updated_at WHERE id = :id AND kind = 'messaged'", result.replies)  # fmt: skip
    run("UPDATE interactions SET kind = :kind, occurred_at = :occurred_at, "
        "updated_at = :updated_at WHERE id = :id", result.extended)  # fmt: skip
    insert_rows(db, "ask_reviews", result.reviews)
    sources.save_threads(db, result.threads)


def insert_rows(db: Database, table: str, rows: list[dict]) -> None:
    """One INSERT for many rows that all have the same keys."""
    if rows:
        columns = list(rows[0])
        names, values = ", ".join(columns), ", ".join(":" + c for c in columns)
        db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({values})", rows)
