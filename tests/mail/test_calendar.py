"""givefirst import ics: meetings you attended become `talked`; the rules that leave some out."""

from datetime import timedelta

import pytest
from givefirst.io.mail.messages import OwnAddressNeeded
from givefirst.io.reading import ImportProblem
from givefirst.store import emails, sources

from tests.conftest import NOW
from tests.io.helpers import contents, load, person_named

ICS = "calendar/meetings.ics"


@pytest.fixture
def imported(db):
    emails.add_mine(db, "ada@example.org", NOW)
    return load(db, "ics", ICS)


def history(db, name):
    person_id = person_named(db, name)["id"]
    return [
        (r["kind"], r["occurred_at"][:10], r["summary"])
        for r in db.query(
            "SELECT * FROM interactions WHERE person_id = ? ORDER BY occurred_at", [person_id]
        )
    ]


def test_a_past_meeting_is_talked_with_each_attendee(db, imported):
    assert history(db, "Bea Quinn") == [("talked", "2026-05-04", "Meeting: “Coffee with Bea”")]


def test_an_attendee_you_did_not_know_becomes_a_connection_with_how_you_met(db, imported):
    ivy = person_named(db, "Ivy Chen")
    assert ivy["how_met"] == "Met at “Coffee with Bea” on 4 May 2026"
    assert emails.owner(db, "ivy@example.com") == ivy["id"]


def test_an_attendee_who_declined_is_not_met(db, imported):
    assert emails.owner(db, "lee@example.com") is None


def test_a_weekly_series_counts_each_occurrence(db, imported):
    assert [d for _, d, _ in history(db, "Cal Ortiz")] == [
        "2026-05-05",
        "2026-05-12",
        "2026-05-19",
        "2026-05-26",
    ]


def test_a_daily_series_counts_at_most_once_a_week_per_person(db, imported):
    assert [d for _, d, _ in history(db, "Jo Reyes")] == ["2026-06-01"]
    assert imported.reasons("meeting")["met this week already"] == 4


def test_declined_cancelled_all_day_and_large_meetings_are_left_out(db, imported):
    reasons = imported.reasons("meeting")
    assert reasons["you declined"] == 1 and reasons["cancelled"] == 1
    assert reasons["all-day or without a time"] == 1 and reasons["more than 8 people"] == 1
    for address in ("kim@example.com", "max@example.com", "nia@example.com", "p1@example.com"):
        assert emails.owner(db, address) is None


def test_meetings_in_the_days_ahead_are_kept_for_today_and_not_logged(db, imported):
    ahead = sources.meetings_between(db, NOW, NOW + timedelta(days=7))
    assert [(m["title"], [p["name"] for p in m["people"]], m["strangers"]) for m in ahead] == [
        ("Lunch with Bea", ["Bea Quinn"], 0),
        ("Intro call with Bea and Quinn", ["Bea Quinn"], 1),
    ]
    assert emails.owner(db, "quinn@example.com") is None  # not met yet: nobody stored
    assert all("Lunch" not in s for _, _, s in history(db, "Bea Quinn"))


def test_importing_the_calendar_again_adds_nothing(db, imported):
    before = contents(db)
    again = load(db, "ics", ICS)
    assert contents(db) == before and again.count("conversation", "created") == 0


def test_a_dry_run_writes_nothing(db):
    emails.add_mine(db, "ada@example.org", NOW)
    before = contents(db)
    load(db, "ics", ICS, dry_run=True)
    assert contents(db) == before
    assert not sources.meetings_between(db, NOW, NOW + timedelta(days=7))


def test_without_your_address_the_calendar_name_is_proposed(db):
    with pytest.raises(OwnAddressNeeded) as raised:
        load(db, "ics", ICS)
    assert raised.value.proposal == "ada@example.org"


def test_a_file_that_is_not_a_calendar_is_refused(db):
    emails.add_mine(db, "ada@example.org", NOW)
    with pytest.raises(ImportProblem, match="iCalendar"):
        load(db, "ics", "vcard/contacts-4.0.vcf")


def test_descriptions_alarms_and_unknown_properties_do_not_get_in_the_way(db, tmp_path):
    emails.add_mine(db, "ada@example.org", NOW)
    event = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:desc-1\r\n"
        "DESCRIPTION:A long agenda that goes on\r\n  and on: UID:not-this-one\r\n"
        "SUMMARY:Design review\r\nDTSTART:20260520T100000Z\r\nDTEND:20260520T110000Z\r\n"
        "X-GOOGLE-CONFERENCE:https://meet.example.com/abc\r\n"
        "ATTENDEE;CN=Ada Lovelace;PARTSTAT=ACCEPTED:mailto:ada@example.org\r\n"
        "ATTENDEE;CN=Oli Grant;PARTSTAT=ACCEPTED:\r\n mailto:oli@example.com\r\n"
        "BEGIN:VALARM\r\nUID:alarm-1\r\nTRIGGER:-PT10M\r\nACTION:DISPLAY\r\nEND:VALARM\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    path = tmp_path / "one.ics"
    path.write_text(event)
    load(db, "ics", path)
    assert history(db, "Oli Grant") == [("talked", "2026-05-20", "Meeting: “Design review”")]
