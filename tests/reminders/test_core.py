"""The keep-in-touch clock, the one-line summary and the badge's count, as plain functions."""

from datetime import UTC, date, datetime

from givefirst.core.reminders import (
    Due,
    badge_count,
    cadence,
    cadence_words,
    give_key,
    next_due,
    summary,
)

MONDAY = date(2026, 6, 15)


def due(kind, person_id, name, when=MONDAY, label=""):
    return Due(f"{kind}:{person_id}:{when}", kind, person_id, name, when, "text", label)


def test_the_cadence_comes_from_the_circle_unless_the_person_chose_one():
    assert [cadence(c, None, False) for c in ("inner", "close", "active", "wider")] == [
        14,
        30,
        90,
        180,
    ]
    assert cadence("acquaintance", None, False) is None
    assert cadence("inner", 90, True) == 90
    assert cadence("inner", None, True) is None  # chose: never


def test_next_due_counts_from_the_last_two_way_contact_or_from_when_they_were_added():
    added = datetime(2026, 1, 1, tzinfo=UTC)
    talked = datetime(2026, 6, 1, 18, tzinfo=UTC)
    assert next_due(30, talked, added) == date(2026, 7, 1)
    assert next_due(30, None, added) == date(2026, 1, 31)
    assert next_due(None, talked, added) is None


def test_the_summary_groups_who_waits_dates_and_check_ins_in_one_line():
    line = summary(
        [due("waiting", 1, "Ines Duarte")],
        [due("date", 2, "Jonas Berg", date(2026, 6, 18), "Birthday")],
        [due("checkin", 3, "A"), due("checkin", 4, "B"), due("checkin", 5, "C")],
        MONDAY,
    )
    assert line == "Ines is waiting on you; Jonas's birthday is Thursday; 3 check-ins due"


def test_the_summary_names_two_people_waiting_then_counts_the_others_and_says_today():
    two = [due("waiting", 1, "Ines Duarte"), due("waiting", 2, "Max Roe")]
    dates = [due("date", 3, "Jonas", MONDAY, "anniversary"), due("date", 4, "Kim", MONDAY)]
    assert summary(two, dates, [due("checkin", 5, "Lu")], MONDAY) == (
        "Ines and Max are waiting on you; Jonas's anniversary is today (1 more date this week); "
        "1 check-in due"
    )
    three = [*two, due("waiting", 6, "Oda Lind")]
    assert summary(three, [], [], MONDAY) == "Ines and 2 others are waiting on you"
    assert summary([], [], [], MONDAY) == ""


def test_the_badge_counts_people_waiting_or_due_today_once_each():
    waiting = [due("waiting", 1, "Ines"), Due("waiting:x", "waiting", 1, "Ines", MONDAY, "again")]
    dates = [due("date", 2, "Jonas", MONDAY), due("date", 3, "Kim", date(2026, 6, 18))]
    checkins = [due("checkin", 1, "Ines"), due("checkin", 4, "Lu")]
    assert badge_count(waiting, dates, checkins, MONDAY) == 3  # Ines, Jonas, Lu; not Kim (Thu)
    assert badge_count([], [], [], MONDAY) == 0


def test_cadences_read_as_a_person_says_them():
    assert cadence_words(90) == "every 3 months"
    assert cadence_words(14) == "every 2 weeks"
    assert cadence_words(45) == "every 45 days"
    assert cadence_words(None) == "never"


def test_a_nurture_pick_marked_done_stays_done_for_the_week_only():
    assert give_key(7, MONDAY) == give_key(7, date(2026, 6, 21))  # Sunday, same ISO week
    assert give_key(7, MONDAY) != give_key(7, date(2026, 6, 22))
