"""An import into empty tables looks up only the records it may have written already (a
record listed again further on), not every record: and one listed again is still merged."""

import copy
import json

import pytest
from givefirst.io import import_file, reconcile
from givefirst.store import known

from tests.io.test_read_ahead import person

LATER = "2026-02-01T00:00:00+00:00"


def document(tmp_path, people: list[dict]):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "givefirst", "version": 1, "people": people}))
    return path


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """The interaction ids the import looks up, a batch of one person at a time."""
    monkeypatch.setattr(reconcile, "BATCH_RECORDS", 1)
    ids: list[str] = []
    records = known.records

    def looking_up(db, table, wanted):
        if table == "interactions":
            ids.extend(wanted)
        return records(db, table, wanted)

    monkeypatch.setattr(known, "records", looking_up)
    return ids


@pytest.mark.parametrize("seen_bits", [reconcile.SEEN_BITS, 8], ids=["apart", "all share"])
def test_a_record_listed_again_further_on_is_merged(db, tmp_path, monkeypatch, asked, seen_bits):
    monkeypatch.setattr(reconcile, "SEEN_BITS", seen_bits)
    again = copy.deepcopy(person(1))
    again["interactions"] = [again["interactions"][4]]
    again["interactions"][0].update(summary="Coffee, told again", updated_at=LATER)
    summary = import_file(db, "json", document(tmp_path, [person(1), person(2), again]))
    assert summary.count("interaction", "created") == 20
    assert summary.count("interaction", "merged") == 1
    assert db.execute("SELECT count(*) FROM interactions").fetchone() == (20,)
    told = db.execute("SELECT summary FROM interactions WHERE summary LIKE '%again'").fetchall()
    assert told == [("Coffee, told again",)]
    assert again["interactions"][0]["id"] in asked
    if seen_bits == 8:  # ids share the few bits: some never written are looked up too
        assert len(asked) > 1
    else:
        assert asked == [again["interactions"][0]["id"]]


def test_an_import_into_empty_tables_looks_up_none_it_did_not_write(db, tmp_path, asked):
    import_file(db, "json", document(tmp_path, [person(n) for n in range(1, 4)]))
    assert db.execute("SELECT count(*) FROM interactions").fetchone() == (30,)
    assert asked == []


def test_an_import_into_tables_with_rows_looks_up_every_record(db, tmp_path, asked):
    import_file(db, "json", document(tmp_path, [person(1)]))
    asked.clear()
    import_file(db, "json", document(tmp_path, [person(1), person(2)]))
    assert len(asked) == 20
    assert db.execute("SELECT count(*) FROM interactions").fetchone() == (20,)
