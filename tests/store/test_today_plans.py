"""Today's reads go through indexes in the order they show, and read only what is shown: none
reads a table whose size grows with the network."""

import pytest
from givefirst.store import interactions

from tests.store.plans import plan, scans

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
    sql, params, index = READS[name]
    steps = plan(db, sql, params)
    assert any(index in step for step in steps), steps
    assert scans(steps) == [], f"{name} scans a table: {steps}"
    assert not any("TEMP B-TREE" in step for step in steps), f"{name} sorts: {steps}"


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
