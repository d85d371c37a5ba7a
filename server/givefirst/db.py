"""The database: opening it, migrating it, and the one way to write to it."""

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from flask import Flask, current_app, g, has_request_context

from givefirst import private_files
from givefirst.config import default_data_folder
from givefirst.migrations import migrations

log = logging.getLogger("givefirst")


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the database with the pragmas every connection needs."""
    if str(path) != ":memory:":
        private_files.create_file(Path(path))  # before SQLite makes it with the umask's mode
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    # FULL: with WAL, NORMAL may lose the last acknowledged writes when the power goes.
    db.execute("PRAGMA synchronous = FULL")
    return db


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open and migrate: what the CLI and the app factory call."""
    db = connect(path)
    migrate(db)
    if str(path) != ":memory:":  # once it is known to be a database: another file is left be
        tighten(Path(path))
    return db


def tighten(path: Path) -> None:
    """An existing database that others could read becomes private, with one line saying so."""
    folder = path.parent
    loosened = private_files.tighten_database(path)
    if folder == default_data_folder() and private_files.tighten_folder(folder):
        loosened.append(folder)
    if loosened:
        log.warning(
            "givefirst: made %s readable by you only (others could read %s before)",
            ", ".join(str(p) for p in loosened),
            "it" if len(loosened) == 1 else "them",
        )


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
        if has_request_context():  # an error after this must not say that nothing changed
            g.committed = True


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
