"""Folding a JSON document (or another computer's database) into this one.

People are matched by their UUID, then by profile keys and emails (io/matching.py's rule);
interactions, facts and reviews by their stable ids. Whichever side changed a record last wins,
so merging the same thing twice changes nothing and two computers that merge each other agree.
A merge adds and updates; it never deletes (there are no tombstones). Into an empty database,
rows keep their ids too, so exporting and importing reproduces the database exactly.

A cadence chosen for someone, and a reminder marked done or snoozed, follow the same rule by
their `updated_at`: the later choice wins, and an equal or older one leaves this side's as it
is. Going back to the circle's default removes the choice, so (like any deletion) it does not
travel: the other side's choice, if any, arrives. A check-in key takes the person's id here.
"""

import itertools
import json
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from givefirst.clock import utcnow
from givefirst.core.reminders import cadence_words, rekeyed
from givefirst.db import open_db, write
from givefirst.io import backup
from givefirst.io import givefirst_json as document
from givefirst.io.format import Format
from givefirst.io.matching import PROGRESS_EVERY, Progress, insert_rows
from givefirst.io.reading import ImportProblem
from givefirst.io.summary import Outcome, Summary
from givefirst.store import bulk
from givefirst.store.people import MAX_ID, MAX_TAGS
from givefirst.store.profiles import OBSERVED
from givefirst.store.reminders import all_states, chosen_cadences

PERSON_FIELDS = ("name", "circle", "how_met", "notes", "updated_at")
REFRESHED = {  # what a newer copy of a record brings with it
    "interactions": ("kind", "summary", "occurred_at", "status", "weight", "updated_at"),
    "facts": ("label", "value", "date", "updated_at"),
}


@dataclass
class Writes:
    """Rows to insert and update, in an order the foreign keys accept."""

    inserts: dict[str, list] = field(default_factory=lambda: {t: [] for t in (
        "people", "profiles", "profile_snapshots", "person_tags", "person_emails",
        "person_sources", "interactions", "facts", "ask_reviews", "person_cadences",
        "reminder_states")})  # fmt: skip
    updates: dict[tuple[str, str], list] = field(default_factory=dict)  # (table, key column)

    def update(self, table: str, key: str, row: dict) -> None:
        self.updates.setdefault((table, key), []).append(row)

    def apply(self, db: Database) -> None:
        for table, rows in self.inserts.items():
            insert_rows(db, table, rows)
        for (table, key), rows in self.updates.items():
            for row in rows:  # rows differ in which columns they set
                sets = ", ".join(f"{c} = :{c}" for c in row if c != key)
                db.conn.execute(f"UPDATE {table} SET {sets} WHERE {key} = :{key}", row)


class Local:
    """What this database holds, in memory, kept current as the merge proceeds."""

    def __init__(self, db: Database):
        self.people = {r["id"]: r for r in db.query("SELECT * FROM people")}
        self.uuids = {r["uuid"]: r["id"] for r in self.people.values()}
        self.profiles = {r["key"]: r for r in db.query("SELECT * FROM profiles")}
        self.emails = dict(db.execute("SELECT lower(email), person_id FROM person_emails"))
        self.sources = dict(db.execute("SELECT lower(source), person_id FROM person_sources"))
        self.tags = {(p, t.lower()) for p, t in db.execute("SELECT * FROM person_tags")}
        self.tag_counts = Counter(person_id for person_id, _ in self.tags)
        self.snapshots = {
            (r[0], r[1], r[2])
            for r in db.execute(
                "SELECT p.key, s.seen_at, s.fields FROM profile_snapshots s "
                "JOIN profiles p ON p.id = s.profile_id"
            )
        }
        self.records = {
            table: {r["id"]: r for r in db.query(f"SELECT * FROM {table}")}
            for table in ("interactions", "facts", "ask_reviews")
        }
        self.cadences = chosen_cadences(db)
        self.states = {row["key"]: row for row in all_states(db)}
        self.ids = {
            table: {r[0] for r in db.execute(f"SELECT id FROM {table}")}
            for table in ("people", "profiles", "profile_snapshots")
        }

    def free_id(self, table: str, wanted: int | None, highest: int) -> int:
        """The document's id when it is free here, else one past anything either side uses."""
        taken = self.ids[table]
        if wanted is None or wanted in taken:
            wanted = max(max(taken, default=0), highest) + 1
            if wanted > MAX_ID:  # the largest id is in use: take the lowest free one
                wanted = next(n for n in itertools.count(1) if n not in taken)
        taken.add(wanted)
        return wanted

    def match(self, person: dict) -> tuple[int | None, str]:
        if person["uuid"] in self.uuids:
            return self.uuids[person["uuid"]], "the same person"
        for profile in person["profiles"]:
            if profile["key"] in self.profiles:
                return self.profiles[profile["key"]]["person_id"], f"same profile {profile['key']}"
        for email in person["emails"]:
            if email.lower() in self.emails:
                return self.emails[email.lower()], f"same email {email}"
        return None, ""


def import_document(
    db: Database, path: Path, *, dry_run: bool = False, progress: Progress | None = None
) -> Summary:
    """`givefirst import json PATH`: check the whole document, then fold it in."""
    source, persons = document.load(path)
    return fold(db, source, persons, dry_run, progress)


def merge_database(db: Database, other: Path, *, dry_run: bool = False) -> Summary:
    """`givefirst merge OTHER_DB`: fold another computer's database into this one.

    The other file is never written: it is copied (verified) and the copy brought up to date.
    """
    if not other.is_file():
        raise ImportProblem(str(other), None, "no such database file")
    if Path(db.conn.execute("PRAGMA database_list").fetchone()[2]).resolve() == other.resolve():
        raise ImportProblem(other.name, None, "is this database itself")
    backup.verify(other)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "other.db"
        backup.copy(other, copy)
        theirs = open_db(copy)
        try:
            built = document.build(theirs, utcnow())
        finally:
            theirs.close()
    summary = fold(db, other.name, document.checked(built, other.name), dry_run, None)
    summary.action = "Merged"
    return summary


def fold(db: Database, source: str, persons: list[dict], dry_run: bool, progress) -> Summary:
    if dry_run:
        return plan(db, source, persons, progress)[0]
    try:
        with write(db):
            summary, writes = plan(db, source, persons, progress)
            with bulk.derived_at_the_end(db, len(writes.inserts["interactions"])):
                writes.apply(db)
    except sqlite3.IntegrityError as error:  # e.g. a review naming an interaction not there
        raise ImportProblem(source, None, f"does not hold together ({error})") from None
    summary.dry_run = False
    return summary


def plan(db: Database, source: str, persons: list[dict], progress) -> tuple[Summary, Writes]:
    local, writes, summary = Local(db), Writes(), Summary(source, dry_run=True)
    highest = {
        "people": max((p["id"] or 0 for p in persons), default=0),
        "profiles": max((f["id"] or 0 for p in persons for f in p["profiles"]), default=0),
        "profile_snapshots": max(
            (s["id"] or 0 for p in persons for f in p["profiles"] for s in f["snapshots"]),
            default=0,
        ),
    }
    for done, person in enumerate(persons, 1):
        fold_person(local, writes, summary, person, highest)
        persons[done - 1] = None  # what it adds is in `writes`: the rest of it can go
        if progress and (done % PROGRESS_EVERY == 0 or done == len(persons)):
            progress(done, len(persons))
    return summary, writes


def fold_person(local: Local, writes: Writes, summary: Summary, person: dict, highest) -> None:
    person_id, why = local.match(person)
    changes: list[str] = []
    if person_id is None:
        person_id = local.free_id("people", person["id"], highest["people"])
        row = {c: person[c] for c in document.PERSON} | {"id": person_id}
        writes.inserts["people"].append(row)
        local.people[person_id] = row
        local.uuids[person["uuid"]] = person_id
    else:
        mine = local.people[person_id]
        if person["updated_at"] > mine["updated_at"]:
            newer = {c: person[c] for c in PERSON_FIELDS if person[c] != mine[c]}
            if newer:
                writes.update("people", "id", {"id": person_id, **newer})
                mine.update(newer)
                changes.append("newer " + ", ".join(c for c in newer if c != "updated_at"))
    changes += fold_belongings(local, writes, summary, person, person_id, highest)
    name = person["name"]
    if why == "":
        summary.outcomes.append(Outcome("created", "person", None, name, "new person"))
    elif changes:
        detail = f"{why}; " + ", ".join(changes)
        summary.outcomes.append(Outcome("merged", "person", None, name, "merged", detail))
    else:
        summary.outcomes.append(Outcome("skipped", "person", None, name, "already up to date"))


def fold_belongings(local, writes, summary, person, person_id, highest) -> list[str]:
    changes, left_out = [], []
    for tag in person["tags"]:
        if (person_id, tag.lower()) in local.tags:
            continue
        if local.tag_counts[person_id] >= MAX_TAGS:
            left_out.append(tag)
            continue
        local.tags.add((person_id, tag.lower()))
        local.tag_counts[person_id] += 1
        writes.inserts["person_tags"].append({"person_id": person_id, "tag": tag})
        changes.append(f"tag {tag}")
    if left_out:
        summary.warnings.append(
            f"{person['name']}: left out the tags {', '.join(left_out)}: #{person_id} has "
            f"{MAX_TAGS} tags, the most a person holds"
        )
    claims = (("person_emails", "email", local.emails), ("person_sources", "source", local.sources))
    for table, column, owners in claims:
        for value in person[f"{column}s"]:
            owner = owners.get(value.lower())  # emails compare without case
            if owner is None:
                owners[value.lower()] = person_id
                writes.inserts[table].append({column: value, "person_id": person_id})
                changes.append(f"{column} {value}")
            elif owner != person_id:
                summary.warnings.append(f"{person['name']}: {value} belongs to #{owner}")
    for profile in person["profiles"]:
        changes += fold_profile(local, writes, summary, profile, person_id, highest)
    for table in ("interactions", "facts", "ask_reviews"):
        for record in person[table]:
            changes += fold_record(local, writes, summary, table, record, person_id, person)
    changes += fold_cadence(local, writes, person["cadence"], person_id)
    for state in person["reminder_states"]:
        changes += fold_state(local, writes, state, person_id)
    return changes


def fold_cadence(local: Local, writes: Writes, cadence: dict | None, person_id: int) -> list[str]:
    """The cadence chosen there, when none is chosen here or it was chosen later there."""
    mine = local.cadences.get(person_id)
    if cadence is None or (mine is not None and cadence["updated_at"] <= mine["updated_at"]):
        return []
    row = {"person_id": person_id, **cadence}
    if mine is None:
        writes.inserts["person_cadences"].append(row)
        local.cadences[person_id] = row
    else:
        writes.update("person_cadences", "person_id", row)
        mine.update(cadence)
    return [f"keep in touch {cadence_words(cadence['days'])}"]


def fold_state(local: Local, writes: Writes, state: dict, person_id: int) -> list[str]:
    """An item marked there: added, or replacing this side's mark when it was marked later."""
    key = rekeyed(state["key"], person_id)
    mine = local.states.get(key)
    if mine is not None and state["updated_at"] <= mine["updated_at"]:
        return []
    marked = {**state, "key": key}
    if mine is None:
        writes.inserts["reminder_states"].append({**marked, "person_id": person_id})
        local.states[key] = marked
    else:
        writes.update("reminder_states", "key", marked)
        mine.update(marked)
    return [f"{state['state']} {key}"]


def fold_profile(local, writes, summary, profile, person_id, highest) -> list[str]:
    key, changes = profile["key"], []
    mine = local.profiles.get(key)
    if mine is None:
        profile_id = local.free_id("profiles", profile["id"], highest["profiles"])
        row = {c: profile[c] for c in document.PROFILE} | {"id": profile_id, "person_id": person_id}
        writes.inserts["profiles"].append(row)
        local.profiles[key] = row
        changes.append(f"profile {key}")
    elif mine["person_id"] != person_id:
        summary.warnings.append(f"{key} belongs to #{mine['person_id']} here; left there")
        return []
    elif (profile["last_seen_at"] or "") > (mine["last_seen_at"] or ""):
        newer = {c: profile[c] for c in (*OBSERVED, "last_seen_at") if profile[c] != mine[c]}
        writes.update("profiles", "key", {"key": key, **newer})
        mine.update(newer)
        changes.append(f"newer fields on {key}")
    for snapshot in profile["snapshots"]:
        fields = json.dumps(snapshot["fields"])
        if (key, snapshot["seen_at"], fields) not in local.snapshots:
            local.snapshots.add((key, snapshot["seen_at"], fields))
            snapshot_id = local.free_id(
                "profile_snapshots", snapshot["id"], highest["profile_snapshots"]
            )
            writes.inserts["profile_snapshots"].append(
                {"id": snapshot_id, "profile_id": local.profiles[key]["id"],
                 "seen_at": snapshot["seen_at"], "fields": fields}
            )  # fmt: skip
            changes.append(f"a change seen on {key}")
    return changes


def fold_record(local, writes, summary, table, record, person_id, person) -> list[str]:
    """An interaction, fact or review: new → added; newer here than there → refreshed."""
    subject = {"interactions": "interaction", "facts": "fact", "ask_reviews": "review"}[table]
    mine = local.records[table].get(record["id"])
    if mine is None:
        row = {**record, "person_id": person_id}
        writes.inserts[table].append(row)
        local.records[table][record["id"]] = row
        summary.outcomes.append(Outcome("created", subject, None, person["name"], "new"))
        if table == "ask_reviews" and record["status"] == "pending":
            summary.reviews += 1
        return [f"{subject} {record['id'][:8]}"]
    if table == "ask_reviews":  # a decision made on the other side
        newer = record["decided_at"] and record["decided_at"] > (mine["decided_at"] or "")
        columns = ("status", "decided_at")
    else:
        newer = record["updated_at"] > mine["updated_at"]
        columns = REFRESHED[table]
    if not newer:
        summary.outcomes.append(Outcome("skipped", subject, None, person["name"], "already here"))
        return []
    changed = {c: record[c] for c in columns}
    writes.update(table, "id", {"id": record["id"], **changed})
    mine.update(changed)
    summary.outcomes.append(Outcome("merged", subject, None, person["name"], "newer"))
    return [f"newer {subject} {record['id'][:8]}"]


FORMAT = Format("json", "givefirst JSON export", (".json",), None, run=import_document)
