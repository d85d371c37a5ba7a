"""Network health read from the marks and day counts triggers keep equals it worked out from
every whole history, on random networks built around its boundaries: the year's edges, the
silence before an episode, an ask's lead-in, bursts of asks, ties and future-dated entries."""

import random
from datetime import timedelta

import pytest
from givefirst import insights
from givefirst.clock import iso
from givefirst.core import network
from givefirst.core.vocabulary import CIRCLES, KINDS, STATUSES
from givefirst.store import interactions
from givefirst.store import network as network_store

from tests.conftest import NOW

SECOND, TINY = timedelta(seconds=1), timedelta(microseconds=1)
GAPS = [
    timedelta(0),
    SECOND,
    network.ASK_LEAD - SECOND,
    network.ASK_LEAD,
    network.ASK_LEAD + TINY,
    network.SILENCE - TINY,
    network.SILENCE,
    network.SILENCE + SECOND,
    timedelta(days=3),
    timedelta(days=30),
    timedelta(days=200),
]
ANCHORS = [
    NOW - network.YEAR - network.SILENCE,
    NOW - network.YEAR - network.ASK_LEAD,
    NOW - network.YEAR - TINY,
    NOW - network.YEAR,
    NOW - network.YEAR + SECOND,
    NOW - timedelta(days=200),
    NOW - timedelta(days=40),
    NOW - timedelta(days=1),
    NOW - TINY,
    NOW,
    NOW + TINY,
    NOW + timedelta(days=5),
]


# The year split where a month begins, in a month's midst and on its last day: its whole
# months, the days of the months it begins and ends in, and its first and last day's marks.
NOWS = (
    NOW,
    NOW - timedelta(days=40),
    NOW + network.ASK_LEAD,
    NOW.replace(day=1, hour=0, minute=0),
    NOW.replace(day=30, hour=23, minute=59),
)


def status_for(rng: random.Random, kind: str) -> str | None:
    return rng.choice(STATUSES[kind]) if kind in STATUSES else None


def history(rng: random.Random, bursty: bool) -> list[tuple[str, object]]:
    """(kind, when) for one person: runs of steps from an anchor, some backwards."""
    at = rng.choice(ANCHORS) - timedelta(minutes=rng.randint(0, 3))
    found = []
    for _ in range(rng.choice((0, 1, 3, 6, 10))):
        kind = "asked" if bursty and rng.random() < 0.6 else rng.choice(KINDS)
        found.append((kind, at))
        step = rng.choice(GAPS) if not bursty else timedelta(days=rng.randint(0, 20))
        at = at + step if rng.random() < 0.8 else at - step
        if rng.random() < 0.15:
            at = rng.choice(ANCHORS)
    return found


def random_network(db, rng: random.Random) -> None:
    bursty = rng.random() < 0.3
    size = rng.choice((1, 3, 8, 15))
    db["people"].insert_all(
        {
            "id": n,
            "uuid": f"u{n}",
            "name": f"P{n}",
            "circle": rng.choice(CIRCLES),
            "created_at": iso(NOW),
            "updated_at": iso(NOW),
        }
        for n in range(1, size + 1)
    )
    rows = [
        {
            "id": f"{n}-{k}",
            "person_id": n,
            "kind": kind,
            "summary": "s",
            "occurred_at": iso(at),
            "status": status_for(rng, kind),
            "weight": 1,
            "created_at": iso(NOW),
            "updated_at": iso(NOW),
        }
        for n in range(1, size + 1)
        for k, (kind, at) in enumerate(history(rng, bursty and rng.random() < 0.8))
    ]
    rng.shuffle(rows)  # ties are broken by the order of writing
    db["interactions"].insert_all(rows)
    for row in rng.sample(rows, len(rows) // 5):  # moved, changed or gone: the triggers again
        change = rng.random()
        if change < 0.4:
            moved = {"occurred_at": iso(rng.choice(ANCHORS) + rng.choice(GAPS))}
            interactions.update(db, row["id"], moved, NOW)
        elif change < 0.7:
            kind = rng.choice(KINDS)
            interactions.update(db, row["id"], {"kind": kind, "status": status_for(rng, kind)}, NOW)
        elif change < 0.8:
            db.execute("UPDATE interactions SET person_id = 1 WHERE id = ?", [row["id"]])
        else:
            interactions.delete(db, row["id"])


def everything_worked_out(db, now) -> dict:
    circles = {r["id"]: r["circle"] for r in db.query("SELECT id, circle FROM people")}
    return network.health(interactions.all_by_person(db), circles, now)


def test_health_from_the_counts_equals_it_from_every_history(db):
    kinds, bursts = set(), 0
    for seed in range(120):
        db.execute("DELETE FROM people")  # their interactions, marks and counts with them
        random_network(db, random.Random(seed))
        for now in NOWS:
            expected = everything_worked_out(db, now)
            assert insights.network_health(db, now) == expected, (seed, now)
            kinds.add(expected["kind"])
            bursts += "within 90 days" in expected["why"][0]
        assert network_store.differences(db) == [], seed  # as imports and the doctor mark them
    assert kinds == {"rarely", "always", "only_when_needed", "not_enough_history"}
    assert bursts, "no random network had a burst of asks: the test would not check them"


@pytest.mark.parametrize("days", [0, 1, 89, 90, 91, 200])
def test_a_burst_of_asks_is_found_whichever_day_it_starts(db, days):
    db["people"].insert(
        {
            "id": 1,
            "uuid": "u",
            "name": "A",
            "circle": "active",
            "created_at": iso(NOW),
            "updated_at": iso(NOW),
        }
    )
    start = NOW - network.YEAR + timedelta(days=days, hours=5)
    asks = [start + timedelta(days=d) for d in (0, 30, 60, 89.99, 91)]
    db["interactions"].insert_all(
        {
            "id": f"a{n}",
            "person_id": 1,
            "kind": "asked",
            "summary": "s",
            "occurred_at": iso(at),
            "status": "open",
            "weight": 1,
            "created_at": iso(NOW),
            "updated_at": iso(NOW),
        }
        for n, at in enumerate([*asks, NOW - timedelta(days=2 * 365)])
    )
    assert insights.network_health(db, NOW) == everything_worked_out(db, NOW)
