"""The per-person summaries equal what the whole histories say, whichever way interactions
are written: the API, an update or a delete, imports, merges, restores, deleting and merging
people. Random writes, then the check `givefirst doctor` makes."""

import random
from datetime import timedelta

import pytest
from givefirst.core.vocabulary import KINDS, STATUSES
from givefirst.io import backup, export_file, import_file
from givefirst.io.reconcile import merge_database
from givefirst.store import interactions, people, summaries
from givefirst.store.connection import open_db

from tests.conftest import NOW
from tests.store.doctoring import doctor_finds_and_mends


def random_interaction(rng: random.Random) -> dict:
    kind = rng.choice(KINDS)
    data = {
        "kind": kind,
        "summary": f"note {rng.randint(0, 99)}",
        "occurred_at": (NOW - timedelta(days=rng.randint(0, 2000))).isoformat(),
    }
    if kind in STATUSES:
        data["status"] = rng.choice(STATUSES[kind])
    return data


def random_writes(db, client, rng: random.Random, rounds: int) -> None:
    ids = [people.create(db, {"name": f"Person {n}"}, NOW) for n in range(6)]
    for _ in range(rounds):
        written = list(db.query("SELECT id, kind FROM interactions"))
        action = rng.random()
        if action < 0.4 or not written:  # through the API, as the extension logs one
            answer = client.post(
                f"/api/v1/people/{rng.choice(ids)}/interactions", json=random_interaction(rng)
            )
            assert answer.status_code == 201, answer.json
        elif action < 0.6:
            chosen = rng.choice(written)
            change = random_interaction(rng)
            interactions.update(db, chosen["id"], change, NOW)
        elif action < 0.75:
            interactions.delete(db, rng.choice(written)["id"])
        elif action < 0.85:
            db.execute(
                "UPDATE interactions SET person_id = ? WHERE id = ?",
                [rng.choice(ids), rng.choice(written)["id"]],
            )
        elif action < 0.93 and len(ids) > 2:
            keep, gone = rng.sample(ids, 2)
            people.merge(db, keep, gone, NOW)
            ids.remove(gone)
        elif len(ids) > 2:
            gone = rng.choice(ids)
            people.delete(db, gone)
            ids.remove(gone)


@pytest.mark.parametrize("seed", range(4))
def test_random_writes_keep_every_summary_true(db, client, seed):
    random_writes(db, client, random.Random(seed), rounds=60)
    assert db.execute("SELECT count(*) FROM person_summaries").fetchone()[0] > 0
    assert summaries.differences(db) == []


def test_imports_merges_and_restores_keep_them_true(db, client, tmp_path):
    through_copies(db, client, tmp_path, "person_summaries", summaries.differences)


def through_copies(db, client, tmp_path, table: str, differences) -> None:
    """Export and import into another database, merge it back, back up and restore: after each,
    the derived `table` is non-empty and `differences` finds nothing wrong."""
    random_writes(db, client, random.Random(9), rounds=40)
    exported = tmp_path / "all.json"
    export_file(db, "json", exported)
    other = open_db(tmp_path / "other.db")
    import_file(other, "json", exported)
    assert other.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert differences(other) == []
    other.close()
    merge_database(db, tmp_path / "other.db")
    assert differences(db) == []
    saved = tmp_path / "saved.db"
    backup.backup(tmp_path / "givefirst.db", saved)
    random_writes(db, client, random.Random(10), rounds=20)
    backup.restore(tmp_path / "givefirst.db", saved)
    restored = open_db(tmp_path / "givefirst.db")
    assert differences(restored) == []
    restored.close()


def test_the_check_finds_a_summary_that_drifted_and_rebuild_mends_it(db, client, runner):
    random_writes(db, client, random.Random(3), rounds=30)
    stored = db.execute("SELECT person_id FROM person_summaries LIMIT 1").fetchone()[0]
    db.execute("UPDATE person_summaries SET gave = gave + 1 WHERE person_id = ?", [stored])
    assert summaries.differences(db) == [stored]
    doctor_finds_and_mends(
        runner,
        lambda: summaries.differences(db),
        "run `givefirst doctor --rebuild`",
        "every one matches",
    )


def test_a_summary_holds_the_balance_and_the_oldest_open_asks(db, client):
    pid = people.create(db, {"name": "Ada"}, NOW)

    def log(kind, days, status=None):
        data = {
            "kind": kind,
            "summary": "x",
            "occurred_at": (NOW - timedelta(days=days)).isoformat(),
        }
        interactions.create(db, pid, {**data, **({"status": status} if status else {})}, NOW)

    log("gave", 10)
    log("they_asked", 30, "open")
    log("they_asked", 20, "open")
    log("asked", 5, "open")
    log("messaged", 1)
    found = summaries.of(db, pid)
    assert (found["interactions"], found["gave"], found["they_asked"], found["two_way"]) == (
        5,
        1,
        2,
        2,
    )
    assert found["oldest_waiting"] == (NOW - timedelta(days=30)).isoformat()
    assert found["oldest_open_ask"] == (NOW - timedelta(days=5)).isoformat()
    assert found["last_contact"] == (NOW - timedelta(days=1)).isoformat()
    assert found["last_two_way"] == (NOW - timedelta(days=20)).isoformat()


def test_the_check_finds_a_running_sum_of_the_balance_that_drifted(db, client):
    random_writes(db, client, random.Random(4), rounds=30)
    stored = people.create(db, {"name": "Giver"}, NOW)
    gift = {"kind": "gave", "summary": "x", "occurred_at": NOW.isoformat(), "weight": 2}
    interactions.create(db, stored, gift, NOW)
    assert summaries.differences(db) == []
    db.execute(
        "UPDATE person_summaries SET given_decayed = given_decayed * 1.001 WHERE person_id = ?",
        [stored],
    )
    assert summaries.differences(db) == [stored]
    summaries.rebuild(db)
    assert summaries.differences(db) == []


def test_the_check_finds_an_unanswered_streak_that_drifted_and_rebuild_mends_it(db, client):
    random_writes(db, client, random.Random(4), rounds=30)
    stored = db.execute("SELECT person_id FROM person_summaries LIMIT 1").fetchone()[0]
    db.execute(
        "UPDATE person_summaries SET unanswered = unanswered + 3 WHERE person_id = ?", [stored]
    )
    assert summaries.differences(db) == [stored]
    summaries.rebuild(db)
    assert summaries.differences(db) == []


def test_the_streak_counts_the_outreaches_since_the_last_two_way_interaction(db, client):
    pid = people.create(db, {"name": "Ola"}, NOW)

    def log(kind, days, status=None):
        at = (NOW - timedelta(days=days)).isoformat()
        body = {
            "kind": kind,
            "summary": "s",
            "occurred_at": at,
            **({"status": status} if status else {}),
        }
        assert client.post(f"/api/v1/people/{pid}/interactions", json=body).status_code == 201

    def streak():
        return db.execute(
            "SELECT unanswered FROM person_summaries WHERE person_id = ?", [pid]
        ).fetchone()[0]

    log("messaged", 30)
    log("talked", 20)
    log("messaged", 10)
    log("asked", 5, "open")
    assert streak() == 2
    log("talked", 1)
    assert streak() == 0
    log("messaged", 40)  # before the last two-way interaction: not part of the streak
    assert streak() == 0
