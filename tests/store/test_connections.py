"""How `givefirst serve` holds its database: connections kept between requests, reads without
savepoints, and a page view's time stamp written after the answer."""

import shutil
import threading

import pytest
from givefirst.app import create_app
from givefirst.io import backup
from givefirst.store import profiles, tokens
from givefirst.store.connection import KEPT, close_db, connect, get_db, open_db

from tests.conftest import NOW, PORT, LocalClient


@pytest.fixture
def served(db_path, clock):
    """The app as `givefirst serve` makes it, with a token."""
    app = create_app(
        {
            "DATABASE": str(db_path),
            "PORT": PORT,
            "CLOCK": clock,
            "TESTING": True,
            "KEEP_CONNECTIONS": True,
        }
    )
    app.test_client_class = LocalClient
    db = open_db(db_path)
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {tokens.create(db, 'served', NOW)}"
    db.close()
    return app, client


def request_connection(app):
    with app.test_request_context():
        db = get_db()
        close_db()
    return db


def test_a_request_takes_the_connection_given_back_last_and_concurrent_ones_their_own(served):
    app, _ = served
    first = request_connection(app)
    assert request_connection(app) is first
    other = []
    worker = threading.Thread(target=lambda: other.append(request_connection(app)))
    worker.start()
    worker.join()
    assert other[0] is first  # another thread, once the first is done: the warm connection
    holding, release, during = threading.Event(), threading.Event(), []

    def hold():
        with app.test_request_context():
            during.append(get_db())
            holding.set()
            release.wait(10)
            close_db()

    worker = threading.Thread(target=hold)
    worker.start()
    holding.wait(10)
    meanwhile = request_connection(app)
    release.set()
    worker.join()
    assert during == [first] and meanwhile is not first
    assert request_connection(app) is first  # given back last
    assert first.execute("SELECT count(*) FROM people").fetchone()[0] == 0  # still open


def test_warming_opens_a_connection_for_each_thread_before_any_request(served):
    app, _ = served
    kept = app.extensions[KEPT]
    kept.warm(3)
    assert len({id(db) for db in kept.idle}) == 3
    assert request_connection(app) in kept.idle


def test_without_the_setting_each_request_closes_its_own(app):
    first = request_connection(app)
    assert request_connection(app) is not first


def test_a_file_moved_into_place_is_opened_afresh(served, db_path, tmp_path):
    app, client = served
    person = client.post("/api/v1/people", json={"name": "Ada Lovelace"}).json
    copy = tmp_path / "copy.db"
    held = request_connection(app)
    held.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(db_path, copy)
    held.execute("DELETE FROM people")
    shutil.move(copy, db_path)
    for suffix in ("-wal", "-shm"):
        (db_path.parent / f"{db_path.name}{suffix}").unlink(missing_ok=True)
    assert request_connection(app) is not held
    assert client.get(f"/api/v1/people/{person['id']}").status_code == 200


def test_a_restore_is_seen_by_the_kept_connections(served, db_path, tmp_path):
    app, client = served
    client.post("/api/v1/people", json={"name": "Ada Lovelace"})
    saved = tmp_path / "saved.db"
    backup.backup(db_path, saved)
    client.post("/api/v1/people", json={"name": "Bo Tran"})
    assert client.get("/api/v1/people").json["total"] == 2
    backup.restore(db_path, saved)
    names = [p["name"] for p in client.get("/api/v1/people").json["people"]]
    assert names == ["Ada Lovelace"]


def test_reads_take_no_savepoint_and_writes_through_query_are_still_refused(db_path):
    db = connect(db_path)
    db.execute("CREATE TABLE t (x)")
    said = []
    db.conn.set_trace_callback(said.append)
    assert list(db.query("SELECT 1 AS one")) == [{"one": 1}]
    assert list(db.query("SELECT 2 AS two, 3 AS two")) == [{"two": 2, "two_2": 3}]
    assert not [s for s in said if "SAVEPOINT" in s]
    with pytest.raises(ValueError):
        db.query("INSERT INTO t VALUES (1)")
    with pytest.raises(ValueError):
        db.query("WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a")
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    db.close()


def test_a_page_view_is_written_after_the_answer(served, db_path, monkeypatch):
    app, client = served
    later = app.extensions["givefirst.seen_later"]
    later.delay = 3600  # the test writes it, not the timer
    client.post(
        "/api/v1/people",
        json={"name": "Ada Lovelace", "profiles": ["https://www.linkedin.com/in/ada-l"]},
    )
    seen = "SELECT last_seen_at FROM profiles WHERE key = 'li:ada-l'"
    db = open_db(db_path)
    assert db.execute(seen).fetchone()[0] is None
    answer = client.post("/api/v1/context", json={"url": "https://www.linkedin.com/in/ada-l"})
    assert answer.json["person"]["name"] == "Ada Lovelace"
    assert db.execute(seen).fetchone()[0] is None
    pooled = list(app.extensions[KEPT].idle)
    monkeypatch.setattr(profiles, "connect", opening_refused)
    later.flush()  # on a connection of the service's pool: opening one is refused above
    assert db.execute(seen).fetchone()[0] == NOW.isoformat()
    assert app.extensions[KEPT].idle == pooled  # given back, with no transaction left open
    assert not any(kept.conn.in_transaction for kept in pooled)
    db.close()


def opening_refused(path):
    raise AssertionError(f"a new connection to {path} was opened")


def test_a_page_that_shows_something_new_is_written_at_once(served, db_path):
    app, client = served
    app.extensions["givefirst.seen_later"].delay = 3600
    client.post(
        "/api/v1/people",
        json={"name": "Ada Lovelace", "profiles": ["https://www.linkedin.com/in/ada-l"]},
    )
    page = "<title>Ada Lovelace - CTO at Quill | LinkedIn</title><main><h1>Ada Lovelace</h1></main>"
    client.post("/api/v1/context", json={"url": "https://www.linkedin.com/in/ada-l", "html": page})
    db = open_db(db_path)
    row = db.execute(
        "SELECT headline, last_seen_at FROM profiles WHERE key = 'li:ada-l'"
    ).fetchone()
    assert row == ("CTO at Quill", NOW.isoformat())
    db.close()
