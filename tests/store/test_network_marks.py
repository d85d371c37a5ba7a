"""The network marks, day counts and counts of people equal what the histories and the people
say, whichever way they are written: the API, updates, deletes, moves, merging and deleting
people, imports, merges and restores. Random writes, then the check `givefirst doctor` makes."""

import random

import pytest
from givefirst.store import network, people

from tests.conftest import NOW
from tests.store.doctoring import doctor_finds_and_mends
from tests.store.test_summaries import random_writes, through_copies


@pytest.mark.parametrize("seed", range(4))
def test_random_writes_keep_every_mark_and_count_true(db, client, seed):
    random_writes(db, client, random.Random(seed), rounds=60)
    first = db.execute("SELECT min(id) FROM people").fetchone()[0]
    people.update(db, first, {"circle": "inner"}, NOW)  # a move between circles
    assert db.execute("SELECT count(*) FROM network_marks").fetchone()[0] > 0
    assert network.differences(db) == []


def test_imports_merges_and_restores_keep_them_true(db, client, tmp_path):
    through_copies(db, client, tmp_path, "network_marks", network.differences)


@pytest.mark.parametrize(
    "drift",
    [
        "UPDATE network_marks SET opens = 1 - opens "
        "WHERE interaction_id = (SELECT min(interaction_id) FROM network_marks)",
        "UPDATE network_days SET interactions = interactions + 1 "
        "WHERE day = (SELECT min(day) FROM network_days)",
        "UPDATE network_months SET interactions = interactions + 1 "
        "WHERE month = (SELECT max(month) FROM network_months)",
        "UPDATE network_counts SET count = count + 1 WHERE name = 'relationships'",
    ],
)
def test_the_check_finds_drift_and_rebuild_mends_it(db, client, runner, drift):
    random_writes(db, client, random.Random(3), rounds=30)
    db.execute(drift)
    assert network.differences(db)
    doctor_finds_and_mends(
        runner,
        lambda: network.differences(db),
        "run `givefirst doctor --rebuild`",
        "network marks and day counts: they match",
    )
