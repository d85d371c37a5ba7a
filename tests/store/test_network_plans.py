"""Network health's queries and the triggers that keep what they read go through indexes: none
reads a table whose size grows with the network."""

import pytest
from givefirst.store import network
from givefirst.store.network_marks import marks_again

from tests.conftest import NOW
from tests.store.plans import plan, scans, through_index

BOUNDS = network.year_bounds(NOW)
READS = {  # query, its parameters, an index it must use
    "the year's counts": (network.YEAR_COUNTS, BOUNDS, "network_marks_time"),
    "asks per day": (network.ASKS_BY_DAY, BOUNDS, "network_days_kind (kind=? AND day>? AND day<?)"),
    "the year's asks": (network.ASK_TIMES, BOUNDS, "network_marks_time"),
    "reaching out before a burst": (
        network.REACHED_OUT,
        {"since": BOUNDS["start"], "until": BOUNDS["now"]},
        "network_marks_time",
    ),
    "the first interaction": (network.FIRST_LOGGED, BOUNDS, "interactions_time"),
}
# What one write marks again: its person's marks and interactions around it.
MARKS_AGAIN = marks_again(":person", ":moment").rstrip("; ").split("; ")


@pytest.mark.parametrize("name", READS)
def test_each_read_goes_through_an_index(db, name):
    through_index(db, name, READS[name])


def test_the_year_reads_whole_months_from_the_month_counts_and_the_rest_from_the_days(db):
    steps = plan(db, network.YEAR_COUNTS, BOUNDS)
    assert any("network_months USING PRIMARY KEY (month>? AND month<?)" in s for s in steps)
    days = [s for s in steps if "network_days USING PRIMARY KEY (day>? AND day<?)" in s]
    assert len(days) == 2, steps  # the rest of the first month, the last month's days


def test_the_counts_of_people_are_a_few_rows_not_the_people(db):
    steps = plan(db, network.COUNTS, {})
    assert steps == ["SCAN network_counts"]  # a row per circle, and one more


@pytest.mark.parametrize("statement", MARKS_AGAIN, ids=("delete", "insert"))
def test_marking_again_after_a_write_reads_through_indexes(db, statement):
    steps = plan(db, statement, {"person": 1, "moment": NOW.isoformat()})
    assert steps and scans(steps) == [], steps
    assert any(
        "network_marks USING PRIMARY KEY" in s or "interactions_person_time" in s for s in steps
    )
