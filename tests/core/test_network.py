"""Network health: rarely, only when needed, or always."""

from givefirst.core.network import health, months_back

from tests.conftest import NOW
from tests.core.helpers import i


def test_few_interactions_is_rarely():
    result = health({1: [i("gave", 100), i("talked", 140)]}, {1: "active", 2: "wider"}, NOW)
    assert result["kind"] == "rarely"
    assert result["people"] == 2 and result["relationships"] == 1 and result["connections"] == 1


def test_contacts_that_open_with_an_ask_after_silence_is_only_when_needed():
    histories = {
        pid: [
            i("talked", 700),
            i("asked", 300 - pid * 20),
            i("asked", 100 - pid * 5),
            i("talked", 99 - pid * 5),
        ]
        for pid in range(1, 6)
    }
    histories[9] = [i("talked", d) for d in range(5, 330, 30)]
    result = health(histories, dict.fromkeys(histories, "active"), NOW)
    assert result["kind"] == "only_when_needed", result["why"]
    assert "opened with an ask" in result["why"][0]


def test_steady_gives_and_touches_across_months_is_always():
    histories = {
        1: [i("gave", d) for d in range(3, 360, 25)],
        2: [i("talked", d) for d in range(7, 360, 40)],
    }
    result = health(histories, {1: "close", 2: "active"}, NOW)
    assert result["kind"] == "always", result["why"]
    assert result["totals"]["gave"] == 15
    assert result["give_ask_ratio"] is None


def test_months_cover_the_last_year_and_count_gives_and_asks():
    result = health({1: [i("gave", 1), i("asked", 2), i("asked", 40)]}, {1: "active"}, NOW)
    assert [m["month"] for m in result["months"]] == months_back(NOW)
    assert result["months"][-1] == {
        "month": "2026-06",
        "gave": 1,
        "asked": 1,
        "received": 0,
        "touches": 0,
    }
    assert result["give_ask_ratio"] == 0.5


def test_more_than_five_in_the_inner_circle_is_a_warning():
    circles = {n: "inner" for n in range(7)}
    result = health({}, circles, NOW)
    inner = next(c for c in result["circles"] if c["circle"] == "inner")
    assert inner == {"circle": "inner", "count": 7, "budget": 5, "over": True}
    assert result["warnings"] == ["7 people in inner; about 5 is what anyone can keep up."]


def test_someone_who_only_asks_all_year_networks_only_when_needed():
    histories = {pid: [i("asked", d, "declined") for d in range(5, 360, 30)] for pid in range(4)}
    result = health(histories, dict.fromkeys(histories, "active"), NOW)
    assert result["kind"] == "only_when_needed", result["why"]


def test_contact_that_only_comes_from_others_is_not_steady_networking():
    histories = {1: [i("they_asked", d, "done") for d in range(5, 360, 20)] + [i("gave", 30)]}
    result = health(histories, {1: "close"}, NOW)
    assert result["kind"] == "rarely"
    assert "most contact came from others" in result["why"][0].lower()


def test_a_burst_of_asks_after_a_long_silence_is_only_when_needed():
    histories = {pid: [i("talked", 420 + pid)] for pid in range(1, 11)}  # long ago
    for pid in range(1, 11):  # laid off: ten asks in eight weeks, after ten quiet months
        histories[pid].append(i("asked", 5 + pid * 5, "open"))
    histories[1].append(i("talked", 20))
    result = health(histories, dict.fromkeys(histories, "active"), NOW)
    assert result["kind"] == "only_when_needed", result["why"]
    assert result["why"][0].startswith("10 asks from 21 Apr 2026 within")


def test_a_catch_up_call_before_every_ask_belongs_to_the_ask():
    histories = {
        month: [i("talked", 30 * month + 12), i("asked", 30 * month + 5, "granted")]
        for month in range(12)
    }
    result = health(histories, dict.fromkeys(histories, "active"), NOW)
    assert result["kind"] == "only_when_needed", result["why"]


def test_unanswered_messages_to_many_people_are_not_networking():
    histories = {pid: [i("messaged", d + pid) for d in range(5, 360, 30)] for pid in range(20)}
    result = health(histories, dict.fromkeys(histories, "wider"), NOW)
    assert result["kind"] == "rarely", result["why"]


def test_declining_what_others_ask_is_not_activity():
    histories = {1: [i("they_asked", d, "declined") for d in range(3, 360, 15)]}
    histories[2] = [i("gave", 200), i("talked", 150)]
    result = health(histories, dict.fromkeys(histories, "active"), NOW)
    assert result["kind"] == "rarely", result["why"]


def test_always_needs_at_least_one_give_per_ask():
    histories = {
        1: [i("gave", d) for d in range(10, 360, 30)] + [i("talked", d) for d in range(3, 300, 30)],
        **{pid: [i("talked", 100 + pid), i("asked", 20 * pid, "granted")] for pid in range(2, 16)},
    }
    result = health(histories, dict.fromkeys(histories, "active"), NOW)
    assert result["kind"] == "only_when_needed", result["why"]


def test_always_needs_gives_spread_across_most_months():
    histories = {
        1: [i("gave", d) for d in (10, 12, 15, 40, 45)],
        2: [i("talked", d) for d in range(5, 360, 20)],
    }
    result = health(histories, dict.fromkeys(histories, "close"), NOW)
    assert result["kind"] == "rarely", result["why"]
    assert "gave in only" in result["why"][0]


def test_a_steady_giver_with_a_few_asks_in_a_job_search_is_still_always():
    histories = {
        1: [i("gave", d) for d in range(8, 360, 26)],
        2: [i("talked", d) for d in range(4, 360, 33)],
        3: [i("asked", d, "granted") for d in (3, 9, 16)],
    }
    result = health(histories, dict.fromkeys(histories, "close"), NOW)
    assert result["kind"] == "always", result["why"]


def test_an_empty_or_short_history_is_not_enough_to_say():
    assert health({}, {}, NOW)["kind"] == "not_enough_history"
    short = {1: [i("gave", 20), i("talked", 12)], 2: [i("talked", 3)]}
    result = health(short, dict.fromkeys(short, "close"), NOW)
    assert result["kind"] == "not_enough_history", result["why"]
    assert result["why"][0].startswith("3 interactions logged, the first on 26 May 2026:")


def test_a_give_in_most_months_is_always_even_with_few_interactions():
    histories = {pid: [i("gave", 20 + 45 * pid), i("talked", 25 + 45 * pid)] for pid in range(7)}
    result = health(histories, dict.fromkeys(histories, "close"), NOW)
    assert result["kind"] == "always", result["why"]
