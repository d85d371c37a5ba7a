"""Today's reads go through indexes in the order they show, and read only what is shown: none
reads a table whose size grows with the network."""

from datetime import date, timedelta

import pytest
from givefirst.store import interactions, reminders

from tests.store.plans import plan, scans, through_index

READS = {  # query, its parameters, the index that gives its order
    "the oldest open asks": (
        interactions.OPEN_ASKS_FIRST,
        ["they_asked", '["a-hidden-ask"]', 20],
        "interactions_open (kind=?)",
    ),
    "how many open asks": (
        interactions.OPEN_ASKS_COUNT,
        ["asked", "[]"],
        "interactions_open (kind=?)",
    ),
}


@pytest.mark.parametrize("name", READS)
def test_each_read_goes_through_an_index(db, name):
    steps = through_index(db, name, READS[name])
    assert not any("TEMP B-TREE" in step for step in steps), f"{name} sorts: {steps}"


def test_the_most_overdue_check_ins_are_read_through_the_index_of_due_dates(db):
    steps = plan(db, reminders.DUE_FIRST, {"until": "2026-06-15", "limit": 10})
    assert any("checkin_clocks_due (next_due<?)" in step for step in steps), steps
    assert scans(steps) == [], steps  # the name of each one read by their key
    assert not any("TEMP B-TREE" in step for step in steps), steps


def test_how_many_check_ins_are_due_is_counted_in_the_index_of_due_dates(db):
    steps = plan(db, reminders.DUE_COUNT, {"until": "2026-06-15"})
    assert steps == ["SEARCH checkin_clocks USING COVERING INDEX checkin_clocks_due (next_due<?)"]
    one = {"until": "2026-06-15", "person_id": 3, "next_due": "2026-06-01"}
    assert scans(plan(db, reminders.DUE_ONE, one)) == []


def test_the_oldest_open_asks_are_those_open_asks_lists_first(db, person, log):
    someone = person()
    for month in (3, 1, 2, 5, 4):
        log(someone["id"], "they_asked", f"ask {month}", occurred_at=f"2026-0{month}-01T09:00:00Z")
    every = interactions.open_asks(db, "they_asked")
    hidden = [every[1]["id"]]
    first, total = interactions.first_open_asks(db, "they_asked", 2, hidden)
    assert [row["summary"] for row in first] == ["ask 1", "ask 3"]
    assert first == [row for row in every if row["id"] not in hidden][:2]
    assert total == 4


def test_check_ins_are_due_on_the_day_next_due_says_and_the_first_leave_out_the_hidden(
    db, person, log, client
):
    inner = person("Ines", (), circle="inner")
    close = person("Cy", (), circle="close")
    chosen = person("Bo", (), circle="acquaintance")
    client.patch(f"/api/v1/people/{chosen['id']}", json={"cadence_days": 3})
    log(close["id"], "talked", occurred_at="2026-06-10T23:30:00Z")
    clocks = reminders.keep_in_touch(db, [inner["id"], close["id"], chosen["id"]])
    for pid, clock in clocks.items():
        due = date.fromisoformat(clock["next_due"])
        assert pid not in [item["person_id"] for item in due_by(db, due - timedelta(days=1))]
        assert pid in [item["person_id"] for item in due_by(db, due)]
    every = reminders.checkins_until(db, date(2026, 12, 31))
    assert [item["name"] for item in every] == ["Bo", "Ines", "Cy"]
    hidden = {f"checkin:{every[1]['person_id']}:{every[1]['next_due']}", "checkin:1:2001-01-01"}
    first, total = reminders.first_checkins_until(db, date(2026, 12, 31), 1, hidden)
    assert first == [every[0]] and total == 2


def due_by(db, day):
    return reminders.checkins_until(db, day)
