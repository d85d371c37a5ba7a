"""The database: opening it, migrating it, and the one way to write to it."""

import functools
import logging
import math
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils
from sqlite_utils.db import dedupe_keys

from givefirst import private_files
from givefirst.config import default_data_folder
from givefirst.core.news import company_key
from givefirst.store.migrations import migrations

if TYPE_CHECKING:  # Flask is imported where it serves, not by every command of the CLI
    from flask import Flask

log = logging.getLogger("givefirst")


class Store(sqlite_utils.Database):
    """sqlite-utils' Database, reading without the SAVEPOINT/RELEASE pair it wraps around every
    query (two extra statements per read on the hot path). Only statements that start with
    SELECT take the short way: a WITH may end in a write, and keeps the guarded one."""

    file: tuple | None = None  # the file a kept connection was opened on (Kept, identity)

    def query(self, sql: str, params=None):
        if sql.lstrip()[:6].upper() != "SELECT" or self._tracer:
            return super().query(sql, params)
        cursor = self.conn.execute(sql, params if params is not None else ())
        if cursor.description is None:  # a PRAGMA-like SELECT that returned nothing
            raise ValueError("query() can only be used with SQL that returns rows")
        keys = dedupe_keys(d[0] for d in cursor.description)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        """Inside a transaction (the migrations'), the statements one at a time, split where a
        semicolon ends one: sqlite-utils joins the statement again at every character, which
        made migrating a new database take a second."""
        if not self.conn.in_transaction or self._tracer:
            return super().executescript(sql)
        cursor, statement = self.conn.cursor(), ""
        for piece in sql.split(";"):
            statement += piece + ";"
            if sqlite3.complete_statement(statement):
                cursor.execute(statement)
                statement = ""
        if statement.strip(" \n;"):
            raise ValueError(f"an incomplete statement: {statement[:80]!r}")
        return cursor


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the database with the pragmas every connection needs."""
    if str(path) != ":memory:":
        private_files.create_file(Path(path))  # before SQLite makes it with the umask's mode
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    db = Store(conn, execute_plugins=False)
    # Companies compare as their names without legal forms ("Helio Grid GmbH" is Helio Grid):
    # profiles.employer_key holds it, filled in by each write transaction (store/profiles.py).
    db.register_function(
        company_key,
        name="company_key",
        deterministic=True,
        replace=True,
    )
    with_pow(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    # FULL: with WAL, NORMAL may lose the last acknowledged writes when the power goes.
    db.execute("PRAGMA synchronous = FULL")
    return db


def with_pow(conn: sqlite3.Connection) -> None:
    """The summaries' triggers decay the balance with SQL's pow(), which SQLite has only when
    built with its math functions (most builds since 3.35): elsewhere, Python's stands in."""
    try:
        conn.execute("SELECT pow(2.0, 1.0)")
    except sqlite3.OperationalError:
        conn.create_function("pow", 2, math.pow, deterministic=True)


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open and migrate: what the CLI and the app factory call."""
    db = connect(path)
    migrate(db)
    if str(path) != ":memory:":  # once it is known to be a database: another file is left be
        tighten(Path(path))
    return db


def path_of(db: sqlite_utils.Database) -> Path:
    """The file of the connection's main database ("" in memory)."""
    return Path(db.conn.execute("PRAGMA database_list").fetchone()[2])


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
        from givefirst.store.profiles import fill_employer_keys  # store imports this module

        fill_employer_keys(db)  # in the same transaction as the company it follows
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
        if in_request():  # an error after this must not say that nothing changed
            sys.modules["flask"].g.committed = True


def in_request() -> bool:
    """Whether a Flask request is being served; without Flask loaded there is none (the CLI)."""
    flask = sys.modules.get("flask")
    return flask is not None and flask.has_request_context()


def get_db() -> sqlite_utils.Database:
    """The request's connection, opened on first use.

    `givefirst serve` keeps its connections open between requests (KEEP_CONNECTIONS, Kept):
    opening one per request meant that closing the last one checkpointed and deleted the WAL,
    which the next request made again. Elsewhere (tests, the CLI) each request opens and
    closes its own.
    """
    from flask import current_app, g

    if "db" not in g:
        kept = current_app.extensions.get(KEPT)
        g.db = kept.take() if kept is not None else connect(current_app.config["DATABASE"])
    return g.db


def close_db(_error: BaseException | None = None) -> None:
    from flask import current_app, g

    db = g.pop("db", None)
    if db is None:
        return
    kept = current_app.extensions.get(KEPT)
    if kept is None:
        db.close()
        return
    if db.conn.in_transaction:  # never carry a request's transaction into the next one
        db.conn.execute("ROLLBACK")
    kept.give(db)


KEPT = "givefirst.connections"


class Kept:
    """The service's connections, kept open between requests and shared by its threads.

    Opening one takes milliseconds, and a new one starts with an empty page cache: a request
    takes the connection given back last, whose cache is the warmest, and `warm` opens as many
    as the server has threads before the first request comes. A connection to a file that has
    since been replaced (a restore) is closed, and a new one opened.
    """

    def __init__(self, path: str | Path):
        self.path = path
        self.idle: list[sqlite_utils.Database] = []
        self.lock = threading.Lock()

    def take(self) -> sqlite_utils.Database:
        wanted, stale, found = identity(self.path), [], None
        with self.lock:
            while self.idle and found is None:
                db = self.idle.pop()
                if db.file == wanted:
                    found = db
                else:
                    stale.append(db)
        for db in stale:
            db.close()
        if found is None:
            found = connect(self.path)
            found.file = wanted
        return found

    def give(self, db: sqlite_utils.Database) -> None:
        with self.lock:
            self.idle.append(db)

    def warm(self, count: int) -> None:
        """Open `count` connections now, each with the schema read (its first statement's work)."""
        opened = [self.take() for _ in range(count)]
        for db in opened:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self.give(db)


@functools.lru_cache(maxsize=16)
def resolved(path: str | Path) -> str:
    """The absolute path, worked out once per name: resolving takes longer than a lookup's queries."""
    return str(Path(path).resolve())


def identity(path: str | Path) -> tuple:
    """Which file `path` names now: a file moved into its place needs a new connection."""
    key = resolved(path)
    try:
        stat = os.stat(key)
    except OSError:
        return (key, None)
    return (key, stat.st_dev, stat.st_ino)


def init_app(app: "Flask") -> None:
    """Migrate once at start-up and close each request's connection at teardown."""
    open_db(app.config["DATABASE"]).close()
    app.teardown_appcontext(close_db)
