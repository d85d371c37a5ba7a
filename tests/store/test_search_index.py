"""People search through the trigram index finds exactly whom reading every field would."""

import random

import pytest
from givefirst.store import people

from tests.conftest import NOW
from tests.store.plans import plan

WORDS = ("ada", "lovelace", "Bo", "tran", "Quill", "Works", "climb", "chess", "zoë", "ÅSA")


def scanned(db, q: str) -> set[int]:
    like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = f"SELECT p.id FROM people p WHERE {people.SCANNED_SEARCH}"
    return {row[0] for row in db.execute(sql, {"q": q, "like": like})}


@pytest.mark.parametrize("seed", range(3))
def test_the_index_agrees_with_scanning_after_any_edits(db, seed):
    rng = random.Random(seed)
    ids = []
    for n in range(40):
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}"
        slug = f"{rng.choice(WORDS[:8]).lower()}-{n}"
        ids.append(
            people.create(
                db,
                {
                    "name": name,
                    "profiles": [f"https://github.com/{slug}"],
                    "tags": rng.sample(WORDS, 2),
                },
                NOW,
            )
        )
    for pid in rng.sample(ids, 10):
        people.update(
            db, pid, {"name": f"{rng.choice(WORDS)} renamed", "tags": [rng.choice(WORDS)]}, NOW
        )
    for pid in rng.sample(ids, 5):
        people.delete(db, pid)
        ids.remove(pid)
    for _ in range(4):  # the other's profiles, tags and emails move to the one kept
        keep, gone = rng.sample(ids, 2)
        people.merge(db, keep, gone, NOW)
        ids.remove(gone)
    first = db.execute("SELECT min(id) FROM people").fetchone()[0]
    db.execute(
        "INSERT INTO person_emails (email, person_id) VALUES ('quill@example.org', ?)", [first]
    )
    for q in ("ada", "LOVE", "renamed", "quill@", "hub.com", "ösa", "zoë", "nobody-here", "ill"):
        found, total = people.search(db, q=q, limit=500)
        assert {p["id"] for p in found} == scanned(db, q), q
        assert total == len(found)


def test_searching_three_letters_or_more_reads_the_index(db):
    where, params = people.matching("lovelace", None, None)
    steps = " | ".join(plan(db, f"SELECT p.id FROM people p WHERE {where}", params))
    assert "people_search VIRTUAL TABLE" in steps
    assert "SCAN p" not in steps.replace("SCAN people_search", "")
