"""A person's nudge, ledger, nurture reasons and verdict on People read from their summary and the recent part of
their history are exactly what their whole history gives: the same verdict, message, reasons and
suggestions, whichever way the interactions were written, however many there are, dated in the
future or on the very moments where the balance reads differently."""

import random
from datetime import timedelta

import pytest
from givefirst.core import nurture
from givefirst.core.ledger import ledger
from givefirst.core.nudge import Subject, build_nudge, decide
from givefirst.core.vocabulary import KINDS, STATUSES
from givefirst.store import interactions, people, summaries
from givefirst.store.interactions import RECENT_SHOWN

from tests.conftest import NOW
from tests.store.test_summaries import random_writes


def same_advice(db, person_id: int, now, dormancy: int) -> None:
    person = people.row(db, person_id)
    whole = interactions.core_history(db, person_id)
    totals, recent = summaries.for_advice(db, person_id, now)
    assert len(recent) <= len(whole)
    full = Subject(name=person["name"], known=True, history=whole, how_met=person["how_met"])
    read = Subject(
        name=person["name"],
        known=True,
        history=recent,
        totals=totals,
        how_met=person["how_met"],
    )
    assert build_nudge(read, now, dormancy) == build_nudge(full, now, dormancy)
    listed = summaries.verdicts(db, [person_id], now, dormancy)[person_id]
    assert listed == {
        "verdict": decide(full, now, dormancy).verdict,
        "tie": "relationship" if any(i.is_two_way for i in whole) else "connection",
        "last_contact": max((i.occurred_at for i in whole), default=None),
    }
    assert ledger(recent, now, totals) == ledger(whole, now)
    shared = {"id": person_id, "name": person["name"], "circle": "active", "created_at": now}
    assert nurture.reasons_for(
        nurture.Candidate(**shared, history=recent, totals=totals), now
    ) == nurture.reasons_for(nurture.Candidate(**shared, history=whole), now)


def every_person(db) -> list[int]:
    return [row[0] for row in db.execute("SELECT id FROM people")]


@pytest.mark.parametrize("seed", range(4))
def test_every_write_path_keeps_the_advice_the_same(db, client, seed):
    random_writes(db, client, random.Random(seed), rounds=60)
    for person_id in every_person(db):
        for dormancy in (30, 180):
            same_advice(db, person_id, NOW, dormancy)


# Moments where a decayed weight is exact (now, one and two half-lives ago), the future, and
# days at random: ties, exact balances and long histories all come up.
EXACT_DAYS = (0, 0, 365, 730, -3, -400)


def random_history(db, rng: random.Random, person_id: int, size: int) -> None:
    for _ in range(size):
        kind = rng.choice(KINDS)
        days = rng.choice(EXACT_DAYS) if rng.random() < 0.3 else rng.randint(0, 1500)
        data = {
            "kind": kind,
            "summary": f"note {rng.randint(0, 9)}",
            "occurred_at": (NOW - timedelta(days=days)).isoformat(),
            "weight": rng.randint(1, 3),
        }
        if kind in STATUSES:
            data["status"] = rng.choice(STATUSES[kind])
        interactions.create(db, person_id, data, NOW)


@pytest.mark.parametrize("seed", range(6))
def test_long_histories_with_exact_balances_give_the_same_advice(db, seed):
    rng = random.Random(seed)
    for n in range(8):
        person_id = people.create(db, {"name": f"Person {n}", "how_met": "a talk"}, NOW)
        random_history(db, rng, person_id, rng.choice((1, 3, RECENT_SHOWN + 5, 120)))
    for person_id in every_person(db):
        for moment in (NOW, NOW + timedelta(days=10), NOW - timedelta(days=200)):
            same_advice(db, person_id, moment, 180)


def test_a_busy_person_is_read_in_part(db):
    """Long since, everyone answered: the recent part is what the card shows and little more."""
    person_id = people.create(db, {"name": "Busy"}, NOW)
    for day in range(300):
        kind = ("talked", "gave", "asked")[day % 3]
        data = {
            "kind": kind,
            "summary": "x",
            "occurred_at": (NOW - timedelta(days=day)).isoformat(),
        }
        if kind == "asked":
            data["status"] = "granted"
        interactions.create(db, person_id, data, NOW)
    totals, recent = summaries.for_advice(db, person_id, NOW)
    assert totals.interactions == 300 and len(recent) < 2 * RECENT_SHOWN
    same_advice(db, person_id, NOW, 180)
