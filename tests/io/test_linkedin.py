"""LinkedIn's Connections.csv (current and older formats) and the whole export archive."""

import pytest

from tests.io.helpers import contents, keys_of, linkedin_archive, load, person_named


@pytest.fixture
def imported(db):
    return load(db, "linkedin", "linkedin/Connections.csv")


def test_connections_become_acquaintances_met_on_linkedin(db, imported):
    orla = person_named(db, "Orla Venn")
    assert orla["circle"] == "acquaintance"
    assert orla["how_met"] == "LinkedIn connection since 15 Mar 2024"
    assert db["interactions"].count == 0  # a connection, not a relationship


def test_the_header_is_found_after_the_notes_preamble_despite_bom_and_crlf(db, imported):
    assert imported.count("person", "created") == 4
    assert {r["name"] for r in db["people"].rows} == {
        "Orla Venn",
        "Tomasz Brell",
        "Priya Kestrel",
        "Sam Owner-Friend",
    }


def test_company_and_position_are_what_the_profile_showed(db, imported):
    profile = next(db["profiles"].rows_where("key = ?", ["li:orla-venn-synthetic"]))
    assert (profile["company"], profile["role"]) == ("Venn, Hart & Co", "Partner")
    assert profile["url"] == "https://www.linkedin.com/in/orla-venn-synthetic/"


def test_blank_emails_are_null_and_given_ones_are_kept(db, imported):
    assert [tuple(r) for r in db.execute("SELECT email FROM person_emails")] == [
        ("tomasz.brell@example.com",)
    ]


def test_rows_without_names_are_skipped_with_the_reason(imported):
    assert imported.reasons("person") == {"no name": 1}


def test_short_dates_and_missing_dates(db, imported):
    assert person_named(db, "Priya Kestrel")["how_met"] == "LinkedIn connection since 7 Feb 2022"
    assert person_named(db, "Sam Owner-Friend")["how_met"] == "LinkedIn connection"


def test_a_country_subdomain_url_gives_the_canonical_key(db, imported):
    assert keys_of(db, person_named(db, "Priya Kestrel")["id"]) == ["li:priya-kestrel-synthetic"]


def test_the_older_format_without_urls_imports_and_reimports_without_duplicates(db):
    first = load(db, "linkedin", "linkedin/Connections-older.csv")
    assert first.count("person", "created") == 2
    mira = person_named(db, "Mira Solberg")
    assert mira["how_met"] == "LinkedIn connection since 21 Nov 2019"
    assert keys_of(db, mira["id"]) == []
    before = contents(db)
    again = load(db, "linkedin", "linkedin/Connections-older.csv")
    assert again.reasons("person") == {"already up to date": 2}
    assert contents(db) == before


def test_the_whole_archive_brings_connections_and_conversations(db, tmp_path):
    summary = load(db, "linkedin", linkedin_archive(tmp_path))
    assert summary.count("person", "created") == 4
    assert summary.count("conversation", "created") == 4
    assert db["interactions"].count == 4


def test_importing_the_same_archive_twice_changes_nothing(db, tmp_path):
    archive = linkedin_archive(tmp_path)
    load(db, "linkedin", archive)
    before = contents(db)
    again = load(db, "linkedin", archive)
    assert contents(db) == before
    assert again.count("person", "created") == again.count("conversation", "created") == 0
    assert again.reviews == 0
