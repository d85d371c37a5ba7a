"""The nurture list reads each reason's people through an index of its own, best first, and
reads the overdue and dormant ties of everyone only when the other reasons leave room."""

from datetime import timedelta

import pytest
from givefirst import insights
from givefirst.core.suggestions import soon_day_keys
from givefirst.store import nurture_bounds

from tests.conftest import NOW
from tests.store.plans import plan, through_index

PAGED = {"now": "2026-06-15", "after": "", "after_id": -1, "page": 50}
READS = {  # query, its parameters, the index it goes through
    "who waits on you the longest": (nurture_bounds.WAITING, PAGED, "person_summaries_waiting"),
    "favours never returned": (nurture_bounds.OWED, PAGED, "person_summaries_owed"),
    "news": (nurture_bounds.NEWS, {"news_since": "2026-05-15"}, "profile_snapshots_seen"),
    "new ties": (
        nurture_bounds.NEW_TIES,
        {"new_since": "2026-05-15", "now": "2026-06-15"},
        "person_summaries_first_two_way",
    ),
    "dates soon": (
        nurture_bounds.DATED.format("?, ?"),
        ["06-15", "06-16"],
        "facts_day",
    ),
}


@pytest.mark.parametrize("name", READS)
def test_each_reason_is_read_through_its_index(db, name):
    through_index(db, name, READS[name])


@pytest.mark.parametrize("name", ["who waits on you the longest", "favours never returned"])
def test_the_reasons_read_page_by_page_come_in_their_index_order(db, name):
    sql, params, _ = READS[name]
    steps = plan(db, sql, params)
    assert not any("TEMP B-TREE" in step for step in steps), f"{name} sorts: {steps}"


def test_quiet_ties_are_not_read_while_people_waiting_on_you_fill_the_list(db, person, log):
    for n in range(12):
        someone = person(f"Waiting {n}", ())
        at = (NOW - timedelta(days=10 + n)).isoformat()
        log(someone["id"], "they_asked", "a hand with a move", occurred_at=at)
    quiet = person("Quiet", (), circle="inner")
    log(quiet["id"], "talked", "coffee", occurred_at=(NOW - timedelta(days=100)).isoformat())
    statements = []
    db.conn.set_trace_callback(statements.append)
    picks = insights.ranked_picks(db, NOW, 10, 180)
    db.conn.set_trace_callback(None)
    assert [p.reason for p in picks] == ["waiting_on_you"] * 10
    assert not any("NOT INDEXED" in sql for sql in statements), "everyone was read"
    # and with room left on the list, the quiet ties are read too
    assert "overdue" in {p.reason for p in insights.ranked_picks(db, NOW, 20, 180)}


def test_the_people_come_best_bound_first_each_once(db, person, log):
    waiting = person("Wendy", ())
    log(waiting["id"], "they_asked", "advice", occurred_at=(NOW - timedelta(days=3)).isoformat())
    log(waiting["id"], "received", "an intro", occurred_at=(NOW - timedelta(days=90)).isoformat())
    owed = person("Omar", ())
    log(owed["id"], "received", "an intro", occurred_at=(NOW - timedelta(days=90)).isoformat())
    person("Ida", (), circle="inner")
    found = list(nurture_bounds.best_first(db, NOW, soon_day_keys(NOW)))
    assert [pid for pid, _ in found][:2] == [waiting["id"], owed["id"]]
    assert len({pid for pid, _ in found}) == len(found)
    bounds = [bound for _, bound in found]
    assert bounds == sorted(bounds, reverse=True)
