"""The whole-network views read through the summaries equal what every history says."""

import json
import random
from datetime import timedelta

import pytest
from givefirst import insights
from givefirst.clock import from_db, iso
from givefirst.core import network, nurture
from givefirst.core.vocabulary import CIRCLES, KINDS, STATUSES
from givefirst.store import facts, interactions, profiles

from tests.conftest import NOW


def everyone_ranked(db, limit):
    """What the nurture list was before summaries: every person's whole history, ranked."""
    histories = interactions.all_by_person(db)
    dated = {pid: [f for f in fs if f.date] for pid, fs in facts.all_by_person(db).items()}
    changes = profiles.all_changes(db, NOW - timedelta(days=nurture.NEWS_DAYS))
    candidates = [
        nurture.Candidate(
            id=r["id"],
            name=r["name"],
            circle=r["circle"],
            created_at=from_db(r["created_at"]),
            how_met=r["how_met"],
            history=histories.get(r["id"], ()),
            facts=dated.get(r["id"], ()),
            changes=changes.get(r["id"], ()),
        )
        for r in db.query("SELECT * FROM people")
    ]
    return nurture.rank(candidates, NOW, limit, 180)


def random_network(db, rng: random.Random, size: int) -> None:
    for n in range(1, size + 1):
        created = NOW - timedelta(days=rng.choice((3, 20, 40, 400, 2000)))
        db["people"].insert(
            {
                "id": n,
                "uuid": f"u{n}",
                "name": f"{rng.choice('ABCDEFG')}erson {n}",
                "circle": rng.choice(CIRCLES),
                "how_met": rng.choice((None, "", "a talk")),
                "created_at": iso(created),
                "updated_at": iso(created),
            }
        )
        for k in range(rng.choice((0, 0, 1, 2, 4, 8))):
            kind = rng.choice(KINDS)
            at = NOW - timedelta(days=rng.choice((1, 5, 15, 25, 60, 200, 400, 900)), hours=k)
            db["interactions"].insert(
                {
                    "id": f"{n}-{k}",
                    "person_id": n,
                    "kind": kind,
                    "summary": "s",
                    "occurred_at": iso(at),
                    "weight": 1,
                    "created_at": iso(at),
                    "updated_at": iso(at),
                    "status": rng.choice(STATUSES[kind]) if kind in STATUSES else None,
                }
            )
        if rng.random() < 0.3:
            day = NOW.date() + timedelta(days=rng.randint(-5, 40)) - timedelta(days=365 * 30)
            label = rng.choice(("birthday", "launch", "anniversary"))
            value = day.isoformat() if rng.random() < 0.7 else "--" + day.isoformat()[5:]
            db["facts"].insert(
                {
                    "id": f"f{n}",
                    "person_id": n,
                    "label": label,
                    "value": "v",
                    "date": value,
                    "created_at": iso(NOW),
                    "updated_at": iso(NOW),
                }
            )
        if rng.random() < 0.1:
            key = f"li:p{n}"
            db["profiles"].insert(
                {
                    "id": n,
                    "key": key,
                    "person_id": n,
                    "site": "linkedin",
                    "url": f"https://www.linkedin.com/in/p{n}",
                    "added_at": iso(NOW),
                }
            )
            db["profile_snapshots"].insert(
                {
                    "profile_id": n,
                    "seen_at": iso(NOW - timedelta(days=rng.choice((2, 50)))),
                    "fields": json.dumps({"role": ["Old", "New"]}),
                }
            )


@pytest.mark.parametrize("seed", range(5))
def test_the_picks_through_summaries_equal_ranking_everyone(db, seed, monkeypatch):
    random_network(db, random.Random(seed), 150)
    monkeypatch.setattr(insights, "MIN_BATCH", 2)  # many batches, so stopping early is exercised
    for limit in (1, 5, 20):
        expected = [(p.candidate.id, p.reason, p.score) for p in everyone_ranked(db, limit)]
        found = insights.ranked_picks(db, NOW, limit, 180)
        assert [(p.candidate.id, p.reason, p.score) for p in found] == expected
    assert expected, "the random network gave nobody a reason: the test would prove nothing"


@pytest.mark.parametrize("seed", range(5))
def test_network_health_from_the_recent_year_equals_it_from_all_time(db, seed):
    random_network(db, random.Random(seed), 120)
    circles = {r["id"]: r["circle"] for r in db.query("SELECT id, circle FROM people")}
    expected = network.health(interactions.all_by_person(db), circles, NOW)
    assert insights.network_health(db, NOW) == expected
    assert expected["relationships"] > 0
