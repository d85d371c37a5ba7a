"""The nurture list ranks who to give to now."""

from datetime import timedelta

from givefirst.core.nurture import Candidate, rank
from givefirst.core.vocabulary import Change, Fact

from tests.conftest import NOW
from tests.core.helpers import i

LONG_AGO = NOW - timedelta(days=1000)


def person(pid, name, circle="active", **kwargs):
    return Candidate(id=pid, name=name, circle=circle, created_at=LONG_AGO, **kwargs)


def test_people_waiting_on_you_come_first_then_dates_news_overdue_and_dormant_ties():
    people = [
        person(1, "Overdue Olga", "inner", history=[i("talked", 40)]),
        person(2, "Wen Waiting", history=[i("they_asked", 3, "open")]),
        person(
            3,
            "Dormant Dan",
            "wider",
            history=[i("talked", 500), i("talked", 450), i("talked", 400)],
        ),
        person(
            4,
            "News Nia",
            history=[i("talked", 10)],
            changes=[Change("role", "Engineer", "CTO", NOW - timedelta(days=2))],
        ),
        person(
            5,
            "Birthday Bo",
            history=[i("talked", 10)],
            facts=[Fact("f", "birthday", "x", (NOW + timedelta(days=4)).strftime("--%m-%d"))],
        ),
        person(6, "Fine Fay", history=[i("talked", 10)]),
    ]
    picks = rank(people, NOW)
    assert [p.reason for p in picks] == [
        "waiting_on_you",
        "date_soon",
        "news",
        "overdue",
        "dormant_tie",
    ]
    assert "Fine Fay" not in [p.candidate.name for p in picks]
    assert picks[0].why == "Wen has waited 3 days for your help."
    assert picks[1].why == "Birthday on 19 Jun 2026."  # dates as a person reads them
    assert picks[4].why.endswith("quiet since 11 May 2025.")


def test_overdue_is_relative_to_the_circle_cadence():
    inner = person(1, "Inner", "inner", history=[i("talked", 20)])  # every 14 days
    active = person(2, "Active", "active", history=[i("talked", 20)])  # every 90 days
    picks = rank([inner, active], NOW)
    assert [p.candidate.name for p in picks] == ["Inner"]
    assert picks[0].why == "Inner circle, every 14 days: last contact 20 days ago."


def test_acquaintances_are_never_overdue_and_a_new_inner_person_is():
    picks = rank([person(1, "Acq", "acquaintance"), person(2, "New", "inner")], NOW)
    assert [(p.candidate.name, p.reason) for p in picks] == [("New", "overdue")]


def test_the_limit_is_respected():
    people = [person(n, f"P{n}", "inner", history=[i("talked", 15 + n)]) for n in range(20)]
    picks = rank(people, NOW, limit=5)
    assert len(picks) == 5
    assert picks[0].candidate.name == "P19"  # the most overdue first


def test_people_to_give_space_are_left_off_however_overdue():
    quiet = person(
        1, "Quiet Quinn", "inner", history=[i("messaged", 60), i("messaged", 45), i("messaged", 30)]
    )
    assert rank([quiet], NOW) == []


def test_owing_someone_a_return_ranks_high():
    owed = person(
        1,
        "Owed Omar",
        "wider",
        history=[i("talked", 500), i("received", 420, weight=3), i("talked", 30)],
    )
    overdue = person(2, "Overdue Ona", "inner", history=[i("talked", 60)])
    picks = rank([overdue, owed], NOW)
    assert [(p.candidate.name, p.reason) for p in picks][0] == ("Owed Omar", "owe_return")
    assert picks[0].why.startswith("Owed helped you on 21 Apr 2025 (“x”)")


def test_an_edited_headline_does_not_rank():
    edited = Change("headline", "CTO | builder", "CTO | dad", NOW - timedelta(days=2))
    assert rank([person(1, "Tagline Tim", history=[i("talked", 10)], changes=[edited])], NOW) == []


def test_a_dormant_strong_tie_ranks_above_an_acquaintance_news():
    news = person(
        1,
        "Acquaintance Ann",
        "acquaintance",
        history=[i("talked", 40)],
        changes=[Change("role", "PM", "Head of Product", NOW - timedelta(days=3))],
    )
    dormant = person(
        2,
        "Old Friend Olu",
        "acquaintance",
        history=[i("talked", 700), i("gave", 650), i("talked", 600), i("talked", 400)],
    )
    assert [p.candidate.name for p in rank([news, dormant], NOW)] == [
        "Old Friend Olu",
        "Acquaintance Ann",
    ]


def test_someone_met_in_the_last_weeks_gets_a_follow_up_soon():
    met = Candidate(
        id=1,
        name="Newly Met Nia",
        circle="wider",
        created_at=NOW - timedelta(days=9),
        history=[i("talked", 9)],
    )
    old = person(2, "Long Known Lee", "wider", history=[i("talked", 9)])
    picks = rank([met, old], NOW)
    assert [(p.candidate.name, p.reason) for p in picks] == [("Newly Met Nia", "new_tie")]
    assert picks[0].why.startswith("Met Newly on 6 Jun 2026: follow up")
    followed = Candidate(
        id=3,
        name="Followed Fay",
        circle="wider",
        created_at=NOW - timedelta(days=20),
        history=[i("talked", 20), i("talked", 6)],
    )
    assert rank([followed], NOW) == []
    noted = person(
        4, "Conference Cleo", "wider", how_met="Met at PyCon last week", history=[i("talked", 8)]
    )
    assert [p.reason for p in rank([noted], NOW)] == ["new_tie"]
