"""A broken file imports nothing and says which file, which line and why."""

import json

import pytest
from givefirst.io import export_file
from givefirst.io.reading import ImportProblem
from givefirst.store.connection import open_db

from tests.conftest import NOW
from tests.io.helpers import contents, load

GOOD_ROW = "Orla,Venn,https://www.linkedin.com/in/orla-venn-synthetic,,Venn,Partner,15 Mar 2024\n"
CONNECTIONS = "Notes:\nsome preamble\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"

CASES = [
    (
        "linkedin",
        "Connections.csv",
        CONNECTIONS + GOOD_ROW + "Bo,Stone,,,,,yesterday\n",
        "Connections.csv line 6: Connected On 'yesterday' is not a date like 15 Mar 2024",
    ),
    (
        "linkedin",
        "Connections.csv",
        CONNECTIONS + GOOD_ROW + "Bo,Stone,,,,,1 Jan 2020,extra\n",
        "Connections.csv line 6: 8 fields where the header has 7",
    ),
    (
        "linkedin",
        "Connections.csv",
        CONNECTIONS + GOOD_ROW + 'Bo,"Stone,,,,,1 Jan 2020\n',
        "Connections.csv line 6: the CSV cannot be read",
    ),
    (
        "linkedin",
        "Connections.csv",
        CONNECTIONS + 'Bo,"Stone,,,,,1 Jan 2020\n' + GOOD_ROW + GOOD_ROW.replace("Orla", "Ada"),
        "Connections.csv line 5: the CSV cannot be read (a quoted field that starts on this line",
    ),
    (
        "linkedin",
        "Connections.csv",
        CONNECTIONS + GOOD_ROW + "Bo,Stone,https://www.linkedin.com/company/acme,,,,1 Jan 2020\n",
        "Connections.csv line 6: LinkedIn /company is not a person's profile",
    ),
    (
        "linkedin",
        "Connections.csv",
        CONNECTIONS + GOOD_ROW + "B\x00o,Stone,,,,,1 Jan 2020\n",
        "Connections.csv line 6: name must not contain NUL bytes",
    ),
    (
        "linkedin",
        "export.csv",
        "just,some,columns\n1,2,3\n",
        "export.csv: no header row of a LinkedIn export was found",
    ),
    (
        "linkedin",
        "messages.csv",
        "CONVERSATION ID,FROM,SENDER PROFILE URL,RECIPIENT PROFILE URLS,DATE,CONTENT\n"
        "c1,Me,https://www.linkedin.com/in/me-x,https://www.linkedin.com/in/you-x,last week,Hi\n",
        "messages.csv line 2: DATE 'last week' is not a time like 2024-03-15 10:22:33 UTC",
    ),
    (
        "google",
        "contacts.csv",
        "First Name,Last Name,Labels\nMira,Solberg,\n" + "A" * 201 + ",B,\n",
        "contacts.csv line 3: name is too long (203 characters; at most 200)",
    ),
    (
        "vcard",
        "cards.vcf",
        "BEGIN:VCARD\nVERSION:4.0\nFN:Fine\nEND:VCARD\nEND:VCARD\n",
        "cards.vcf line 5: END:VCARD without BEGIN:VCARD",
    ),
    (
        "json",
        "export.json",
        '{"format": "givefirst",\n "version": 1,\n "people": [,]}\n',
        "export.json line 3: is not valid JSON (Expecting value)",
    ),
    (
        "json",
        "export.json",
        '{"format": "something else"}',
        'export.json: is not a givefirst export (no "format": "givefirst")',
    ),
    (
        "json",
        "export.json",
        '{"format": "givefirst", "version": 99, "people": []}',
        "export.json: has format version 99; this givefirst reads version 1",
    ),
]


@pytest.mark.parametrize(("kind", "name", "text", "message"), CASES)
def test_a_broken_file_writes_nothing_and_names_the_line(db, tmp_path, kind, name, text, message):
    load(db, "linkedin", "linkedin/Connections.csv")
    before = contents(db)
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ImportProblem) as refused:
        load(db, kind, path)
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)
    assert contents(db) == before


def test_bytes_that_are_not_utf8_are_refused_at_their_line(db, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes((CONNECTIONS + GOOD_ROW).encode() + b"Bo,St\xffne,,,,,1 Jan 2020\n")
    with pytest.raises(ImportProblem, match=r"^Connections.csv line 6: is not valid UTF-8 text$"):
        load(db, "linkedin", path)
    assert db["people"].count == 0


def test_an_invalid_record_in_a_json_export_names_where_it_is(db, tmp_path, person, log):
    jane = person()
    log(jane["id"], "gave", "Shared a grant call")
    export_file(db, "json", tmp_path / "export.json")
    text = (tmp_path / "export.json").read_text().replace('"kind": "gave"', '"kind": "bribed"')
    (tmp_path / "export.json").write_text(text)
    target = open_db(tmp_path / "empty.db")
    with pytest.raises(ImportProblem) as refused:
        load(target, "json", tmp_path / "export.json")
    assert str(refused.value).startswith(
        "export.json: people[0] (Jane Doe): interactions[0]: kind must be one of gave, asked"
    )
    assert target["people"].count == 0


def test_a_missing_file_is_one_clear_line(db, tmp_path):
    with pytest.raises(ImportProblem, match=r"nowhere.csv: no such file$"):
        load(db, "google", tmp_path / "nowhere.csv")


def exported_with_a_snapshot(db, tmp_path) -> dict:
    """A JSON export of one person whose profile holds one change seen on the page."""
    from givefirst.store import profiles

    load(db, "linkedin", "linkedin/Connections.csv")
    orla = profiles.find(db, "li:orla-venn-synthetic")
    profiles.observe(db, orla, {"role": "Founder"}, NOW)
    export_file(db, "json", tmp_path / "export.json")
    return json.loads((tmp_path / "export.json").read_text())


def orla_of(document: dict) -> dict:
    return next(p for p in document["people"] if p["name"] == "Orla Venn")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"role": 5}, "a snapshot's role must be a pair [old, new]"),
        ({"role": ["Partner"]}, "a snapshot's role must be a pair [old, new]"),
        ({"role": ["Partner", 5]}, "a snapshot's role must be a pair of strings or nulls"),
        ({"favourite_food": ["soup", "bread"]}, "a snapshot's fields must be among role, "),
        (["role"], "a snapshot's fields must be an object"),
    ],
)
def test_a_snapshot_that_pages_could_not_show_is_refused(db, tmp_path, fields, message):
    document = exported_with_a_snapshot(db, tmp_path)
    orla_of(document)["profiles"][0]["snapshots"][0]["fields"] = fields
    (tmp_path / "export.json").write_text(json.dumps(document))
    target = open_db(tmp_path / "empty.db")
    with pytest.raises(ImportProblem) as refused:
        load(target, "json", tmp_path / "export.json")
    assert "people[" in str(refused.value) and "profiles[0]: snapshots[0]: " + message in str(
        refused.value
    )
    assert target["people"].count == 0


def test_a_snapshot_of_tracked_fields_with_nulls_is_accepted(db, tmp_path):
    document = exported_with_a_snapshot(db, tmp_path)
    orla_of(document)["profiles"][0]["snapshots"][0]["fields"] = {"role": [None, "Founder"]}
    (tmp_path / "export.json").write_text(json.dumps(document))
    target = open_db(tmp_path / "empty.db")
    load(target, "json", tmp_path / "export.json")
    assert target["profile_snapshots"].count == 1


@pytest.mark.parametrize("where", ["person", "profile", "snapshot"])
def test_an_id_beyond_sqlite_integers_is_refused(db, tmp_path, where):
    document = exported_with_a_snapshot(db, tmp_path)
    orla = orla_of(document)
    record = {
        "person": orla,
        "profile": orla["profiles"][0],
        "snapshot": orla["profiles"][0]["snapshots"][0],
    }[where]
    record["id"] = 2**63
    (tmp_path / "export.json").write_text(json.dumps(document))
    target = open_db(tmp_path / "empty.db")
    with pytest.raises(
        ImportProblem, match=r"id must be a whole number from 1 to 9223372036854775807"
    ):
        load(target, "json", tmp_path / "export.json")
    assert target["people"].count == 0


def test_the_largest_id_is_accepted_and_later_people_still_find_free_ids(db, tmp_path):
    document = exported_with_a_snapshot(db, tmp_path)
    orla = orla_of(document)
    orla["id"] = orla["profiles"][0]["id"] = 2**63 - 1
    orla["profiles"][0]["snapshots"][0]["id"] = 2**63 - 1
    (tmp_path / "export.json").write_text(json.dumps(document))
    target = open_db(tmp_path / "empty.db")
    load(target, "json", tmp_path / "export.json")
    assert target["people"].get(2**63 - 1)["name"] == "Orla Venn"
    assert target["people"].count == len(document["people"])
    (tmp_path / "Connections.csv").write_text(
        CONNECTIONS + GOOD_ROW.replace("orla", "zed").replace("Orla", "Zed")
    )
    load(target, "linkedin", tmp_path / "Connections.csv")  # an import numbers new people
    newcomer = {
        **document["people"][1],
        "uuid": "0b7f4f0e-2f4c-4d55-9a5e-0d6f1c2b3a49",
        "name": "Una Newcomer",
        "profiles": [],
        "emails": [],
        "sources": [],
        "interactions": [],
        "facts": [],
        "ask_reviews": [],
    }
    (tmp_path / "more.json").write_text(json.dumps({**document, "people": [newcomer]}))
    load(target, "json", tmp_path / "more.json")  # its id is taken here: a free one is found
    names = {row[0] for row in target.execute("SELECT name FROM people WHERE id < 100")}
    assert {"Zed Venn", "Una Newcomer"} <= names
