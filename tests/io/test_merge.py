"""Merging another computer's database: matched by profile keys, emails and stable ids."""

import hashlib

import pytest
from givefirst.io.backup import BackupProblem
from givefirst.io.reading import ImportProblem
from givefirst.io.reconcile import merge_database
from givefirst.store import interactions, people
from givefirst.store.connection import open_db

from tests.conftest import NOW
from tests.io.helpers import contents, keys_of, load, person_named

LATER = NOW.replace(hour=18)


@pytest.fixture
def laptop(tmp_path):
    """The other computer: Orla (same LinkedIn profile, her own uuid) and someone new."""
    other = open_db(tmp_path / "laptop.db")
    orla = people.create(
        other,
        {
            "name": "Orla V.",
            "profiles": [
                "https://www.linkedin.com/in/orla-venn-synthetic",
                "https://github.com/orla-venn-syn",
            ],
        },
        NOW,
    )
    interactions.create(other, orla, {"kind": "gave", "summary": "Introduced her to a funder"}, NOW)
    newcomer = people.create(
        other,
        {"name": "Kit Marlow", "tags": ["climate"], "profiles": ["https://x.com/kit_marlow_syn"]},
        NOW,
    )
    interactions.create(other, newcomer, {"kind": "talked", "summary": "Met at a meetup"}, NOW)
    other.close()
    return tmp_path / "laptop.db"


def test_people_are_matched_by_profile_keys_and_everything_else_comes_along(db, laptop):
    load(db, "linkedin", "linkedin/Connections.csv")
    summary = merge_database(db, laptop)
    orla = person_named(db, "Orla Venn")  # the name here stays: it is not newer there
    assert keys_of(db, orla["id"]) == ["gh:orla-venn-syn", "li:orla-venn-synthetic"]
    assert [r["summary"] for r in db["interactions"].rows_where("person_id = ?", [orla["id"]])] == [
        "Introduced her to a funder"
    ]
    assert person_named(db, "Kit Marlow")["circle"] == "wider"
    assert summary.count("person", "created") == 1 and summary.count("person", "merged") == 1


def test_merging_twice_changes_nothing_and_the_other_file_is_never_written(db, laptop):
    load(db, "linkedin", "linkedin/Connections.csv")
    fingerprint = hashlib.sha256(laptop.read_bytes()).hexdigest()
    merge_database(db, laptop)
    before = contents(db)
    again = merge_database(db, laptop)
    assert contents(db) == before
    assert again.count("person", "created") == again.count("interaction", "created") == 0
    assert hashlib.sha256(laptop.read_bytes()).hexdigest() == fingerprint


def test_a_record_changed_later_on_the_other_computer_wins(db, laptop):
    merge_database(db, laptop)
    other = open_db(laptop)
    talk = next(other["interactions"].rows_where("summary = ?", ["Met at a meetup"]))
    interactions.update(other, talk["id"], {"summary": "Met at the climate meetup"}, LATER)
    other.close()
    merge_database(db, laptop)
    assert db["interactions"].get(talk["id"])["summary"] == "Met at the climate meetup"


def test_a_dry_run_merge_writes_nothing(db, laptop):
    before = contents(db)
    summary = merge_database(db, laptop, dry_run=True)
    assert summary.count("person", "created") == 2 and contents(db) == before


def test_merging_the_database_into_itself_is_refused(db, db_path):
    with pytest.raises(ImportProblem, match="is this database itself"):
        merge_database(db, db_path)


def test_merging_something_that_is_not_a_database_is_refused(db, tmp_path):
    (tmp_path / "notes.db").write_text("shopping list")
    with pytest.raises(BackupProblem, match="notes.db is not a SQLite database"):
        merge_database(db, tmp_path / "notes.db")


def test_tags_from_the_other_computer_stop_at_the_most_a_person_holds(db, tmp_path):
    url = "https://www.linkedin.com/in/cleo-marsh-synthetic"
    mine = [f"mine{n:02}" for n in range(45)]
    cleo = people.create(db, {"name": "Cleo Marsh", "profiles": [url], "tags": mine}, NOW)
    other = open_db(tmp_path / "laptop.db")
    theirs = ["mine00", *(f"theirs{n:02}" for n in range(10))]
    people.create(other, {"name": "Cleo M.", "profiles": [url], "tags": theirs}, NOW)
    other.close()
    summary = merge_database(db, tmp_path / "laptop.db")
    tags = [r[0] for r in db.execute("SELECT tag FROM person_tags WHERE person_id = ?", [cleo])]
    assert len(tags) == people.MAX_TAGS
    assert any("left out the tags theirs05, theirs06" in w for w in summary.warnings)
    people.update(db, cleo, {"tags": tags}, NOW)  # the edit form still takes them
    assert merge_database(db, tmp_path / "laptop.db").count("person", "merged") == 0
