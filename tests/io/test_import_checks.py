"""A JSON import writes its interactions without SQLite testing the table's CHECK constraints
again for each row (store/bulk.py, insert_rows): that holds only while the document's checks
refuse every kind and weight those constraints refuse. Here both judge the same values."""

import json
import sqlite3

import pytest
from givefirst.core.vocabulary import KINDS, STATUSES
from givefirst.errors import Invalid
from givefirst.io import givefirst_json, import_file
from givefirst.io import quick_checks as quick
from givefirst.store import bulk, people
from givefirst.store.connection import write

from tests.conftest import NOW
from tests.io.test_read_ahead import person

MOMENT = "2026-01-01T00:00:00+00:00"
KINDS_TRIED = (*KINDS, "bribed", "Gave", "gave ", "", "talked\x00")
WEIGHTS_TRIED = (-1, 0, 1, 2, 3, 4, 10)


def record(kind: str, weight: int) -> dict:
    return {
        "id": "00000000-0000-4000-8000-000000000001",
        "kind": kind,
        "summary": "A coffee",
        "occurred_at": MOMENT,
        "status": STATUSES.get(kind, (None,))[0],
        "weight": weight,
        "created_at": MOMENT,
        "updated_at": MOMENT,
    }


def document_accepts(data: dict) -> bool:
    if quick.interaction(data) is not None:
        return True
    try:
        givefirst_json.checked_interaction(dict(data))
    except Invalid:
        return False
    return True


def table_accepts(db, person: int, data: dict) -> bool:
    with write(db):
        db.execute("SAVEPOINT tried")
        try:
            db.execute(
                "INSERT INTO interactions (id, person_id, kind, summary, occurred_at, status, "
                "weight, created_at, updated_at) VALUES (:id, :person_id, :kind, :summary, "
                ":occurred_at, :status, :weight, :created_at, :updated_at)",
                {**data, "person_id": person},
            )
        except sqlite3.IntegrityError as error:
            assert "CHECK" in str(error)
            return False
        finally:
            db.execute("ROLLBACK TO tried")
            db.execute("RELEASE tried")
    return True


@pytest.mark.parametrize("kind", KINDS_TRIED)
def test_the_document_refuses_what_the_tables_checks_refuse(db, kind):
    ada = people.create(db, {"name": "Ada"}, NOW)
    for weight in WEIGHTS_TRIED:
        data = record(kind, weight)
        if not table_accepts(db, ada, data):
            assert not document_accepts(data), (kind, weight)
    assert table_accepts(db, ada, record(KINDS[0], 1)), "the table accepts a good row"


def test_after_an_import_the_checks_are_made_again(db, tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "STAGED_FROM", 1)  # through the TEMP table, checks set aside
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "givefirst", "version": 1, "people": [person(1)]}))
    import_file(db, "json", path)
    assert db.execute("SELECT count(*) FROM interactions").fetchone() == (10,)
    assert db.execute("PRAGMA ignore_check_constraints").fetchone() == (0,)
    assert not table_accepts(db, 1, {**record("bribed", 1), "id": "another"})
