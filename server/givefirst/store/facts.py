"""Facts: what to remember and ask about, optionally with a date for reminders."""

import uuid
from datetime import datetime

from sqlite_utils import Database

from givefirst import validation as check
from givefirst.clock import iso
from givefirst.core.vocabulary import Fact
from givefirst.errors import Conflict, NotFound
from givefirst.store import people
from givefirst.store.connection import write

COLUMNS = "id, person_id, label, value, date, created_at, updated_at"


def checked_fields(data: dict) -> dict:
    """A fact's label, value and date from an API body or an import, checked."""
    return {
        "label": check.text(data, "label", required=True, max_length=100),
        "value": check.text(data, "value", required=True, max_length=1000),
        "date": check.fact_date(data),
    }


def checked_row(data: dict, person_id: int, now: datetime) -> dict:
    """A new fact's row, checked; nothing is written."""
    return {
        "id": check.client_id(data) or str(uuid.uuid4()),
        "person_id": person_id,
        **checked_fields(data),
        "created_at": iso(now),
        "updated_at": iso(now),
    }


def create(db: Database, person_id: int, data: dict, now: datetime) -> dict:
    return create_once(db, person_id, data, now)[0]


def create_once(db: Database, person_id: int, data: dict, now: datetime) -> tuple[dict, bool]:
    """Remember a fact; (fact, created). Resending the same client id returns the first one."""
    record = checked_row(data, person_id, now)
    with write(db):
        people.row(db, person_id)
        existing = list(db.query(f"SELECT {COLUMNS} FROM facts WHERE id = ?", [record["id"]]))
        if existing:
            if existing[0]["person_id"] != person_id:
                raise Conflict("a fact with this id belongs to someone else")
            return existing[0], False
        db["facts"].insert(record)
    return record, True


def get(db: Database, fact_id: str) -> dict:
    rows = list(db.query(f"SELECT {COLUMNS} FROM facts WHERE id = ?", [fact_id]))
    if not rows:
        raise NotFound(f"there is no fact {fact_id}")
    return rows[0]


def update(db: Database, fact_id: str, data: dict, now: datetime) -> dict:
    changes: dict = {"updated_at": iso(now)}
    if "label" in data:
        changes["label"] = check.text(data, "label", required=True, max_length=100)
    if "value" in data:
        changes["value"] = check.text(data, "value", required=True, max_length=1000)
    if "date" in data:
        changes["date"] = check.fact_date(data)
    with write(db):
        get(db, fact_id)
        db["facts"].update(fact_id, changes)
    return get(db, fact_id)


def delete(db: Database, fact_id: str) -> None:
    with write(db):
        get(db, fact_id)
        db.execute("DELETE FROM facts WHERE id = ?", [fact_id])


def for_person(db: Database, person_id: int) -> list[dict]:
    return list(
        db.query(
            f"SELECT {COLUMNS} FROM facts WHERE person_id = ? ORDER BY created_at", [person_id]
        )
    )


def as_core(record: dict) -> Fact:
    return Fact(id=record["id"], label=record["label"], value=record["value"], date=record["date"])


def all_by_person(db: Database) -> dict[int, list[Fact]]:
    grouped: dict[int, list[Fact]] = {}
    for record in db.query(f"SELECT {COLUMNS} FROM facts ORDER BY created_at"):
        grouped.setdefault(record["person_id"], []).append(as_core(record))
    return grouped


def of_people(db: Database, person_ids: list[int]) -> dict[int, list[Fact]]:
    """The facts of these people only, grouped by person."""
    grouped: dict[int, list[Fact]] = {}
    for start in range(0, len(person_ids), 500):
        part = person_ids[start : start + 500]
        marks = ",".join("?" * len(part))
        for record in db.query(
            f"SELECT {COLUMNS} FROM facts WHERE person_id IN ({marks}) ORDER BY created_at", part
        ):
            grouped.setdefault(record["person_id"], []).append(as_core(record))
    return grouped
