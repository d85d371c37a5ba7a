"""Writes are all-or-nothing and take the write lock up front."""

import threading

import pytest
from givefirst.errors import Conflict
from givefirst.store import people
from givefirst.store.connection import connect, write

from tests.conftest import NOW


def test_a_failing_write_leaves_nothing_behind(db):
    people.create(db, {"name": "Jane", "profiles": ["https://x.com/jane"]}, NOW)
    body = {"name": "Bob", "profiles": ["https://x.com/bob", "https://x.com/jane"]}
    with pytest.raises(Conflict):
        people.create(db, body, NOW)
    assert db["people"].count == 1 and db["profiles"].count == 1


def test_write_takes_the_lock_before_reading(db_path, db):
    other = connect(db_path)
    with write(db):
        db.execute("INSERT INTO pairing_failures (failed_at) VALUES ('x')")
        other.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(Exception, match="locked"):
            other.conn.execute("BEGIN IMMEDIATE")
    other.conn.execute("BEGIN IMMEDIATE")
    other.conn.execute("ROLLBACK")


def test_nested_writes_become_savepoints(db):
    with write(db):
        db.execute("INSERT INTO pairing_failures (failed_at) VALUES ('outer')")
        with pytest.raises(RuntimeError), write(db):
            db.execute("INSERT INTO pairing_failures (failed_at) VALUES ('inner')")
            raise RuntimeError("inner fails")
    assert [r["failed_at"] for r in db["pairing_failures"].rows] == ["outer"]


def test_concurrent_writers_do_not_lose_updates(db_path, db):
    """Eight threads each add 25 people through their own connections."""
    errors = []

    def worker(n):
        conn = connect(db_path)
        try:
            for k in range(25):
                people.create(
                    conn, {"name": f"P{n}-{k}", "profiles": [f"https://x.com/p{n}_{k}"]}, NOW
                )
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert db["people"].count == 200
