"""Google Contacts CSV: the current export and the legacy UTF-16 "Google CSV"."""

import pytest
from givefirst.io.reading import ImportProblem

from tests.io.helpers import (
    contents,
    emails_of,
    facts_of,
    fixture,
    keys_of,
    load,
    person_named,
    tags_of,
)


@pytest.fixture
def imported(db):
    return load(db, "google", "google/contacts.csv")


def test_columns_by_name_and_values_separated_by_triple_colons(db, imported):
    mira = person_named(db, "Mira Solberg")
    assert emails_of(db, mira["id"]) == ["mira.solberg@example.net", "mira@example.org"]
    assert keys_of(db, mira["id"]) == ["li:mira-solberg-synthetic"]
    assert mira["notes"] == "Rows on Sundays.\nAsk about the regatta."
    facts = facts_of(db, mira["id"])
    assert facts["work"] == ("Founder at Orbit, Ltd", None)
    assert facts["birthday"] == ("9 July", "--07-09")


def test_the_persons_own_labels_are_tags_and_googles_groups_are_not(db, imported):
    assert tags_of(db, person_named(db, "Mira Solberg")["id"]) == ["Rowing club", "Work"]
    assert tags_of(db, person_named(db, "Jun Halloway")["id"]) == []


def test_rows_without_a_name_are_skipped_and_a_phone_only_contact_is_kept(db, imported):
    assert imported.reasons("person") == {"no name": 1}
    assert person_named(db, "Dale Pipewright")["circle"] == "acquaintance"


def test_importing_the_same_csv_again_changes_nothing(db, imported):
    before = contents(db)
    assert load(db, "google", "google/contacts.csv").count("person", "created") == 0
    assert contents(db) == before


def test_the_legacy_utf16_format(db):
    summary = load(db, "google", "google/legacy-google-csv.csv")
    assert summary.count("person", "created") == 1
    rafa = person_named(db, "Rafa Okonkwo-Lind")
    assert rafa["notes"] == "Café owner — knows everyone in Søndermarken."
    assert keys_of(db, rafa["id"]) == ["gh:rafa-okonkwo-synthetic"]
    assert tags_of(db, rafa["id"]) == ["Friends"]
    assert facts_of(db, rafa["id"])["birthday"] == ("1 December 1979", "1979-12-01")
    assert facts_of(db, rafa["id"])["work"] == ("Owner at Kaffebar Lind", None)


def test_a_file_that_is_not_a_google_export_is_refused(db):
    with pytest.raises(ImportProblem, match="Connections.csv line 1: is not a Google Contacts CSV"):
        load(db, "google", "linkedin/Connections.csv")


def test_an_edited_re_export_recognises_people_without_email_or_profile(db, imported, tmp_path):
    """Dale has only a phone: a new label, a note and a reformatted number are still Dale."""
    text = fixture("google/contacts.csv").read_text()
    edited = text.replace(
        "Dale,,Pipewright,,,,,,,,,,,,,,* myContacts,,,,,Mobile,+44 20 7946 0001,,",
        "Dale,,Pipewright,,,,,,,,,,,,Fixed the boiler,,* myContacts ::: Home,,,,,Mobile,"
        "+442079460001,,",
    )
    assert edited != text
    (tmp_path / "contacts.csv").write_text(edited)
    summary = load(db, "google", tmp_path / "contacts.csv")
    assert summary.count("person", "created") == 0
    dale = person_named(db, "Dale Pipewright")  # still exactly one
    assert dale["notes"] == "Fixed the boiler" and tags_of(db, dale["id"]) == ["Home"]


def test_people_with_the_same_name_and_different_phones_stay_apart(db, tmp_path):
    (tmp_path / "contacts.csv").write_text(
        "First Name,Last Name,Labels,Phone 1 - Value,Organization Name\n"
        "Sam,Lee,,+1 555 0100,\nSam,Lee,,+1 555 0199,\nAlex,Moor,,,Acme\nAlex,Moor,,,Globex\n"
    )
    assert load(db, "google", tmp_path / "contacts.csv").count("person", "created") == 4
