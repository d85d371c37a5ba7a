"""Backups taken while others write, restores that refuse broken files, daily rotation."""

import sqlite3
import stat
import subprocess
import sys
import threading
from contextlib import closing
from datetime import date, timedelta

import pytest
from givefirst.io import backup
from givefirst.io.backup import BackupProblem
from givefirst.store import people, sessions, tokens
from givefirst.store.connection import connect, open_db

from tests.conftest import NOW
from tests.io.helpers import contents, load


def add_people(db_path, stop: threading.Event, errors: list) -> None:
    """Keep creating people (each with a profile, in one transaction) until told to stop."""
    conn = connect(db_path)
    n = 0
    try:
        while not stop.is_set() or n < 20:
            people.create(conn, {"name": f"Writer {n}", "profiles": [f"https://x.com/w_{n}"]}, NOW)
            n += 1
    except Exception as error:  # pragma: no cover - reported by the test
        errors.append(error)
    finally:
        conn.close()


def test_a_backup_taken_while_another_connection_writes_is_whole_and_private(db, db_path, tmp_path):
    load(db, "linkedin", "linkedin/Connections.csv")
    stop, errors = threading.Event(), []
    writer = threading.Thread(target=add_people, args=(db_path, stop, errors))
    writer.start()
    try:
        while db["people"].count < 10:  # the writer is well under way
            threading.Event().wait(0.01)
        target = tmp_path / "copies" / "backup.db"
        backup.backup(db_path, target)
    finally:
        stop.set()
        writer.join()
    assert errors == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with closing(sqlite3.connect(target)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
        people_count, profile_count = copy.execute(
            "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM profiles)"
        ).fetchone()
    assert people_count == profile_count  # a moment between transactions, never half of one
    assert 10 <= people_count <= db["people"].count


def test_restore_brings_back_the_backup_and_keeps_what_was_there(db, db_path, tmp_path):
    load(db, "linkedin", "linkedin/Connections.csv")
    backup.backup(db_path, tmp_path / "backup.db")
    before = contents(db)
    load(db, "google", "google/contacts.csv")
    saved = backup.restore(db_path, tmp_path / "backup.db", NOW).saved
    with closing(open_db(db_path)) as restored, closing(open_db(saved)) as previous:
        assert contents(restored) == before
        assert previous["people"].count == len(before["people"]) + 3
    assert saved.name == "givefirst-before-restore-20260615T120000Z.db"


def run_sql(path, sql: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(sql)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: p.write_bytes(b"not a database" * 100), "is not a SQLite database"),
        (lambda p: p.write_bytes(p.read_bytes()[: 4096 * 3]), "backup.db"),
        (lambda p: run_sql(p, "DROP TABLE _sqlite_migrations"), "is not a givefirst database"),
        (
            lambda p: run_sql(
                p,
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('givefirst', 'm999_from_the_future', 'x')",
            ),
            r"was made by a newer givefirst \(m999_from_the_future\)",
        ),
    ],
)
def test_restore_refuses_a_broken_backup_and_changes_nothing(
    db, db_path, tmp_path, damage, message
):
    load(db, "linkedin", "linkedin/Connections.csv")
    broken = tmp_path / "backup.db"
    backup.backup(db_path, broken)
    damage(broken)
    before = contents(db)
    with pytest.raises(BackupProblem, match=message):
        backup.restore(db_path, broken, NOW)
    assert contents(db) == before
    assert not list(db_path.parent.glob("*before-restore*"))


def test_a_backup_refuses_to_overwrite_the_database_itself(db_path, db):
    with pytest.raises(BackupProblem, match="is the database itself"):
        backup.backup(db_path, db_path)


def test_daily_backups_are_made_once_a_day_and_the_newest_seven_kept(db, db_path, tmp_path):
    folder = tmp_path / "backups"
    start = date(2026, 6, 1)
    for day in range(10):
        made = backup.daily(db_path, folder, start + timedelta(days=day))
        assert made == folder / f"givefirst-{start + timedelta(days=day)}.db"
    assert backup.daily(db_path, folder, start + timedelta(days=9)) is None  # already made
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [f"givefirst-{start + timedelta(days=d)}.db" for d in range(3, 10)]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_service_keeps_daily_backups_on_a_background_thread(db, db_path, tmp_path):
    folder = tmp_path / "backups"
    stop = backup.keep_daily(db_path, folder, clock=lambda: NOW, every=0.01)
    try:
        for _ in range(500):
            if (folder / "givefirst-2026-06-15.db").exists():
                break
            threading.Event().wait(0.01)
    finally:
        stop.set()
    backup.verify(folder / "givefirst-2026-06-15.db")


def test_backing_up_the_live_database_keeps_this_processs_sqlite_locks(db_path, tmp_path):
    """The service backs up the database it has open. Opening the file with a plain descriptor
    and closing it would drop the process's POSIX locks (SQLite's included): another process
    closing its connection would then believe it was the last one and delete the WAL under the
    service. With the locks intact, the WAL outlives that other process."""
    open_db(db_path).close()
    service = connect(db_path)
    service.execute("SELECT count(*) FROM people").fetchone()  # holds its lock on the file
    backup.copy(db_path, tmp_path / "copy.db")
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("
            "'SELECT count(*) FROM people').fetchone()",
            str(db_path),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert other.returncode == 0, other.stderr
    assert db_path.with_name(db_path.name + "-wal").exists()
    service.close()


def test_restore_never_brings_back_a_revoked_token_or_an_ended_session(db, db_path, tmp_path):
    old_token = tokens.create(db, "old laptop", NOW)
    old_session = sessions.redeem(db, sessions.new_login_link(db, NOW), NOW)
    load(db, "linkedin", "linkedin/Connections.csv")
    backup.backup(db_path, tmp_path / "backup.db")
    tokens.revoke(db, "old laptop", NOW)
    sessions.end(db, old_session.secret)
    new_token = tokens.create(db, "extension", NOW)
    new_session = sessions.redeem(db, sessions.new_login_link(db, NOW), NOW)
    people.create(db, {"name": "After The Backup"}, NOW)

    done = backup.restore(db_path, tmp_path / "backup.db", NOW)
    with closing(open_db(db_path)) as restored:
        assert restored.execute(
            "SELECT count(*) FROM people WHERE name = 'After The Backup'"
        ).fetchone() == (0,)
        assert tokens.verify(restored, old_token, NOW) is None
        assert sessions.find(restored, old_session.secret, NOW) is None
        assert tokens.verify(restored, new_token, NOW).name == "extension"
        assert sessions.find(restored, new_session.secret, NOW) is not None
    assert (done.tokens, done.sessions, done.revoked, done.ended) == (1, 1, 0, 0)


def test_restore_where_there_is_no_database_lets_nothing_from_the_backup_in(db, db_path, tmp_path):
    token = tokens.create(db, "old laptop", NOW)
    session = sessions.redeem(db, sessions.new_login_link(db, NOW), NOW)
    backup.backup(db_path, tmp_path / "backup.db")
    fresh = tmp_path / "elsewhere" / "givefirst.db"
    done = backup.restore(fresh, tmp_path / "backup.db", NOW)
    with closing(open_db(fresh)) as restored:
        assert tokens.verify(restored, token, NOW) is None
        assert sessions.find(restored, session.secret, NOW) is None
        assert restored["tokens"].count == 1  # still listed, as revoked
    assert (done.saved, done.tokens, done.sessions, done.revoked, done.ended) == (None, 0, 0, 1, 1)
