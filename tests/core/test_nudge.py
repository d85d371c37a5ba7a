"""The verdict table of docs/product.md, one row per rule and per boundary."""

import pytest
from givefirst.core.nudge import TITLES, VERDICTS, Subject, build_nudge, decide

from tests.conftest import NOW
from tests.core.helpers import i

CASES = [
    # (case, known, history, expected verdict)
    ("an unknown profile is a stranger", False, [], "stranger"),
    ("a known person with no interactions is a connection", True, [], "connection_only"),
    (
        "three unanswered messages in a row: give space",
        True,
        [i("talked", 100), i("messaged", 30), i("messaged", 20), i("messaged", 10)],
        "give_space",
    ),
    (
        "an open ask counts as an unanswered outreach",
        True,
        [i("messaged", 30), i("messaged", 20), i("asked", 10, "open")],
        "give_space",
    ),
    (
        "a withdrawn ask counts as unanswered too",
        True,
        [i("asked", 40, "withdrawn"), i("messaged", 20), i("messaged", 10)],
        "give_space",
    ),
    (
        "my gives neither count nor break the streak",
        True,
        [i("messaged", 40), i("gave", 30), i("messaged", 20), i("messaged", 10)],
        "give_space",
    ),
    (
        "a reply breaks the streak",
        True,
        [i("gave", 50), i("messaged", 40), i("talked", 30), i("messaged", 20), i("messaged", 10)],
        "ready",
    ),
    (
        "a declined ask is a reply",
        True,
        [i("gave", 50, weight=2), i("messaged", 30), i("messaged", 20), i("asked", 10, "declined")],
        "ready",
    ),
    (
        "two unanswered outreaches are not yet too many",
        True,
        [i("gave", 50), i("talked", 40), i("messaged", 20), i("messaged", 10)],
        "ready",
    ),
    (
        "they asked and are still waiting",
        True,
        [i("gave", 50), i("they_asked", 10, "open")],
        "they_are_waiting",
    ),
    (
        "their ask is done: nobody waits",
        True,
        [i("gave", 50), i("they_asked", 10, "done")],
        "ready",
    ),
    (
        "waiting on you comes before your own open ask",
        True,
        [i("they_asked", 12, "open"), i("asked", 10, "open")],
        "they_are_waiting",
    ),
    (
        "my open ask is pending",
        True,
        [i("gave", 50), i("talked", 20), i("asked", 10, "open")],
        "ask_pending",
    ),
    (
        "an open ask wins over dormancy",
        True,
        [i("gave", 400), i("asked", 300, "open")],
        "ask_pending",
    ),
    (
        "181 days since the last two-way contact: reconnect",
        True,
        [i("gave", 300), i("talked", 181)],
        "reconnect_first",
    ),
    ("exactly 180 days is not yet dormant", True, [i("gave", 300), i("talked", 180)], "ready"),
    ("179 days is not dormant", True, [i("gave", 300), i("talked", 179)], "ready"),
    (
        "recent one-way contact does not revive a dormant tie",
        True,
        [i("talked", 400), i("gave", 10)],
        "reconnect_first",
    ),
    (
        "with no two-way contact ever, the latest contact counts",
        True,
        [i("gave", 200)],
        "reconnect_first",
    ),
    ("a give nobody answered is not yet a relationship", True, [i("gave", 10)], "give_first"),
    (
        "gives and unanswered messages are still one-way",
        True,
        [i("gave", 40, weight=3), i("messaged", 30), i("gave", 10, weight=3)],
        "give_first",
    ),
    ("a give they answered is an investment", True, [i("gave", 10), i("talked", 8)], "ready"),
    (
        "nothing ever given: give first",
        True,
        [i("talked", 20), i("asked", 10, "granted")],
        "give_first",
    ),
    (
        "help received counts as taken",
        True,
        [i("gave", 20), i("received", 15), i("received", 10)],
        "give_first",
    ),
    (
        "an old give decays below recent asks",
        True,
        [i("gave", 730, weight=1), i("talked", 30), i("asked", 20), i("asked", 10)],
        "give_first",
    ),
    (
        "weights count: a big give outweighs a small ask",
        True,
        [i("gave", 20, weight=3), i("asked", 10, weight=2)],
        "ready",
    ),
    ("balance exactly zero with a give is ready", True, [i("gave", 10), i("asked", 10)], "ready"),
]


@pytest.mark.parametrize(("case", "known", "history", "verdict"), CASES, ids=[c[0] for c in CASES])
def test_verdict_table(case, known, history, verdict):
    subject = Subject(name="Jane Doe", known=known, history=history)
    assert decide(subject, NOW).verdict == verdict


def test_every_verdict_has_a_case_and_a_title():
    assert {case[3] for case in CASES} == set(VERDICTS) == set(TITLES)


def test_dormancy_threshold_is_a_setting():
    subject = Subject(name="Jane", known=True, history=[i("gave", 100), i("talked", 100)])
    assert decide(subject, NOW, dormancy_days=90).verdict == "reconnect_first"
    assert decide(subject, NOW, dormancy_days=180).verdict == "ready"


def test_give_first_reasons_carry_the_real_counts_and_balance():
    history = [i("talked", 20), i("asked", 15), i("asked", 10)]
    decision = decide(Subject(name="Jane Doe", known=True, history=history), NOW)
    assert decision.reasons[:2] == ["No give logged yet.", "Your last ask was on 5 Jun 2026."]
    assert decision.reasons[2].startswith("You have asked more than you have given (balance -2.0")
    assert "You've asked 2 times and given 0 times. Give before asking again." in decision.message


def test_ask_pending_names_the_date_of_the_ask():
    history = [i("gave", 50), i("asked", 10, "open", summary="intro to the CTO")]
    decision = decide(Subject(name="Jane", known=True, history=history), NOW)
    assert "You already asked on 5 Jun 2026" in decision.message
    assert decision.reasons == ["You asked on 5 Jun 2026: “intro to the CTO” — still open."]


def test_give_space_reason_gives_the_span_of_the_streak():
    history = [i("messaged", 30), i("messaged", 20), i("messaged", 10)]
    decision = decide(Subject(name="Jane", known=True, history=history), NOW)
    assert decision.reasons == [
        "3 outreaches in a row without a reply, from 16 May 2026 to 5 Jun 2026."
    ]


def test_reconnect_reason_says_when_and_how_long_ago():
    decision = decide(
        Subject(name="Jane", known=True, history=[i("gave", 300), i("talked", 200)]), NOW
    )
    assert decision.reasons == ["Your last two-way contact was on 27 Nov 2025, 6 months ago."]


def test_the_nudge_has_every_contract_field():
    history = [i("gave", 5), i("talked", 3)]
    nudge = build_nudge(Subject(name="Jane", known=True, history=history), NOW)
    assert set(nudge) == {"verdict", "title", "message", "reasons", "suggestions", "remember"}
    assert nudge["title"] == TITLES["ready"]
    assert all(set(s) >= {"kind", "text"} for s in nudge["suggestions"])


def test_give_first_without_two_way_contact_says_so():
    decision = decide(Subject(name="Jane", known=True, history=[i("gave", 10, weight=3)]), NOW)
    assert decision.verdict == "give_first"
    assert "No two-way contact yet" in decision.reasons[-1]
