"""Imports set the row-by-row triggers aside and build the search text and summaries of the
people they wrote at the end: afterwards both equal what the tables say, the triggers are back,
and an import that fails leaves everything as it was."""

import random
import sqlite3
from pathlib import Path

import pytest
from givefirst.core.news import company_key
from givefirst.io import export_file, import_file
from givefirst.store import bulk, network, people, summaries
from givefirst.store.connection import open_db, write
from givefirst.store.migrations import search_rows

from tests.conftest import NOW
from tests.store.test_summaries import random_writes

CONNECTIONS = Path(__file__).parents[1] / "io" / "fixtures" / "linkedin" / "Connections.csv"
TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"


def search_text(db) -> dict[int, str]:
    return dict(db.execute("SELECT rowid, body FROM people_search"))


def search_as_built(db) -> dict[int, str]:
    """The search text worked out afresh from the tables, in a scratch copy of the index."""
    with write(db):
        db.execute("SAVEPOINT rebuilt")
        db.execute("DELETE FROM people_search")
        db.execute(search_rows("1"))
        built = search_text(db)
        db.execute("ROLLBACK TO rebuilt")
        db.execute("RELEASE rebuilt")
    return built


# 1: the indexes are built afterwards, and every table's rows go through a TEMP table first
@pytest.mark.parametrize(("reindex_from", "staged_from"), [(10_000, 10_000), (1, 1)])
def test_an_import_into_a_database_with_people_builds_what_the_triggers_would(
    db, client, tmp_path, monkeypatch, reindex_from, staged_from
):
    monkeypatch.setattr(bulk, "REINDEX_FROM", reindex_from)
    monkeypatch.setattr(bulk, "STAGED_FROM", staged_from)
    random_writes(db, client, random.Random(3), rounds=40)
    exported = tmp_path / "all.json"
    export_file(db, "json", exported)
    other = open_db(tmp_path / "other.db")
    random_writes(other, None, random.Random(4), rounds=0)  # people of its own, no API writes
    triggers = other.execute(TRIGGERS).fetchall()
    indexes = other.execute(INDEXES).fetchall()
    before = other.execute("SELECT count(*) FROM people").fetchone()[0]
    import_file(other, "json", exported)
    assert other.execute("SELECT count(*) FROM people").fetchone()[0] > before
    assert other.execute(TRIGGERS).fetchall() == triggers
    assert other.execute(INDEXES).fetchall() == indexes
    assert other.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert summaries.differences(other) == []
    assert network.differences(other) == []  # 1: the day counts counted again from all marks
    assert search_text(other) == search_as_built(other)
    assert search_text(other), "nothing was indexed: the comparison would prove nothing"
    other.close()


def test_a_linkedin_import_indexes_the_people_it_creates(db, tmp_path):
    people.create(db, {"name": "Ada Lovelace", "tags": ["chess"]}, NOW)
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Bo,Tran,https://www.linkedin.com/in/bo-tran,,Quill Works,CTO,01 Jan 2024\n"
    )
    import_file(db, "linkedin", csv)
    found, _ = people.search(db, q="quill")
    assert [p["name"] for p in found] == ["Bo Tran"]
    assert search_text(db) == search_as_built(db)


def test_a_failed_write_rolls_the_triggers_back_with_it(db):
    triggers = db.execute(TRIGGERS).fetchall()
    with pytest.raises(sqlite3.IntegrityError), write(db), bulk.derived_at_the_end(db):
        assert db.execute(TRIGGERS).fetchall() != triggers  # set aside while the body writes
        db.execute(
            "INSERT INTO interactions (id, person_id, kind, summary, occurred_at, "
            "created_at, updated_at) VALUES ('x', 999, 'gave', 's', 'a', 'a', 'a')"
        )
    assert db.execute(TRIGGERS).fetchall() == triggers
    assert db.execute("SELECT name FROM sqlite_temp_master").fetchall() == []
    people.create(db, {"name": "Cy Park"}, NOW)  # the triggers work again
    assert [p["name"] for p in people.search(db, q="park")[0]] == ["Cy Park"]


@pytest.mark.parametrize("staged_from", [10_000, 1])
def test_rows_through_a_temp_table_keep_the_tables_constraints(db, monkeypatch, staged_from):
    monkeypatch.setattr(bulk, "STAGED_FROM", staged_from)
    ada = people.create(db, {"name": "Ada", "tags": ["chess"]}, NOW)
    tags = [{"person_id": ada, "tag": tag} for tag in ("chess", "go", "go")]
    with write(db):
        bulk.insert_rows(db, "person_tags", tags, or_ignore=True)  # held already: left as is
    assert db.execute("SELECT tag FROM person_tags ORDER BY tag").fetchall() == [
        ("chess",),
        ("go",),
    ]
    at = "2024-01-01T00:00:00+00:00"
    row = {"person_id": ada, "kind": "gave", "summary": "s", "occurred_at": at}
    rows = [{"id": "x", **row, "created_at": at, "updated_at": at} for _ in range(2)]
    with pytest.raises(sqlite3.IntegrityError, match="interactions.id"), write(db):
        bulk.insert_rows(db, "interactions", rows)
    rows[1] = {**rows[1], "id": "y", "kind": "bribed"}
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"), write(db):
        bulk.insert_rows(db, "interactions", rows)
    assert db.execute("SELECT count(*) FROM interactions").fetchone() == (0,)
    assert db.execute("SELECT name FROM sqlite_temp_master").fetchall() == []


def test_it_needs_the_callers_transaction(db):
    with pytest.raises(RuntimeError), bulk.derived_at_the_end(db):
        pass


def test_an_interaction_that_takes_a_freed_rowid_is_still_summarised(db, client, log):
    ada = people.create(db, {"name": "Ada"}, NOW)
    bo = people.create(db, {"name": "Bo"}, NOW)
    log(ada, "talked")
    newest = log(ada, "gave")["id"]
    with write(db), bulk.derived_at_the_end(db):
        db.execute("DELETE FROM interactions WHERE id = ?", [newest])  # frees the largest rowid
        db.execute(
            "INSERT INTO interactions (id, person_id, kind, summary, occurred_at, "
            "created_at, updated_at) VALUES ('n', ?, 'gave', 's', ?, ?, ?)",
            [bo, NOW.isoformat(), NOW.isoformat(), NOW.isoformat()],
        )
    assert summaries.differences(db) == []
    assert db.execute("SELECT gave FROM person_summaries WHERE person_id = ?", [bo]).fetchone() == (
        1,
    )


@pytest.mark.parametrize("kind", ["linkedin", "json"])
def test_an_import_writes_each_new_profiles_employer_key_with_its_row(db, client, tmp_path, kind):
    source = tmp_path / "source.db"
    if kind == "linkedin":
        path = CONNECTIONS
    else:
        made = open_db(source)
        import_file(made, "linkedin", CONNECTIONS)
        path = tmp_path / "all.json"
        export_file(made, "json", path)
        made.close()
    db.execute("CREATE TEMP TABLE keyed_again (id INTEGER)")
    db.execute(
        "CREATE TEMP TRIGGER keyed_again AFTER UPDATE OF employer_key ON main.profiles "
        "BEGIN INSERT INTO keyed_again VALUES (NEW.id); END"
    )
    triggers = db.execute(TRIGGERS).fetchall()
    import_file(db, kind, path)
    keys = db.execute("SELECT company, employer_key FROM profiles").fetchall()
    assert any(company for company, _ in keys)
    for company, key in keys:
        assert key == (None if company is None else company_key(company)), company
    assert db.execute("SELECT count(*) FROM keyed_again").fetchone()[0] == 0
    assert db.execute(TRIGGERS).fetchall() == triggers  # the trigger that clears a key is back
    with write(db):  # and a company another way written is keyed again, as before
        db.execute("UPDATE profiles SET company = 'Helio Grid GmbH' WHERE company IS NOT NULL")
    assert {key for _, key in db.execute("SELECT company, employer_key FROM profiles")} <= {
        "helio grid",
        None,
    }
