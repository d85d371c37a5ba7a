"""The dates coming up, worked out in SQL, are those core/suggestions.py's next_occurrence
finds in Python, for any window, around leap days and year ends, with labels in any case."""

import random
from datetime import date, timedelta

import pytest
from givefirst.core.reminders import date_key, hidden_dates
from givefirst.core.suggestions import next_occurrence
from givefirst.store import coming_dates, facts, people

from tests.conftest import NOW
from tests.store.plans import plan, scans

LABELS = (
    "Birthday",
    "BIRTHDAY",
    "Wedding anniversary",
    "ANNIVERSARY",
    "Rebirth of the company",
    "Moving day",
    "Bİrthday",  # a dotted capital I: Python's lower() keeps a combining dot after the i
    "Kelvin's talk",
    "Kid's name",
)
FIRST_DAYS = (
    date(2026, 1, 1),
    date(2026, 2, 22),  # a common year's end of February
    date(2027, 12, 29),
    date(2028, 2, 23),  # a leap year's
    date(2028, 2, 29),
    date(2027, 3, 1),  # a year ahead ends on a leap year's 28 February
    date(2026, 6, 15),
)


def random_dates(rng: random.Random, count: int) -> list[str]:
    found = []
    for _ in range(count):
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 6 * 366))
        if rng.random() < 0.4:
            found.append(f"--{day:%m-%d}")
        else:
            found.append(day.isoformat())
    return found + ["--02-29", "2028-02-29", "2024-02-29", "2027-02-28", "--12-31", "--01-01"]


@pytest.fixture
def dated(db):
    """Two hundred people, each with a few facts on random dates under random labels."""
    rng = random.Random(5)
    made = {}
    for n, when in enumerate(random_dates(rng, 400)):
        if n % 2 == 0:
            pid = people.create(db, {"name": f"Person {n:03d}"}, NOW)
        fact = facts.create(
            db, pid, {"label": rng.choice(LABELS), "value": f"value {n}", "date": when}, NOW
        )
        made[fact["id"]] = (pid, facts.as_core(fact))
    return made


def expected(made: dict, first: date, days: int, hidden: set) -> set[tuple[str, str]]:
    found = set()
    for fact_id, (_, fact) in made.items():
        when = next_occurrence(fact, first)
        if when is not None and (when - first).days < days:
            found.add((fact_id, when.isoformat()))
    return found - hidden


@pytest.mark.parametrize("days", [1, 7, 14, 60, 365])
def test_the_dates_in_a_window_are_those_next_occurrence_finds(db, dated, days):
    rng = random.Random(days)
    for first in FIRST_DAYS:
        every = expected(dated, first, days, set())
        hidden = set(rng.sample(sorted(every), len(every) // 4)) | {("no-such-fact", "2026-01-01")}
        rows = coming_dates.listed(db, first, days, hidden)
        assert {(row["id"], row["day"]) for row in rows} == every - hidden, (first, days)
        order = [(row["day"], row["name"].lower()) for row in rows]
        assert order == sorted(order)  # soonest first, then by name
        counted = coming_dates.per_day(db, first, days, hidden)
        assert sum(counted.values()) == len(every - hidden)
        for day, count in counted.items():
            assert count == sum(1 for _, on in every - hidden if on == day.isoformat())


def test_the_dates_listed_stop_at_the_day_asked_and_carry_the_person_and_fact(db, dated):
    first = date(2026, 6, 15)
    through = first + timedelta(days=3)
    rows = coming_dates.listed(db, first, 7, through=through)
    assert rows and all(row["day"] <= through.isoformat() for row in rows)
    for row in rows:
        pid, fact = dated[row["id"]]
        assert row["person_id"] == pid and row["name"] == people.get(db, pid)["name"]
        assert (row["label"], row["value"]) == (fact.label, fact.value)


def test_a_window_is_one_to_365_days():
    whole_year = coming_dates.window(date(2027, 1, 1), 365)
    assert len(whole_year) == 366 and whole_year["02-29"] == "2027-02-28"
    assert coming_dates.window(date(2027, 2, 27), 3)["02-29"] == "2027-02-28"
    assert "02-29" not in coming_dates.window(date(2028, 2, 27), 2)
    with pytest.raises(ValueError):
        coming_dates.window(date(2027, 1, 1), 366)
    with pytest.raises(ValueError):
        coming_dates.window(date(2027, 1, 1), 0)


def test_a_date_key_is_read_back_as_its_fact_and_day():
    key = date_key("a:b-1", date(2026, 6, 15))
    assert hidden_dates({key, "checkin:3:2026-06-15", "give:1:2026-W24"}) == {
        ("a:b-1", "2026-06-15")
    }


def test_the_dates_are_read_through_the_index_of_months_and_days(db):
    params = coming_dates.parameters(date(2026, 6, 15), 7, {("x", "2026-06-16")})
    for sql in (coming_dates.PER_DAY, coming_dates.LISTED):
        steps = plan(db, sql, {**params, "through": "2026-06-18"})
        assert any("facts_day" in step for step in steps), steps
        assert scans(steps, ctes=("d", "days", "hidden", "coming", "c")) == [], steps
