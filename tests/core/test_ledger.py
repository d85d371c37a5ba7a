"""The balance: weights, a 365-day half-life, and what counts as give and take."""

import pytest
from givefirst.core.ledger import balance, decay, ledger, unanswered_streak

from tests.conftest import NOW
from tests.core.helpers import i


@pytest.mark.parametrize(("days", "factor"), [(0, 1.0), (365, 0.5), (730, 0.25), (-30, 1.0)])
def test_decay_halves_every_365_days_and_never_grows(days, factor):
    assert decay(i("gave", days).occurred_at, NOW) == pytest.approx(factor)


def test_balance_weighs_and_decays_gives_against_asks_and_help_received():
    history = [i("gave", 0, weight=3), i("gave", 365, weight=2), i("asked", 0), i("received", 730)]
    assert balance(history, NOW) == pytest.approx(3 + 1 - 1 - 0.25)


def test_granted_asks_still_count_as_taken_and_their_asks_do_not_count():
    history = [i("gave", 0), i("asked", 0, "granted"), i("they_asked", 0, "open")]
    assert balance(history, NOW) == pytest.approx(0)


def test_ledger_counts_kinds_and_lists_open_asks_newest_first():
    history = [
        i("gave", 40),
        i("asked", 30, "open", summary="older"),
        i("asked", 20, "granted"),
        i("asked", 10, "open", summary="newer"),
        i("they_asked", 5, "open"),
        i("talked", 1),
    ]
    result = ledger(history, NOW)
    assert (result["gave"], result["asked"], result["received"], result["they_asked"]) == (
        1,
        3,
        0,
        1,
    )
    assert [a["summary"] for a in result["open_asks"]] == ["newer", "older"]
    assert len(result["their_open_asks"]) == 1
    assert result["last_contact"] == history[-1].occurred_at.isoformat()


def test_an_empty_ledger_has_no_last_contact():
    assert ledger([], NOW) == {
        "gave": 0,
        "asked": 0,
        "received": 0,
        "they_asked": 0,
        "balance": 0,
        "last_contact": None,
        "open_asks": [],
        "their_open_asks": [],
    }


def test_unanswered_streak_is_newest_first_and_stops_at_a_reply():
    history = [i("messaged", 50), i("talked", 40), i("messaged", 20), i("asked", 10, "open")]
    assert [x.kind for x in unanswered_streak(history)] == ["asked", "messaged"]
