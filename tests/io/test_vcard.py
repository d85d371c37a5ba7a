"""vCard 3.0 (Apple-style) and 4.0 address books."""

import pytest
from givefirst.io import vcard
from givefirst.io.reading import ImportProblem
from givefirst.io.vcard import birthday

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
def apple(db):
    return load(db, "vcard", "vcard/contacts-3.0.vcf")


def test_social_profiles_urls_and_apple_handles_become_profiles(db, apple):
    priya = person_named(db, "Priya Kestrel")
    assert keys_of(db, priya["id"]) == ["li:priya-kestrel-synthetic", "x:pkestrel_syn"]
    assert emails_of(db, priya["id"]) == ["priya.kestrel@example.com"]


def test_escapes_org_title_categories_and_a_homepage_in_a_group(db, apple):
    priya = person_named(db, "Priya Kestrel")
    assert priya["notes"] == (
        "Met at the Lisbon data conference, 2023.\nAsk about her sailing trip; she was planning one."
    )
    assert tags_of(db, priya["id"]) == ["Conference", "Work"]
    facts = facts_of(db, priya["id"])
    assert facts["work"] == ("CTO at Tidewater Systems", None)
    assert facts["website"] == ("https://priya-kestrel.example/about", None)


def test_apples_1604_means_a_birthday_without_a_year(db, apple):
    assert facts_of(db, person_named(db, "Priya Kestrel")["id"])["birthday"] == (
        "15 April",
        "--04-15",
    )
    assert facts_of(db, person_named(db, "Tomasz Brell")["id"])["birthday"] == (
        "2 November 1988",
        "1988-11-02",
    )


def test_folded_lines_are_joined(db, apple):
    assert person_named(db, "Tomasz Brell")["notes"] == (
        "A note long enough that the phone folded it across two lines when it exported the card."
    )


def test_a_card_without_a_name_is_skipped(apple):
    assert apple.reasons("person") == {"no name": 1}


def test_vcard_4_social_profiles_urls_and_a_yearless_birthday(db):
    summary = load(db, "vcard", "vcard/contacts-4.0.vcf")
    jun = person_named(db, "Jun Halloway")
    assert keys_of(db, jun["id"]) == [
        "acct:junhalloway_syn@mastodon.social",
        "gh:jun-halloway-synthetic",
        "li:jun-halloway-synthetic",
    ]
    assert facts_of(db, jun["id"])["birthday"] == ("15 April", "--04-15")
    assert tags_of(db, jun["id"]) == ["design", "friends"]
    assert any("linkedin.com/company/lumen-synthetic" in w for w in summary.warnings)


def test_a_card_with_only_a_structured_name_and_a_phone(db):
    load(db, "vcard", "vcard/contacts-4.0.vcf")
    elsie = person_named(db, "Elsie Ray Dunmore")
    assert keys_of(db, elsie["id"]) == [] and elsie["circle"] == "acquaintance"


def test_importing_the_same_cards_again_changes_nothing(db):
    for name in ("vcard/contacts-3.0.vcf", "vcard/contacts-4.0.vcf"):
        load(db, "vcard", name)
    before = contents(db)
    for name in ("vcard/contacts-3.0.vcf", "vcard/contacts-4.0.vcf"):
        assert load(db, "vcard", name).count("person", "created") == 0
    assert contents(db) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("--0415", "--04-15"),
        ("--04-15", "--04-15"),
        ("19880415", "1988-04-15"),
        ("1604-02-29", "--02-29"),
        ("1990-04-15T00:00:00Z", "1990-04-15"),
        ("1990-02-30", None),
        ("soon", None),
    ],
)
def test_birthday_forms(text, expected):
    found = birthday(text)
    assert (found and found["date"]) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("BEGIN:VCARD\nVERSION:2.1\nFN:Old Card\nEND:VCARD\n", "line 1: vCard with version 2.1"),
        ("BEGIN:VCARD\nVERSION:3.0\nFN:Open Card\n", "line 1: this vCard has no END:VCARD"),
        (
            "BEGIN:VCARD\nVERSION:3.0\nFN Missing Colon\nEND:VCARD\n",
            "line 3: is not a vCard property",
        ),
        ("not a vcard at all\n", "line 1: is not a vCard property"),
    ],
)
def test_broken_cards_are_refused_with_the_line(db, tmp_path, text, message):
    path = tmp_path / "broken.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Fine Card\nEND:VCARD\n" + text)
    with pytest.raises(ImportProblem) as refused:
        load(db, "vcard", path)
    assert str(refused.value).startswith("broken.vcf line ")
    assert message.split(": ", 1)[1] in str(refused.value)
    assert db["people"].count == 0


def test_a_carriage_return_in_stored_text_is_written_as_a_line_break():
    card = vcard.write_cards(
        [
            {
                "uuid": "8d7c3a52-55d1-4a62-9e0b-6a2f3f1d2c11",
                "name": "Cy\rRo",
                "emails": [],
                "profiles": [],
                "tags": [],
                "facts": [],
                "notes": "one\r\ntwo\rthree",
                "updated_at": "2026-06-15T09:00:00",
            }
        ]
    )
    lines = card.split("\r\n")
    assert "\r" not in "".join(lines)
    assert "FN:Cy\\nRo" in lines and "NOTE:one\\ntwo\\nthree" in lines


def test_an_edited_re_export_without_uid_recognises_the_card(db, tmp_path):
    """Elsie has no UID, email or profile: a new note, a new revision and a reformatted phone
    number are still Elsie."""
    load(db, "vcard", "vcard/contacts-4.0.vcf")
    text = fixture("vcard/contacts-4.0.vcf").read_text()
    edited = text.replace(
        "TEL;TYPE=cell:+44 20 7946 0000\n",
        "TEL;TYPE=cell:tel:+44-20-7946-0000\nNOTE:Lent me a ladder\nREV:20260101T000000Z\n",
    )
    assert edited != text
    (tmp_path / "contacts.vcf").write_text(edited)
    summary = load(db, "vcard", tmp_path / "contacts.vcf")
    assert summary.count("person", "created") == 0
    assert person_named(db, "Elsie Ray Dunmore")["notes"] == "Lent me a ladder"


def test_a_card_without_uid_or_phone_is_recognised_by_name_and_organisation(db, tmp_path):
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Rui Costa\nORG:Tidewater\n{}END:VCARD\n"
    (tmp_path / "a.vcf").write_text(card.format("REV:2025-01-01\n"))
    (tmp_path / "b.vcf").write_text(card.format("NOTE:Sails\nREV:2026-01-01\n"))
    assert load(db, "vcard", tmp_path / "a.vcf").count("person", "created") == 1
    assert load(db, "vcard", tmp_path / "b.vcf").count("person", "created") == 0
    other = card.replace("Tidewater", "Harbourline").format("")
    (tmp_path / "c.vcf").write_text(other)
    assert load(db, "vcard", tmp_path / "c.vcf").count("person", "created") == 1
