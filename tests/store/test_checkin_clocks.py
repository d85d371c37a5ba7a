"""Each person's stored check-in clock equals what their cadence, circle and last two-way contact
say, whichever way those are written: the API, updates, deletes, moves, merging and deleting
people, circles and cadences changed, imports, merges and restores. And Today's check-ins read
through the clocks are those that working out everyone's clock finds."""

import random
from datetime import date, timedelta

import pytest
from givefirst.core.vocabulary import CIRCLES
from givefirst.store import people, reminders

from tests.conftest import NOW
from tests.store.doctoring import doctor_finds_and_mends
from tests.store.test_summaries import random_writes, through_copies


def random_clock_changes(db, rng: random.Random, rounds: int) -> None:
    """Circles and chosen cadences changed at random, and someone added with no history."""
    for _ in range(rounds):
        ids = [row[0] for row in db.execute("SELECT id FROM people")]
        chosen = rng.choice(ids)
        if rng.random() < 0.5:
            people.update(db, chosen, {"circle": rng.choice(CIRCLES)}, NOW)
        else:
            cadence = rng.choice((None, 3, 45, "circle"))
            people.update(db, chosen, {"cadence_days": cadence}, NOW)
    people.create(db, {"name": "New", "circle": "inner"}, NOW - timedelta(days=20))


def everyone_due(db, until: date) -> list[dict]:
    """Check-ins due as working out every person's clock says (store/reminders.py's
    keep_in_touch, what the person page shows), by due date then name."""
    ids = [row[0] for row in db.execute("SELECT id FROM people")]
    names = {row[0]: row[1] for row in db.execute("SELECT id, name FROM people")}
    due = [
        {
            "person_id": pid,
            "name": names[pid],
            "cadence_days": clock["cadence_days"],
            "cadence_from_circle": clock["cadence_from_circle"],
            "next_due": clock["next_due"],
        }
        for pid, clock in reminders.keep_in_touch(db, ids).items()
        if clock["next_due"] and clock["next_due"] <= until.isoformat()
    ]
    return sorted(due, key=lambda item: (item["next_due"], item["name"].lower()))


@pytest.mark.parametrize("seed", range(4))
def test_random_writes_keep_every_clock_true(db, client, seed):
    rng = random.Random(seed)
    random_writes(db, client, rng, rounds=40)
    random_clock_changes(db, rng, rounds=8)
    random_writes(db, client, rng, rounds=20)  # after a chosen cadence, too
    assert db.execute("SELECT count(*) FROM checkin_clocks").fetchone()[0] > 0
    assert reminders.clock_differences(db) == []
    until = NOW.date() + timedelta(days=400)
    assert reminders.checkins_until(db, until) == everyone_due(db, until)


def test_imports_merges_and_restores_keep_them_true(db, client, tmp_path):
    through_copies(db, client, tmp_path, "checkin_clocks", reminders.clock_differences)


def test_the_first_check_ins_leave_out_the_hidden_and_order_a_day_by_name(db, client):
    random_writes(db, client, random.Random(5), rounds=30)
    for n, name in enumerate(("zoë", "Émile", "adam", "Bea")):  # all due on one day
        people.create(db, {"name": name, "circle": "inner"}, NOW - timedelta(days=30, hours=n))
    until = NOW.date() + timedelta(days=400)
    every = everyone_due(db, until)
    hidden = {f"checkin:{item['person_id']}:{item['next_due']}" for item in every[1:4:2]}
    hidden.add("checkin:999:2026-01-01")  # a key of nobody due
    shown = [
        item for item in every if f"checkin:{item['person_id']}:{item['next_due']}" not in hidden
    ]
    for limit in range(len(every) + 1):
        first, total = reminders.first_checkins_until(db, until, limit, hidden)
        assert (first, total) == (shown[:limit], len(shown))


def test_the_check_finds_a_clock_that_drifted_and_rebuild_mends_it(db, client, runner):
    random_writes(db, client, random.Random(3), rounds=30)
    db.execute(
        "UPDATE checkin_clocks SET next_due = '2001-01-01' "
        "WHERE person_id = (SELECT min(person_id) FROM checkin_clocks)"
    )
    assert len(reminders.clock_differences(db)) == 1
    doctor_finds_and_mends(
        runner,
        lambda: reminders.clock_differences(db),
        "check-in clocks differ",
        "check-in clocks: they match",
    )
