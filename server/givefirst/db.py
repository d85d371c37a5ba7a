"""The database: opening it, migrating it, and the one way to write to it."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from flask import Flask, current_app, g

from givefirst.migrations import migrations


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the database with the pragmas every connection needs."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open and migrate: what the CLI and the app factory call."""
    db = connect(path)
    migrate(db)
    return db


def migrate(db: sqlite_utils.Database) -> None:
    """Apply pending migrations; applying them again is a no-op."""
    if db.memory is False:
        db.enable_wal()
    with write(db):
        migrations.apply(db)


@contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One transaction that takes the write lock up front (BEGIN IMMEDIATE).

    Taking the lock first means a write never fails half-way because another writer got there
    between our read and our write. Nested calls become savepoints.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def get_db() -> sqlite_utils.Database:
    """The request's connection, opened on first use."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(_error: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    """Migrate once at start-up and close each request's connection at teardown."""
    open_db(app.config["DATABASE"]).close()
    app.teardown_appcontext(close_db)
