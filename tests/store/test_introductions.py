"""Introductions equal what a reading of everyone says, whether a tag or an employer is read
whole or walked busiest first (SMALL lowered so that random networks take both ways)."""

import random

import pytest
from givefirst.core.news import company_key
from givefirst.store import interactions, introductions, people
from givefirst.store.connection import write

from tests.conftest import NOW

TAGS = ["go", "GO", "chess", "Climbing", "climbing", "jazz", "Ruby"]
COMPANIES = ["Helio Grid GmbH", "helio grid", "Quill Works, Inc.", "Ada Labs", None]
NAMES = ["Ada", "bo", "Cy", "ada", "Émile", "Zed", "al"]


def random_network(db, rng: random.Random, size: int) -> list[int]:
    ids = []
    with write(db):
        for n in range(size):
            pid = people.create(
                db,
                {
                    "name": f"{rng.choice(NAMES)} {rng.randint(0, 9)}",
                    "tags": rng.sample(TAGS, rng.randint(0, 3)),
                },
                NOW,
            )
            for p in range(rng.randint(0, 2)):
                db.execute(
                    "INSERT INTO profiles (key, person_id, site, url, added_at, company) "
                    "VALUES (?, ?, 'linkedin', ?, ?, ?)",
                    [
                        f"li:p{n}-{p}",
                        pid,
                        f"https://www.linkedin.com/in/p{n}-{p}",
                        NOW.isoformat(),
                        rng.choice(COMPANIES),
                    ],
                )
            for _ in range(rng.choice([0, 0, 1, 2, 5])):
                interactions.create(db, pid, {"kind": "talked", "summary": "x"}, NOW)
            ids.append(pid)
    return ids


def expected(db, me: int, limit: int) -> list[tuple]:
    """Everyone read and ranked in Python: (person id, shared, same_company)."""
    tags = {
        r[0]: {t.encode().lower() for t in r[1].split("\n")}
        for r in db.execute(
            "SELECT person_id, group_concat(tag, char(10)) FROM person_tags GROUP BY person_id"
        )
    }
    employers: dict[int, set] = {}
    for pid, company in db.execute("SELECT person_id, company FROM profiles"):
        if company and company_key(company):
            employers.setdefault(pid, set()).add(company_key(company))
    touches = dict(db.execute("SELECT person_id, count(*) FROM interactions GROUP BY person_id"))
    ranked = []
    for pid, name in db.execute("SELECT id, name FROM people WHERE id != ?", [me]):
        shares_tag = bool(tags.get(pid, set()) & tags.get(me, set()))
        colleague = bool(employers.get(pid, set()) & employers.get(me, set()))
        if not (shares_tag or colleague):
            continue
        group = 0 if not colleague else 1 if shares_tag else 2
        n = touches.get(pid, 0)
        ranked.append(
            (
                (group, n == 0, -n, name.encode().lower(), pid),
                (pid, "tag" if shares_tag else "company", int(colleague)),
            )
        )
    return [found for _, found in sorted(ranked)[:limit]]


@pytest.mark.parametrize("small", [300, 3])
@pytest.mark.parametrize("seed", range(3))
def test_introductions_equal_a_reading_of_everyone(db, monkeypatch, small, seed):
    monkeypatch.setattr(introductions, "SMALL", small)
    rng = random.Random(seed)
    ids = random_network(db, rng, 60)
    for me in rng.sample(ids, 15):
        limit = rng.choice([1, 3, 8])
        found = introductions.introductions(db, me, limit)
        got = [(r["person_id"], r["shared"], r["same_company"]) for r in found]
        assert got == expected(db, me, limit), (me, limit)


def test_a_colleague_is_shown_with_their_company_as_written(db):
    with write(db):
        ada = people.create(db, {"name": "Ada"}, NOW)
        bo = people.create(db, {"name": "Bo"}, NOW)
        for pid, company in ((ada, "Helio Grid GmbH"), (bo, "helio grid")):
            db.execute(
                "INSERT INTO profiles (key, person_id, site, url, added_at, company) "
                "VALUES (?, ?, 'linkedin', 'https://x', ?, ?)",
                [f"li:{pid}", pid, NOW.isoformat(), company],
            )
    [found] = introductions.introductions(db, ada)
    assert (found["person_id"], found["value"], found["shared"]) == (bo, "helio grid", "company")


@pytest.mark.parametrize("members", [2, 3])
def test_the_own_values_say_whether_few_share_them_as_counting_does(db, monkeypatch, members):
    """The person's own tags and employers come with whether at most SMALL people share each
    (OWN_VALUES), which decides how each is read: the same answer as counting them."""
    monkeypatch.setattr(introductions, "SMALL", 2)
    with write(db):
        ids = [people.create(db, {"name": f"P{n}", "tags": ["Go"]}, NOW) for n in range(members)]
        for pid in ids:
            db.execute(
                "INSERT INTO profiles (key, person_id, site, url, added_at, company) "
                "VALUES (?, ?, 'linkedin', 'https://x', ?, 'Helio Grid GmbH')",
                [f"li:{pid}", pid, NOW.isoformat()],
            )
    own = db.execute(introductions.OWN_VALUES, {"me": ids[0], "small": 2}).fetchall()
    assert sorted(kind for kind, _, _ in own) == ["company", "tag"]
    for kind, value, few in own:
        counted = introductions.shared_by_few(db, kind, {"value": value}, {})
        assert bool(few) == counted == (members <= 2), (kind, value)


def test_the_floor_is_the_interactions_of_the_last_one_that_can_still_be_shown():
    """floor_of: a person found through two tags counts once, one already chosen by an earlier
    group takes no place, and with fewer found than places, or a last one with no
    interactions, anyone may still rank (0)."""
    ranked = [((False, -n, b"x", pid), pid, n, "x", "go") for pid, n in ((1, 9), (2, 7), (3, 5))]
    ranked.append(((False, -9, b"x", 1), 1, 9, "x", "chess"))  # the same person by another tag
    assert introductions.floor_of(ranked, {}, 2) == 7
    assert introductions.floor_of(ranked, {}, 3) == 5
    assert introductions.floor_of(ranked, {1: {}}, 2) == 5
    assert introductions.floor_of(ranked, {}, 4) == 0
    assert introductions.floor_of(ranked, {}, 0) == 0
    untouched = [*ranked, ((True, 0, b"y", 4), 4, 0, "y", "go")]
    assert introductions.floor_of(untouched, {}, 4) == 0
