"""Ways to give, best first, and what to remember."""

from datetime import date, timedelta

from givefirst.core.dates import short_day
from givefirst.core.nudge import Introduction, Subject, build_nudge
from givefirst.core.suggestions import next_occurrence, upcoming_dates
from givefirst.core.vocabulary import Change, Fact

from tests.conftest import NOW
from tests.core.helpers import i


def kinds(nudge):
    return [s["kind"] for s in nudge["suggestions"]]


def test_their_open_ask_comes_first_and_quotes_it():
    subject = Subject(
        name="Jane Doe", known=True, history=[i("they_asked", 3, "open", summary="review my talk")]
    )
    nudge = build_nudge(subject, NOW)
    assert nudge["suggestions"][0] == {
        "kind": "help_their_ask",
        "text": "Help with what Jane asked on 12 Jun 2026: “review my talk”.",
    }


def test_a_new_role_becomes_a_congratulation():
    change = Change("role", "Engineer", "VP Engineering", NOW - timedelta(days=2))
    nudge = build_nudge(
        Subject(name="Priya", known=True, history=[i("gave", 5)], changes=[change]), NOW
    )
    assert nudge["suggestions"][0]["kind"] == "congratulate"
    assert "VP Engineering" in nudge["suggestions"][0]["text"]


def test_a_fact_date_within_14_days_is_suggested_and_a_later_one_is_not():
    soon = Fact("f1", "birthday", "send a card", (NOW + timedelta(days=3)).strftime("--%m-%d"))
    later = Fact("f2", "anniversary", "10 years", (NOW + timedelta(days=20)).strftime("--%m-%d"))
    nudge = build_nudge(
        Subject(name="Sam", known=True, history=[i("gave", 5)], facts=[soon, later]), NOW
    )
    dated = [s["text"] for s in nudge["suggestions"] if s["kind"] == "date"]
    assert dated == ["Birthday on 18 Jun 2026 (in 3 days): send Sam a personal note."]


def test_birthdays_with_a_year_recur_and_one_off_dates_do_not():
    today = NOW.date()
    assert next_occurrence(Fact("a", "birthday", "x", "1990-06-20"), today) == date(2026, 6, 20)
    assert next_occurrence(Fact("b", "starts new job", "x", "2026-06-20"), today) == date(
        2026, 6, 20
    )
    assert next_occurrence(Fact("c", "moved to Oslo", "x", "2020-06-20"), today) is None
    assert next_occurrence(Fact("d", "birthday", "x", "--02-29"), date(2027, 2, 1)) == date(
        2027, 2, 28
    )
    assert next_occurrence(Fact("e", "note", "x", None), today) is None


def test_upcoming_dates_are_soonest_first():
    facts = [Fact("a", "x", "v", "2026-06-25"), Fact("b", "y", "v", "2026-06-16")]
    assert [f.id for f, _ in upcoming_dates(facts, NOW)] == ["b", "a"]


def test_introductions_through_shared_tags_and_companies_are_offered():
    intros = [
        Introduction(7, "Grace Hopper", "tag", "climate"),
        Introduction(8, "Alan", "company", "Acme"),
    ]
    nudge = build_nudge(
        Subject(name="Ada", known=True, history=[i("gave", 5)], introductions=intros), NOW
    )
    texts = [s for s in nudge["suggestions"] if s["kind"] == "introduce"]
    assert texts[0]["person_id"] == 7 and "both tagged “climate”" in texts[0]["text"]
    assert "both at Acme" in texts[1]["text"]


def test_a_recent_post_becomes_a_dated_reply_suggestion():
    posted = (NOW - timedelta(days=6)).date().isoformat()
    subject = Subject(
        name="Ada",
        known=True,
        history=[i("gave", 5)],
        activity=[{"title": "Why we open-sourced our grid model", "date": posted}],
    )
    top = build_nudge(subject, NOW)["suggestions"][0]
    assert top["kind"] == "react"
    assert (
        "Why we open-sourced our grid model" in top["text"]
        and short_day(date.fromisoformat(posted)) in top["text"]
    )
    assert "Why we open-sourced our grid model" in top["draft"]


def test_a_generic_favour_only_when_nothing_specific_and_then_only_one():
    nudge = build_nudge(Subject(name="Ada", known=True, history=[i("gave", 5)]), NOW)
    assert kinds(nudge) == ["share"]
    specific = Subject(
        name="Ada",
        known=True,
        history=[i("gave", 5), i("they_asked", 3, "open", summary="a review")],
    )
    assert kinds(build_nudge(specific, NOW)) == ["help_their_ask"]


def test_a_stranger_is_told_to_introduce_themselves_and_give_space_to_wait():
    assert kinds(build_nudge(Subject(name=None, known=False), NOW))[0] == "introduce_yourself"
    history = [i("messaged", 30), i("messaged", 20), i("messaged", 10)]
    assert kinds(build_nudge(Subject(name="A", known=True, history=history), NOW))[0] == "wait"


def test_remember_lists_facts_with_dates_and_how_you_met():
    facts = [Fact("a", "son", "Sam — not a daughter"), Fact("b", "birthday", "cake", "--04-15")]
    subject = Subject(name="Ada", known=True, facts=facts, how_met="PyCon 2019")
    assert build_nudge(subject, NOW)["remember"] == [
        "son: Sam — not a daughter",
        "birthday: cake (every 15 April)",
        "How you met: PyCon 2019",
    ]


def test_role_and_company_changes_seen_together_are_one_congratulation():
    seen = NOW - timedelta(days=2)
    changes = [
        Change("role", "Engineer", "CTO", seen),
        Change("company", "Acme", "Stripe", seen),
        Change("headline", "Engineer at Acme", "CTO at Stripe", seen),
    ]
    nudge = build_nudge(
        Subject(name="Priya Raman", known=True, history=[i("gave", 5)], changes=changes), NOW
    )
    congratulations = [s["text"] for s in nudge["suggestions"] if s["kind"] == "congratulate"]
    assert congratulations == [
        "Congratulate Priya on the new role: CTO at Stripe (was Engineer at Acme)."
    ]


def test_a_move_is_news_to_ask_about_and_a_change_already_given_for_is_not_repeated():
    moved = Change("location", "London", "Berlin", NOW - timedelta(days=10))
    promoted = Change("role", "Engineer", "CTO", NOW - timedelta(days=10))
    nudge = build_nudge(
        Subject(name="Sam", known=True, history=[i("gave", 20)], changes=[moved]), NOW
    )
    assert {"kind": "news", "text": "Ask Sam how the move to Berlin is going (was London)."} in (
        nudge["suggestions"]
    )
    given = build_nudge(
        Subject(name="Sam", known=True, history=[i("gave", 1)], changes=[promoted]), NOW
    )
    assert not [s for s in given["suggestions"] if s["kind"] == "congratulate"]
