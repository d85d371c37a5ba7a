"""Interactions: what was given, asked, received or said, each with a stable UUID."""

import json
import uuid
from datetime import datetime

from sqlite_utils import Database

from givefirst import validation as check
from givefirst.clock import from_db, iso
from givefirst.core.vocabulary import KINDS, STATUSES, Interaction
from givefirst.errors import Conflict, Invalid, NotFound
from givefirst.store import people
from givefirst.store.connection import write

COLUMNS = "id, person_id, kind, summary, occurred_at, status, weight, created_at, updated_at"
CORE_COLUMNS = "id, kind, summary, occurred_at, status, weight"  # what an Interaction holds


def checked_status(kind: str, data: dict, current: str | None = None) -> str | None:
    """The status a kind allows: asks default to open; other kinds take none."""
    allowed = STATUSES.get(kind)
    if allowed is None:
        if data.get("status") is not None:
            raise Invalid(f"a {kind!r} interaction has no status")
        return None
    keep = current if current in allowed else allowed[0]
    return check.choice(data, "status", allowed, default=keep)


def checked_row(data: dict, person_id: int, now: datetime) -> dict:
    """A new interaction's row from an API body or an import, checked; nothing is written."""
    kind = check.choice(data, "kind", KINDS)
    if kind is None:
        raise Invalid(f"kind is required: one of {', '.join(KINDS)}")
    return {
        "id": check.client_id(data) or str(uuid.uuid4()),
        "person_id": person_id,
        "kind": kind,
        "summary": check.text(data, "summary", required=True, max_length=2000),
        "occurred_at": iso(check.moment(data, "occurred_at", default=now)),
        "status": checked_status(kind, data),
        "weight": check.integer(data, "weight", 1, 3, default=1),
        "created_at": iso(now),
        "updated_at": iso(now),
    }


def create(db: Database, person_id: int, data: dict, now: datetime) -> tuple[dict, bool]:
    """Log an interaction; (interaction, created). Resending the same id returns the first one."""
    record = checked_row(data, person_id, now)
    with write(db):
        people.row(db, person_id)
        existing = find(db, record["id"])
        if existing:
            if existing["person_id"] != person_id:
                raise Conflict("an interaction with this id belongs to someone else")
            return existing, False
        db["interactions"].insert(record)
    return record, True


def log_and_close(
    db: Database, person_id: int, data: dict, done_ids: list[str], now: datetime
) -> dict:
    """Log an interaction and mark done the asks of theirs it answered, in one transaction."""
    with write(db):
        record, _ = create(db, person_id, data, now)
        for interaction_id in done_ids:
            ask = get(db, interaction_id)
            if ask["person_id"] != person_id or ask["kind"] != "they_asked":
                raise Invalid("only this person's own asks can be marked done")
            update(db, interaction_id, {"status": "done"}, now)
    return record


def find(db: Database, interaction_id: str) -> dict | None:
    rows = list(db.query(f"SELECT {COLUMNS} FROM interactions WHERE id = ?", [interaction_id]))
    return rows[0] if rows else None


def get(db: Database, interaction_id: str) -> dict:
    found = find(db, interaction_id)
    if not found:
        raise NotFound(f"there is no interaction {interaction_id}")
    return found


def update(db: Database, interaction_id: str, data: dict, now: datetime) -> dict:
    with write(db):
        current = get(db, interaction_id)
        kind = check.choice(data, "kind", KINDS, default=current["kind"])
        changes = {
            "kind": kind,
            "status": checked_status(kind, data, current["status"]),
            "updated_at": iso(now),
        }
        if "summary" in data:
            changes["summary"] = check.text(data, "summary", required=True, max_length=2000)
        if "occurred_at" in data:
            if data["occurred_at"] is None:
                raise Invalid("occurred_at cannot be cleared; send the date it happened")
            changes["occurred_at"] = iso(check.moment(data, "occurred_at", default=now))
        if "weight" in data:
            changes["weight"] = check.integer(data, "weight", 1, 3, default=current["weight"])
        db["interactions"].update(interaction_id, changes)
    return get(db, interaction_id)


def delete(db: Database, interaction_id: str) -> None:
    with write(db):
        get(db, interaction_id)
        db.execute("DELETE FROM interactions WHERE id = ?", [interaction_id])


def as_core(record: dict) -> Interaction:
    return Interaction(
        id=record["id"],
        kind=record["kind"],
        summary=record["summary"],
        occurred_at=from_db(record["occurred_at"]),
        status=record["status"],
        weight=record["weight"],
    )


def history(db: Database, person_id: int, limit: int = -1) -> list[dict]:
    """A person's interactions, newest first (all of them, or the latest `limit`)."""
    return list(
        db.query(
            f"SELECT {COLUMNS} FROM interactions WHERE person_id = ? "
            "ORDER BY occurred_at DESC, created_at DESC LIMIT ?",
            [person_id, limit],
        )
    )


def core_history(db: Database, person_id: int) -> list[Interaction]:
    """All of a person's interactions as the advice reads them, newest first."""
    rows = db.execute(
        f"SELECT person_id, {CORE_COLUMNS} FROM interactions WHERE person_id = ? "
        f"ORDER BY {NEWEST_FIRST}",
        [person_id],
    )
    return grouped_core(rows).get(person_id, [])


NEWEST_FIRST = "occurred_at DESC, created_at DESC, rowid DESC"
RECENT_SHOWN = 30  # at least this many of the newest, beside what the advice needs of older ones
NTH_NEWEST = (
    "SELECT occurred_at FROM interactions WHERE person_id = ? "
    "ORDER BY occurred_at DESC LIMIT 1 OFFSET ?"
)
OPEN_ASKS_OF = "kind IN ('asked', 'they_asked') AND status = 'open'"  # interactions_open_by_person


def part_of_history(where: str) -> str:
    """One person's interactions `where` says, with what orders them as core_history does."""
    return (
        f"SELECT rowid, created_at, {CORE_COLUMNS} FROM interactions "
        f"WHERE person_id = ? AND {where}"
    )


def dated_after(db: Database, person_id: int, moment: datetime) -> list[Interaction]:
    """A person's interactions dated after `moment` (the future, for the balance)."""
    rows = db.execute(
        f"SELECT person_id, {CORE_COLUMNS} FROM interactions WHERE person_id = ? "
        f"AND occurred_at > ? ORDER BY {NEWEST_FIRST}",
        [person_id, iso(moment)],
    )
    return grouped_core(rows).get(person_id, [])


def recent_parts(moments: int) -> str:
    """What recent_core reads: everything from a moment on, every open ask, and the
    interactions at `moments` given moments, as one statement."""
    return " UNION ALL ".join(
        part_of_history(where)
        for where in (
            "occurred_at >= ?",
            OPEN_ASKS_OF,
            f"occurred_at IN ({', '.join('?' * moments) or 'NULL'})",
        )
    )


def recent_params(person_id: int, since: str, moments: list[str]) -> list:
    return [person_id, since, person_id, person_id, *moments]


def recent_core(db: Database, person_id: int, summary: dict) -> tuple[list[Interaction], str]:
    """The part of a person's history the advice reads beside their summary, newest first as
    core_history orders it: the latest RECENT_SHOWN and everything since their last two-way
    interaction (the unanswered streak), every open ask, and the latest help each way (an
    unreturned favour). With the oldest moment from which it holds everything ('' for all)."""
    nth = db.execute(NTH_NEWEST, [person_id, RECENT_SHOWN - 1]).fetchone()
    since = min(nth[0] if nth else "", summary["last_two_way"] or "")
    helped = [m for m in (summary["last_received"], summary["last_returned"]) if m]
    # The three parts in one statement: each keeps its own index (interactions_person_time,
    # interactions_open_by_person), and a row two of them hold is kept once, by its rowid.
    found = {
        row[0]: row
        for row in db.execute(recent_parts(len(helped)), recent_params(person_id, since, helped))
    }
    ordered = sorted(found.values(), key=lambda r: (r[5], r[1], r[0]), reverse=True)
    return [
        Interaction(id_, kind, text, datetime.fromisoformat(occurred_at), status, weight)
        for _, _, id_, kind, text, occurred_at, status, weight in ordered
    ], since


def all_by_person(db: Database) -> dict[int, list[Interaction]]:
    """Every interaction, grouped by person: for the nurture list and network health."""
    grouped: dict[int, list[Interaction]] = {}
    for record in db.query(f"SELECT {COLUMNS} FROM interactions ORDER BY occurred_at"):
        grouped.setdefault(record["person_id"], []).append(as_core(record))
    return grouped


def grouped_core(cursor) -> dict[int, list[Interaction]]:
    """Rows of (person_id, CORE_COLUMNS) as Interactions grouped by person, in their order.
    Built straight from the tuples: these views read tens of thousands of rows."""
    grouped: dict[int, list[Interaction]] = {}
    for person_id, id_, kind, summary, occurred_at, status, weight in cursor:
        item = Interaction(id_, kind, summary, datetime.fromisoformat(occurred_at), status, weight)
        found = grouped.get(person_id)
        if found is None:
            grouped[person_id] = [item]
        else:
            found.append(item)
    return grouped


def since(db: Database, moment: datetime) -> dict[int, list[Interaction]]:
    """The interactions from `moment` on (future-dated ones too), grouped by person, oldest
    first. A year or more is a large share of the table: read in the table's order it comes
    several times faster than through the time index, one scattered page after another."""
    grouped = grouped_core(
        db.execute(
            f"SELECT person_id, {CORE_COLUMNS} FROM interactions NOT INDEXED WHERE occurred_at >= ?",
            [iso(moment)],
        )
    )
    for found in grouped.values():
        found.sort(key=lambda item: item.occurred_at)
    return grouped


def open_asks(db: Database, kind: str) -> list[dict]:
    """Every still-open `asked` or `they_asked`, oldest first, with the person's name."""
    return list(
        db.query(
            "SELECT i.id, i.person_id, p.name, i.kind, i.summary, i.occurred_at, i.status "
            "FROM interactions i JOIN people p ON p.id = i.person_id "
            "WHERE i.kind = ? AND i.status = 'open' ORDER BY i.occurred_at",
            [kind],
        )
    )


# Both walk interactions_open (kind, occurred_at) for the open asks of a kind, and nothing else.
OPEN_ASKS_FIRST = (
    "SELECT i.id, i.person_id, p.name, i.kind, i.summary, i.occurred_at, i.status "
    "FROM interactions i JOIN people p ON p.id = i.person_id "
    "WHERE i.kind = ? AND i.status = 'open' AND i.id NOT IN (SELECT value FROM json_each(?)) "
    "ORDER BY i.occurred_at LIMIT ?"
)
# Counted in the index alone, less the left-out ones found by their key: reading each open
# ask's id to leave some out would read every one of them.
OPEN_ASKS_COUNT = (
    "SELECT (SELECT count(*) FROM interactions WHERE kind = ?1 AND status = 'open') "
    "- (SELECT count(*) FROM json_each(?2) j CROSS JOIN interactions i ON i.id = j.value "
    "WHERE i.kind = ?1 AND i.status = 'open')"
)


def first_open_asks(
    db: Database, kind: str, limit: int, leaving_out: list[str]
) -> tuple[list[dict], int]:
    """The oldest `limit` of open_asks(db, kind) but those with an id in `leaving_out`, and
    how many there are in all: only the shown rows are read, through the index's order."""
    params = [kind, json.dumps(leaving_out)]
    rows = list(db.query(OPEN_ASKS_FIRST, [*params, limit]))
    return rows, db.execute(OPEN_ASKS_COUNT, params).fetchone()[0]
