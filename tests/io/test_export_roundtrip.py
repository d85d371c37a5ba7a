"""Exports: the JSON document reproduces the database exactly; CSV per table; vCard 4.0."""

import csv
import json
import stat

import pytest
from givefirst import demo, reminders
from givefirst.io import export_file
from givefirst.store import facts, profiles
from givefirst.store.connection import open_db
from givefirst.store.reminders import set_cadence

from tests.conftest import NOW
from tests.io.helpers import (
    DATA_TABLES,
    contents,
    emails_of,
    facts_of,
    keys_of,
    linkedin_archive,
    load,
    person_named,
    tags_of,
)


@pytest.fixture
def full(db, tmp_path):
    """A database with something in every table: demo people, an archive, cards, a snapshot,
    cadences chosen for two people and Today's items marked."""
    demo.load(db, NOW)
    load(db, "linkedin", linkedin_archive(tmp_path))
    load(db, "vcard", "vcard/contacts-3.0.vcf")
    load(db, "google", "google/contacts.csv")
    orla = person_named(db, "Orla Venn")
    facts.create(db, orla["id"], {"label": "son", "value": "Sam — not a daughter"}, NOW)
    profiles.observe(db, profiles.find(db, "li:orla-venn-synthetic"), {"role": "Founder"}, NOW)
    set_cadence(db, person_named(db, "Ada Quill")["id"], 90, NOW)
    set_cadence(db, person_named(db, "Hedy Lindqvist")["id"], None, NOW)  # keep no clock
    due = reminders.due_on(db, NOW.date())
    for item, action in ((due["checkins"][0], "done"), (due["dates"][0], "week")):
        reminders.mark(db, item.key, item.person_id, action, NOW.date(), NOW)
    assert all(db[table].count for table in DATA_TABLES), "every table holds something"
    return db


def test_json_export_imported_into_an_empty_database_reproduces_it_exactly(full, tmp_path):
    export_file(full, "json", tmp_path / "everything.json")
    copy = open_db(tmp_path / "copy.db")
    load(copy, "json", tmp_path / "everything.json")
    assert contents(copy) == contents(full)


def test_the_json_document_is_versioned_and_keeps_secrets_out(full, tmp_path, token):
    export_file(full, "json", tmp_path / "everything.json")
    text = (tmp_path / "everything.json").read_text()
    document = json.loads(text)
    assert (document["format"], document["version"]) == ("givefirst", 1)
    assert token not in text and "token_hash" not in text and "pairing" not in text
    orla = next(p for p in document["people"] if p["name"] == "Orla Venn")
    assert orla["profiles"][0]["snapshots"][0]["fields"] == {"role": ["Partner", "Founder"]}


def test_importing_the_export_again_changes_nothing(full, tmp_path):
    export_file(full, "json", tmp_path / "everything.json")
    before = contents(full)
    summary = load(full, "json", tmp_path / "everything.json")
    assert contents(full) == before
    assert summary.count("person", "created") == summary.count("person", "merged") == 0


def test_exports_are_readable_by_their_owner_only(full, tmp_path):
    for kind, name in (("json", "e.json"), ("vcard", "e.vcf"), ("csv", "tables")):
        export_file(full, kind, tmp_path / name)
    for path in [tmp_path / "e.json", tmp_path / "e.vcf", *(tmp_path / "tables").iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_csv_export_writes_one_file_per_table_with_every_row(full, tmp_path):
    message = export_file(full, "csv", tmp_path / "tables")
    assert message.startswith(f"Wrote {len(DATA_TABLES)} CSV files")
    for table in DATA_TABLES:
        with (tmp_path / "tables" / f"{table}.csv").open(newline="") as file:
            rows = list(csv.reader(file))
        assert rows[0] == [c.name for c in full[table].columns]
        assert len(rows) - 1 == full[table].count


def test_csv_cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe(db, tmp_path):
    hostile = [
        '=HYPERLINK("https://evil.example")',
        "+1+2",
        "-3+4",
        "@SUM(A1)",
        "\tTab",
        "\rReturn",
    ]
    for n, text in enumerate(hostile):
        db["people"].insert(
            {
                "id": n + 1,
                "uuid": f"00000000-0000-4000-8000-00000000000{n}",
                "name": text,
                "circle": "wider",
                "notes": "plain - fine",
                "created_at": NOW.isoformat(),
                "updated_at": NOW.isoformat(),
            }
        )
    export_file(db, "csv", tmp_path / "tables")
    with (tmp_path / "tables" / "people.csv").open(newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["name"] for row in rows] == ["'" + text for text in hostile]
    assert {row["notes"] for row in rows} == {"plain - fine"}
    assert {row["id"] for row in rows} == {str(n + 1) for n in range(len(hostile))}


def test_vcard_export_reads_back_as_the_same_people(full, tmp_path):
    export_file(full, "vcard", tmp_path / "people.vcf")
    text = (tmp_path / "people.vcf").read_bytes().decode()
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    copy = open_db(tmp_path / "copy.db")
    load(copy, "vcard", tmp_path / "people.vcf")
    assert copy["people"].count == full["people"].count
    for name in ("Priya Kestrel", "Mira Solberg", "Ada Quill"):
        mine, theirs = person_named(full, name)["id"], person_named(copy, name)["id"]
        assert keys_of(copy, theirs) == keys_of(full, mine)
        assert emails_of(copy, theirs) == emails_of(full, mine)
        assert tags_of(copy, theirs) == tags_of(full, mine)
        assert person_named(copy, name)["notes"] == person_named(full, name)["notes"]
    priya = person_named(copy, "Priya Kestrel")["id"]
    assert facts_of(copy, priya)["birthday"] == ("15 April", "--04-15")
