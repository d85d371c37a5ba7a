"""Copies of the database file at the SQLite level: the online backup API, the integrity check,
which migrations a file holds, and the access tables a restore keeps from the current database.

io/backup.py decides when to copy and where; everything here speaks SQL or sqlite3.
"""

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from givefirst.clock import iso
from givefirst.store.connection import write
from givefirst.store.migrations import migrations

DatabaseError = sqlite3.DatabaseError  # what a damaged, foreign or unreadable file raises
ACCESS_TABLES = ("tokens", "pairing_requests", "pairing_failures", "login_links", "sessions")


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """What `PRAGMA integrity_check` finds; empty when the file is intact."""
    found = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    return [] if found == ["ok"] else found


def copy_database(source: Path, target: Path) -> list[str]:
    """Copy `source` (perhaps the live database) into the file `target` as one self-contained
    file; the copy's integrity problems. sqlite3.DatabaseError when it cannot be copied."""
    source_conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=rw", uri=True, timeout=30)
    copy_conn = sqlite3.connect(str(target))
    try:
        source_conn.backup(copy_conn)
        copy_conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        return integrity_problems(copy_conn)
    finally:
        copy_conn.close()
        source_conn.close()


def copy_over(source: Path, target: Path) -> None:
    """Replace what `target` holds with `source` through the backup API: a service that has
    `target` open sees the new contents, never a torn file."""
    source_conn = read_only(source)
    live = sqlite3.connect(str(target), timeout=30)
    try:
        source_conn.backup(live)
    finally:
        live.close()
        source_conn.close()


def migrations_applied(path: Path) -> tuple[list[str], set[str]]:
    """(integrity problems, names of the migrations applied) of the file at `path`, read only.
    sqlite3.DatabaseError when it cannot be read."""
    conn = read_only(path)
    try:
        problems = integrity_problems(conn)
        if problems:
            return problems, set()
        return [], {m.name for m in migrations.applied(Database(conn))}
    finally:
        conn.close()


def migrations_known() -> set[str]:
    """Every migration this version knows (all of them are pending on an empty database)."""
    return {m.name for m in migrations.pending(Database(memory=True))}


def make_self_contained(db: Database) -> None:
    """One file again, without a -wal beside it."""
    db.execute("PRAGMA journal_mode = DELETE")


def carry_access(db: Database, current: Path) -> None:
    """Replace the access tables with those of the database at `current` (read only)."""
    db.execute("ATTACH DATABASE ? AS current", [f"{current.resolve().as_uri()}?mode=ro"])
    try:
        with write(db):
            for table in ACCESS_TABLES:
                mine = [c.name for c in db[table].columns]
                theirs = {r[1] for r in db.execute(f"PRAGMA current.table_info({table})")}
                shared = ", ".join(c for c in mine if c in theirs)
                db.execute(f"DELETE FROM main.{table}")
                if shared:
                    db.execute(
                        f"INSERT INTO main.{table} ({shared}) SELECT {shared} FROM current.{table}"
                    )
    finally:
        db.execute("DETACH DATABASE current")


def shut_out(db: Database, now: datetime) -> tuple[int, int]:
    """Revoke every token, end every session, drop login links and pairing requests.
    (revoked, ended)"""
    with write(db):
        revoked = db.execute(
            "UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL", [iso(now)]
        ).rowcount
        ended = db.execute("DELETE FROM sessions").rowcount
        for table in ("login_links", "pairing_requests"):
            db.execute(f"DELETE FROM {table}")
    return revoked, ended


def live_access(db: Database, now: datetime) -> tuple[int, int]:
    """(tokens not revoked, sessions not expired)"""
    tokens = db.execute("SELECT count(*) FROM tokens WHERE revoked_at IS NULL").fetchone()[0]
    sessions = db.execute(
        "SELECT count(*) FROM sessions WHERE expires_at >= ?", [iso(now)]
    ).fetchone()[0]
    return tokens, sessions
