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

import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlite_utils import Database

from givefirst.clock import utcnow
from givefirst.core.reminders import cadence_words, rekeyed
from givefirst.io import backup, read_ahead
from givefirst.io import givefirst_json as document
from givefirst.io.format import Format
from givefirst.io.matching import Progress
from givefirst.io.planner import Ids, Known
from givefirst.io.reading import ImportProblem
from givefirst.io.summary import Outcome, Summary
from givefirst.store import bulk, known
from givefirst.store.bulk import Writes
from givefirst.store.connection import open_db, path_of, write
from givefirst.store.profiles import OBSERVED
from givefirst.store.reminders import all_states, chosen_cadences

PERSON_FIELDS = ("name", "circle", "how_met", "notes", "updated_at")
REFRESHED = {  # what a newer copy of a record brings with it
    "interactions": ("kind", "summary", "occurred_at", "status", "weight", "updated_at"),
    "facts": ("label", "value", "date", "updated_at"),
}


BATCH_RECORDS = 20_000  # interactions, facts and reviews planned and written at a time
KEPT_TO_THE_END = "ask_reviews"  # a review may name an interaction of someone further on
# Each interaction of a document passed quick_checks.interaction or checked_interaction, which
# hold its kind and weight to the table's CHECK constraints (tests/io/test_import_checks.py).
CHECKED = ("interactions",)
SEEN_BITS = 1 << 24  # 2 MiB: what an import into empty tables remembers of the ids it wrote


class WrittenIds:
    """The ids an import wrote into a table that was empty when it began, remembered as one
    bit of each id's hash: only an id whose bit is set can be there (or one that shares its
    bit), so only those are looked up. An import into an empty database then asks for a few
    thousand of its 300,000 records instead of every one, in bounded memory."""

    def __init__(self) -> None:
        self.bits = bytearray(SEEN_BITS // 8)

    def add(self, ids: Iterable[str]) -> None:
        bits, mask = self.bits, SEEN_BITS - 1
        for found in ids:
            bit = hash(found) & mask
            bits[bit >> 3] |= 1 << (bit & 7)

    def may_hold(self, found: str) -> bool:
        bit = hash(found) & (SEEN_BITS - 1)
        return bool(self.bits[bit >> 3] & (1 << (bit & 7)))


class Local(Known):
    """What this database holds (io/planner.py), with what a merge compares besides: people
    by their UUID, profiles' changes, cadences and reminder marks. Records (interactions, facts,
    reviews) are looked up by their ids a batch of people at a time (`look_up`), so that only
    the batch's are in memory: what earlier batches wrote is in the database by then."""

    def __init__(self, db: Database, source: str, highest: Callable[[], dict[str, int]]):
        self.summary = Summary(source, dry_run=True)
        super().__init__(db, self.summary.warnings)
        self.db = db
        self.outcomes = self.summary.outcomes
        self.uuids = {row["uuid"]: row["id"] for row in self.people.values()}
        self.snapshots = known.snapshots(db)
        self.records: dict[str, dict[str, dict]] = {table: {} for table in known.RECORDS}
        # tables empty before this import: what is there, this import wrote
        self.fresh = {t: WrittenIds() for t in known.RECORDS if known.empty(db, t)}
        self.cadences = chosen_cadences(db)
        self.states = {row["key"]: row for row in all_states(db)}
        self.ids["profile_snapshots"] = Ids(known.snapshot_ids(db))
        self.highest = highest  # what the document's ids reach, worked out when first needed
        self.reached: dict[str, int] | None = None

    def who(self, person_id: int) -> str:
        return f"#{person_id}"

    def match_person(self, person: dict) -> tuple[int | None, str]:
        if person["uuid"] in self.uuids:
            return self.uuids[person["uuid"]], "the same person"
        keys = (profile["key"] for profile in person["profiles"])
        return self.match(keys=keys, emails=person["emails"])

    def new_id(self, table: str, wanted: int | None) -> int:
        """The document's id when it is free here, else one past anything either side uses."""
        ids = self.ids[table]
        if wanted is not None and wanted not in ids.taken:
            return ids.take(wanted)
        if self.reached is None:
            self.reached = self.highest()
        return ids.take(wanted, self.reached[table])

    def look_up(self, batch: list[dict]) -> None:
        """Read the records of `batch` that are here already and not yet known."""
        for table, found in self.records.items():
            ids = [r["id"] for person in batch for r in person[table] if r["id"] not in found]
            if table in self.fresh:
                ids = [i for i in ids if self.fresh[table].may_hold(i)]
            found.update(known.records(self.db, table, ids))

    def written(self) -> None:
        """The plan so far is in the database: let go of it, but for what waits to the end."""
        for table, written in self.fresh.items():
            written.add(row["id"] for row in self.writes.inserts[table])
        kept = self.writes.inserts[KEPT_TO_THE_END]
        self.writes = Writes()
        self.writes.inserts[KEPT_TO_THE_END] = kept
        for table, found in self.records.items():
            if table != KEPT_TO_THE_END:
                found.clear()


def import_document(
    db: Database, path: Path, *, dry_run: bool = False, progress: Progress | None = None
) -> Summary:
    """`givefirst import json PATH`: check the document person by person as it is read (a large
    one in a second process, io/read_ahead.py), and fold each in; a problem anywhere rolls
    everything back."""
    with read_ahead.persons(path, progress) as persons:
        return fold(db, path.name, persons, dry_run, lambda: document.highest_ids_in(path))


def merge_database(db: Database, other: Path, *, dry_run: bool = False) -> Summary:
    """`givefirst merge OTHER_DB`: fold another computer's database into this one.

    The other file is never written: it is copied (verified) and the copy brought up to date.
    """
    if not other.is_file():
        raise ImportProblem(str(other), None, "no such database file")
    if path_of(db).resolve() == other.resolve():
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
    persons = document.checked(built, other.name)
    highest = document.highest_ids(persons)
    summary = fold(db, other.name, persons, dry_run, lambda: highest)
    summary.action = "Merged"
    return summary


def fold(
    db: Database,
    source: str,
    persons: Iterable[dict],
    dry_run: bool,
    highest: Callable[[], dict[str, int]],
) -> Summary:
    if dry_run:
        local = Local(db, source, highest)
        for batch in batches(persons):
            fold_batch(local, batch)
        return local.summary
    try:
        with write(db), bulk.derived_at_the_end(db) as adding:
            local = Local(db, source, highest)
            for batch in batches(persons):
                fold_batch(local, batch)
                adding(len(local.writes.inserts["interactions"]))
                bulk.write(db, local.writes, but=(KEPT_TO_THE_END,), checked=CHECKED)
                local.written()
            bulk.write(db, local.writes, checked=CHECKED)
    except bulk.Conflict as error:  # e.g. a review naming an interaction not there
        raise ImportProblem(source, None, f"does not hold together ({error})") from None
    local.summary.dry_run = False
    return local.summary


def batches(persons: Iterable[dict]) -> Iterator[list[dict]]:
    """People a batch at a time, each batch holding about BATCH_RECORDS records."""
    batch, records = [], 0
    for person in persons:
        batch.append(person)
        records += sum(len(person[table]) for table in known.RECORDS)
        if records >= BATCH_RECORDS:
            yield batch
            batch, records = [], 0
    if batch:
        yield batch


def fold_batch(local: Local, batch: list[dict]) -> None:
    local.look_up(batch)
    for n, person in enumerate(batch):
        fold_person(local, person)
        batch[n] = None  # what it adds is in `writes`: the rest of it can go


def fold_person(local: Local, person: dict) -> None:
    person_id, why = local.match_person(person)
    changes: list[str] = []
    if person_id is None:
        person_id = local.new_id("people", person["id"])
        local.add_person({c: person[c] for c in document.PERSON} | {"id": person_id})
        local.uuids[person["uuid"]] = person_id
    else:
        mine = local.people[person_id]
        if person["updated_at"] > mine["updated_at"]:
            newer = {c: person[c] for c in PERSON_FIELDS if person[c] != mine[c]}
            if newer:
                local.writes.update("people", "id", {"id": person_id, **newer})
                mine.update(newer)
                changes.append("newer " + ", ".join(c for c in newer if c != "updated_at"))
    changes += fold_belongings(local, person, person_id)
    name = person["name"]
    if why == "":
        local.outcomes.append(Outcome("created", "person", None, name, "new person"))
    elif changes:
        detail = f"{why}; " + ", ".join(changes)
        local.outcomes.append(Outcome("merged", "person", None, name, "merged", detail))
    else:
        local.outcomes.append(Outcome("skipped", "person", None, name, "already up to date"))


def fold_belongings(local: Local, person: dict, person_id: int) -> list[str]:
    where = person["name"]
    changes = local.add_tags(person_id, person["tags"], where)
    for column in ("email", "source"):
        for value in person[f"{column}s"]:
            if local.claim(column, value, person_id, where):
                changes.append(f"{column} {value}")
    for profile in person["profiles"]:
        changes += fold_profile(local, profile, person_id)
    for table in known.RECORDS:
        changes += fold_records(local, table, person[table], person_id, person["name"])
    changes += fold_cadence(local, person["cadence"], person_id)
    for state in person["reminder_states"]:
        changes += fold_state(local, state, person_id)
    return changes


def fold_cadence(local: Local, cadence: dict | None, person_id: int) -> list[str]:
    """The cadence chosen there, when none is chosen here or it was chosen later there."""
    mine = local.cadences.get(person_id)
    if cadence is None or (mine is not None and cadence["updated_at"] <= mine["updated_at"]):
        return []
    row = {"person_id": person_id, **cadence}
    if mine is None:
        local.writes.insert("person_cadences", row)
        local.cadences[person_id] = row
    else:
        local.writes.update("person_cadences", "person_id", row)
        mine.update(cadence)
    return [f"keep in touch {cadence_words(cadence['days'])}"]


def fold_state(local: Local, state: dict, person_id: int) -> list[str]:
    """An item marked there: added, or replacing this side's mark when it was marked later."""
    key = rekeyed(state["key"], person_id)
    mine = local.states.get(key)
    if mine is not None and state["updated_at"] <= mine["updated_at"]:
        return []
    marked = {**state, "key": key}
    if mine is None:
        local.writes.insert("reminder_states", {**marked, "person_id": person_id})
        local.states[key] = marked
    else:
        local.writes.update("reminder_states", "key", marked)
        mine.update(marked)
    return [f"{state['state']} {key}"]


def fold_profile(local: Local, profile: dict, person_id: int) -> list[str]:
    key, changes = profile["key"], []
    mine = local.profiles.get(key)
    if mine is None:
        profile_id = local.new_id("profiles", profile["id"])
        row = {c: profile[c] for c in document.PROFILE} | {"id": profile_id, "person_id": person_id}
        local.writes.insert("profiles", row)
        local.profiles[key] = row
        changes.append(f"profile {key}")
    elif mine["person_id"] != person_id:
        local.warnings.append(f"{key} belongs to #{mine['person_id']} here; left there")
        return []
    elif (profile["last_seen_at"] or "") > (mine["last_seen_at"] or ""):
        newer = {c: profile[c] for c in (*OBSERVED, "last_seen_at") if profile[c] != mine[c]}
        local.writes.update("profiles", "key", {"key": key, **newer})
        mine.update(newer)
        changes.append(f"newer fields on {key}")
    for snapshot in profile["snapshots"]:
        fields = json.dumps(snapshot["fields"])
        if (key, snapshot["seen_at"], fields) not in local.snapshots:
            local.snapshots.add((key, snapshot["seen_at"], fields))
            local.writes.insert(
                "profile_snapshots",
                {
                    "id": local.new_id("profile_snapshots", snapshot["id"]),
                    "profile_id": local.profiles[key]["id"],
                    "seen_at": snapshot["seen_at"],
                    "fields": fields,
                },
            )
            changes.append(f"a change seen on {key}")
    return changes


SUBJECTS = {"interactions": "interaction", "facts": "fact", "ask_reviews": "review"}


def fold_records(
    local: Local, table: str, records: list[dict], person_id: int, name: str
) -> list[str]:
    """A person's interactions, facts or reviews (`table`), each new one added as it is (the
    checked record is the document's own copy, given its person here) and the others folded
    by fold_record. Most of an import's records are new: they take the short way."""
    subject, found, changes = SUBJECTS[table], local.records[table], []
    inserts, outcomes = local.writes.inserts[table], local.outcomes
    for record in records:
        if record["id"] in found:
            changes += fold_record(local, table, record, person_id=person_id, name=name)
            continue
        record["person_id"] = person_id
        inserts.append(record)
        found[record["id"]] = record
        outcomes.append(Outcome("created", subject, None, name, "new"))
        if table == "ask_reviews" and record["status"] == "pending":
            local.summary.reviews += 1
        changes.append(f"{subject} {record['id'][:8]}")
    return changes


def fold_record(local: Local, table: str, record: dict, *, person_id: int, name: str) -> list[str]:
    """An interaction, fact or review here already: newer there than here → refreshed."""
    subject = SUBJECTS[table]
    mine = local.records[table][record["id"]]
    if table == "ask_reviews":  # a decision made on the other side
        newer = record["decided_at"] and record["decided_at"] > (mine["decided_at"] or "")
        columns = ("status", "decided_at")
    else:
        newer = record["updated_at"] > mine["updated_at"]
        columns = REFRESHED[table]
    if not newer:
        local.outcomes.append(Outcome("skipped", subject, None, name, "already here"))
        return []
    changed = {c: record[c] for c in columns}
    local.writes.update(table, "id", {"id": record["id"], **changed})
    mine.update(changed)
    local.outcomes.append(Outcome("merged", subject, None, name, "newer"))
    return [f"newer {subject} {record['id'][:8]}"]


FORMAT = Format("json", "givefirst JSON export", (".json",), None, run=import_document)
