"""The advice a thoughtful networker would give: specific, true, best first, with a draft."""

from datetime import timedelta

from givefirst.core.dates import short_day
from givefirst.core.news import company_key, is_news, same
from givefirst.core.nudge import Introduction, Subject, build_nudge
from givefirst.core.vocabulary import Change, Fact

from tests.conftest import NOW
from tests.core.helpers import i


def suggestions(subject):
    return build_nudge(subject, NOW)["suggestions"]


def kinds(subject):
    return [s["kind"] for s in suggestions(subject)]


def ago(days):
    return (NOW - timedelta(days=days)).date().isoformat()


def said(days):
    """The day `days` ago, as the advice writes it: '11 May 2025'."""
    return short_day((NOW - timedelta(days=days)).date())


def test_a_favour_never_returned_is_the_first_thing_to_mend():
    history = [
        i("gave", 700),
        i("talked", 420),
        i("received", 400, weight=3, summary="introduced me to my first client"),
        i("talked", 60),
    ]
    found = suggestions(Subject(name="Tomas Reyes", known=True, history=history))
    top = found[0]
    assert top["kind"] == "return_favour"
    assert "introduced me to my first client" in top["text"] and said(400) in top["text"]
    assert "how it turned out" in top["text"]
    assert "introduced me to my first client" in top["draft"]
    assert not [s for s in found if s["kind"] in ("share", "endorse", "appreciate")]


def test_a_give_or_their_ask_done_after_the_favour_returns_it():
    for back in (i("gave", 100), i("they_asked", 100, "done")):
        history = [i("received", 400), back, i("talked", 60)]
        assert "return_favour" not in kinds(Subject(name="T", known=True, history=history))


def test_a_quiet_strong_tie_gets_a_personal_reconnect_from_the_facts():
    history = [i("talked", 800), i("gave", 700), i("talked", 600), i("talked", 500)]
    facts = [
        Fact("f1", "daughter", "Lena, started school last autumn"),
        Fact("f2", "hobby", "restores old bicycles"),
    ]
    subject = Subject(name="Noor Haddad", known=True, history=history, facts=facts)
    nudge = build_nudge(subject, NOW)
    assert nudge["verdict"] == "reconnect_first"
    top = nudge["suggestions"][0]
    assert top["kind"] == "reconnect"
    assert "Lena, started school last autumn" in top["text"] and said(500) in top["text"]
    assert "restores old bicycles" in top["draft"] and "No agenda" in top["draft"]
    assert len(nudge["suggestions"]) == 1  # specific advice: no generic favours tacked on


def test_a_reconnect_without_facts_falls_back_on_how_you_met():
    subject = Subject(name="Ivo", known=True, history=[i("talked", 400)], how_met="Rust Berlin")
    top = suggestions(subject)[0]
    assert top["kind"] == "reconnect" and "Rust Berlin" in top["text"]


def test_posts_are_suggested_with_their_dates_only_while_recent():
    activity = [
        {"title": "Notes from a year of on-call", "date": ago(40)},
        {"title": "Undated musings", "date": None},
        {"title": "What I learned shipping our map tiles", "date": ago(3) + "T09:30:00Z"},
        {"title": "From the future", "date": ago(-5)},
    ]
    subject = Subject(
        name="Ada", known=True, history=[i("gave", 5), i("talked", 4)], activity=activity
    )
    reacts = [s for s in suggestions(subject) if s["kind"] == "react"]
    assert len(reacts) == 1
    assert "What I learned shipping our map tiles" in reacts[0]["text"]
    assert said(3) in reacts[0]["text"]


def test_a_stranger_gets_advice_from_the_posts_on_their_page():
    activity = [
        {"title": "We're hiring two platform engineers in Lisbon", "date": ago(2)},
        {"title": "Slides from my PyCon talk on data contracts", "date": ago(9)},
    ]
    found = suggestions(Subject(name="Rui Costa", known=False, activity=activity))
    assert [s["kind"] for s in found] == ["hiring", "react", "introduce_yourself"]
    assert "We're hiring two platform engineers" in found[0]["text"]
    assert "introduction" in found[0]["draft"] and "draft" not in found[1]
    assert "PyCon talk" in found[1]["text"] and said(9) in found[1]["text"]


def test_a_stranger_with_old_posts_gets_only_the_introduction():
    activity = [{"title": "We're hiring", "date": ago(120)}]
    assert kinds(Subject(name="Rui", known=False, activity=activity)) == ["introduce_yourself"]


def test_introductions_across_companies_come_before_colleagues():
    intros = [
        Introduction(3, "Colleague Carl", "company", "Acme", same_company=True),
        Introduction(4, "Tagged Tess", "tag", "climate", same_company=True),
        Introduction(5, "Other Olu", "tag", "climate", same_company=False),
    ]
    subject = Subject(
        name="Ada Ng", known=True, history=[i("gave", 5), i("talked", 3)], introductions=intros
    )
    found = [s for s in suggestions(subject) if s["kind"] == "introduce"]
    assert [s["person_id"] for s in found] == [5, 4]
    assert suggestions(subject)[0]["person_id"] == 5
    draft = suggestions(subject)[0]["draft"]
    assert "Hi Ada and Other" in draft and "Ada Ng ↔ Other Olu" in draft and "climate" in draft


def test_under_give_space_the_advice_is_to_wait_or_give_without_a_reply():
    history = [i("talked", 100), i("messaged", 30), i("messaged", 20), i("messaged", 10)]
    soon = Fact("f", "birthday", "x", (NOW + timedelta(days=2)).strftime("--%m-%d"))
    news = Change("role", "Engineer", "CTO", NOW - timedelta(days=1))
    subject = Subject(
        name="Alan",
        known=True,
        history=history,
        facts=[soon],
        changes=[news],
        introductions=[Introduction(2, "B", "tag", "go")],
        activity=[{"title": "A post", "date": ago(1)}],
    )
    found = suggestions(subject)
    assert [s["kind"] for s in found] == ["wait", "give_without_reply"]
    assert all("draft" not in s for s in found)
    assert "send no message" in found[1]["text"]


def test_one_congratulation_per_change_the_newest():
    changes = [
        Change("role", "Engineer", "Senior Engineer", NOW - timedelta(days=100)),
        Change("role", "Senior Engineer", "Head of Data", NOW - timedelta(days=4)),
    ]
    subject = Subject(
        name="Mia", known=True, history=[i("gave", 200), i("talked", 150)], changes=changes
    )
    found = [s for s in suggestions(subject) if s["kind"] == "congratulate"]
    assert len(found) == 1 and "Head of Data" in found[0]["text"]
    assert "your new role as Head of Data" in found[0]["draft"]


def test_an_edited_headline_is_not_news():
    edited = Change("headline", "Engineer at Acme | coffee", "Engineer at Acme | tea", NOW)
    subject = Subject(
        name="Mia", known=True, history=[i("gave", 9), i("talked", 5)], changes=[edited]
    )
    assert "congratulate" not in kinds(subject)
    assert not is_news("headline") and is_news("role") and is_news("company")


def test_company_names_compare_without_legal_forms_case_or_punctuation():
    assert same("company", "Zalando SE", "Zalando")
    assert same("company", "ACME, Inc.", "Acme")
    assert same("company", "Kite Labs GmbH", "kite labs")
    assert not same("company", "Zalando SE", "Delivery Hero SE")
    assert company_key("The Climate Group Ltd") == "climate"


def test_a_reformatted_location_is_the_same_place_and_a_move_is_not():
    assert same("location", "Berlin, Berlin, Germany", "Greater Berlin Area")
    assert same("location", "Berlin Metropolitan Area", "Berlin")
    assert not same("location", "Berlin, Germany", "Lisbon, Portugal")


def test_a_birthday_soon_comes_with_a_note_to_send():
    soon = Fact("f", "birthday", "", (NOW + timedelta(days=6)).strftime("--%m-%d"))
    subject = Subject(
        name="Sam Ode", known=True, history=[i("gave", 9), i("talked", 5)], facts=[soon]
    )
    top = suggestions(subject)[0]
    assert top["kind"] == "date" and "in 6 days" in top["text"]
    assert top["draft"].startswith("Happy birthday, Sam!")


def test_their_open_ask_still_comes_before_everything_else():
    history = [i("received", 300), i("they_asked", 3, "open", summary="review my CV")]
    found = suggestions(Subject(name="Kim", known=True, history=history))
    assert [s["kind"] for s in found][:2] == ["help_their_ask", "return_favour"]
    assert "draft" not in found[1]


def test_someone_just_met_gets_a_follow_up_first():
    subject = Subject(
        name="Wen Zhao",
        known=True,
        how_met="Climate-tech meetup",
        history=[i("talked", 6, summary="grid batteries")],
    )
    top = suggestions(subject)[0]
    assert (
        top["kind"] == "follow_up"
        and "Climate-tech meetup" in top["text"]
        and said(6) in top["text"]
    )
    assert "grid batteries" in top["draft"]
    later = Subject(
        name="Wen", known=True, how_met="Meetup", history=[i("talked", 40), i("talked", 6)]
    )
    assert "follow_up" not in kinds(later)


def test_a_talk_post_asks_what_you_took_from_it():
    subject = Subject(
        name="Rui", known=False, activity=[{"title": "Slides from my PyCon talk", "date": ago(3)}]
    )
    assert "one thing you took from it" in suggestions(subject)[0]["text"]
