"""Writing many rows at once (imports, merges): `Writes` holds what a plan decided and `write`
writes it with one statement per table and shape of row (executemany), in an order the foreign
keys accept. The derived data that triggers keep row by row is worked out once at the end
instead (`derived_at_the_end`), in the same transaction, for the people written.

Row by row, the search index (migrations.py, m1004) writes a person's text again for each of
their profiles, tags and emails, and each summary (m1002) is folded once per interaction:
most of an import's time. Here the triggers are set aside inside the caller's transaction, TEMP
triggers note who was written, and at the end those people's search text, summaries (with
their unanswered streaks), check-in clocks (m1009) and network marks (m1008, with the days
they fall on) are built from what the tables hold, one statement for each over all of them.
An error rolls the whole transaction back, the triggers with it.
"""

import itertools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter

from sqlite_utils import Database

from givefirst.core.news import company_key
from givefirst.store import checkin_clocks, sources, streaks
from givefirst.store.migrations import SUMMARY_COLUMNS, search_rows, summary_select
from givefirst.store.network_marks import mark_again
from givefirst.store.profiles import OBSERVED

Conflict = sqlite3.IntegrityError  # rows that do not hold together (a key or a reference)
INSERT_ORDER = (
    "people",
    "profiles",
    "profile_snapshots",
    "person_tags",
    "person_emails",
    "person_sources",
    "interactions",
    "facts",
    "ask_reviews",
    "person_cadences",
    "reminder_states",
)
# A person's tag, email or source held already is left as it is: the planner compares them
# without case, as these tables' keys do not all do.
KEPT_IF_THERE = ("person_tags", "person_emails", "person_sources")

STAGED_FROM = 500  # rows, at least, before a TEMP table first pays
REINDEX_FROM = 10_000  # interactions added, at least, before indexing them afterwards pays
BULK_CACHE = -32768  # KiB of page cache while writing many rows (SQLite's default: 2,000)
SET_ASIDE = (
    "people_search_%",
    "person_summaries_%",  # with the streak's triggers (store/streaks.py)
    "network_marks_%",
    "network_days_%",
    "checkin_clocks_%",
    "profiles_employer_insert",  # new profiles come with their employer key (with_employer_keys)
)
WATCHED = {  # table → the column naming the person a row belongs to
    "people": "id",
    "profiles": "person_id",
    "person_tags": "person_id",
    "person_emails": "person_id",
    "interactions": "person_id",
    "person_cadences": "person_id",  # a check-in clock follows the cadence chosen
}


@dataclass
class Writes:
    """What a plan writes: rows to insert and rows to update, nothing written yet."""

    inserts: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in INSERT_ORDER})
    # (table, key column) → key → the columns to set; a row updated twice sets the union
    updates: dict[tuple[str, str], dict[object, dict]] = field(default_factory=dict)
    profile_fills: list[dict] = field(default_factory=list)  # {key, field: value}: only if empty
    replies: list[dict] = field(default_factory=list)  # a message answered since: now talked
    threads: list[tuple[str, str, str]] = field(default_factory=list)  # sources.save_threads

    def insert(self, table: str, row: dict) -> None:
        self.inserts[table].append(row)

    def update(self, table: str, key: str, row: dict) -> None:
        self.updates.setdefault((table, key), {}).setdefault(row[key], {}).update(row)


def write(
    db: Database, writes: Writes, but: tuple[str, ...] = (), checked: tuple[str, ...] = ()
) -> None:
    """Write the plan, but the rows to insert into the tables `but` names; the caller holds
    the write transaction (connection.write). `checked`: tables whose rows the caller checked
    by the rules of the tables' CHECK constraints (see insert_rows)."""
    for table, rows in writes.inserts.items():
        if table not in but:
            kept, vouched = table in KEPT_IF_THERE, table in checked
            if table == "profiles":
                rows = with_employer_keys(rows)
            insert_rows(db, table, rows, or_ignore=kept, checked=vouched)
    fills = ", ".join(f"{f} = coalesce({f}, :{f})" for f in OBSERVED)
    rows = [{**dict.fromkeys(OBSERVED), **fill} for fill in writes.profile_fills]
    db.conn.executemany(f"UPDATE profiles SET {fills} WHERE key = :key", rows)
    db.conn.executemany(
        "UPDATE interactions SET kind = 'talked', summary = :summary, occurred_at = :occurred_at, "
        "updated_at = :updated_at WHERE id = :id AND kind = 'messaged'",
        writes.replies,
    )
    for (table, key), by_key in writes.updates.items():
        update_rows(db, table, key, list(by_key.values()))
    sources.save_threads(db, writes.threads)


def with_employer_keys(rows: list[dict]) -> list[dict]:
    """New profiles with the employer key each write transaction would work out for them
    afterwards (store/profiles.py, fill_employer_keys): written with the row, where the table's
    trigger is set aside (derived_at_the_end), rather than each row updated again. Where the
    trigger is not set aside it clears the key, and the transaction fills it in as before."""
    if not rows or "employer_key" in rows[0]:
        return rows
    return [
        {**row, "employer_key": None if row.get("company") is None else company_key(row["company"])}
        for row in rows
    ]


def insert_rows(
    db: Database, table: str, rows: list[dict], *, or_ignore: bool = False, checked: bool = False
) -> None:
    """One INSERT for many rows that all have the same keys (given to SQLite as tuples, which
    it binds quicker than names looked up in each row). Many rows go through a TEMP table
    without constraints first, then into the table in one INSERT ... SELECT: what SQLite does
    once per statement (its constraint checks' lists, each trigger's program) is then done
    once, not once per row. `checked`: every row passed the checks the table's CHECK
    constraints make (an interaction's kind and weight: io/quick_checks.py, or the store's
    checked_row), so SQLite does not make them again for each of many rows; keys, NOT NULL
    and references are checked as ever."""
    if not rows:
        return
    columns = list(rows[0])
    names, values = ", ".join(columns), ", ".join("?" * len(columns))
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    pick = itemgetter(*columns)  # of one column: the value, not a tuple of it
    as_tuples = map(pick, rows) if len(columns) > 1 else ((pick(row),) for row in rows)
    if len(rows) < STAGED_FROM:
        db.conn.executemany(f"{verb} INTO {table} ({names}) VALUES ({values})", as_tuples)
        return
    db.conn.execute(f"CREATE TEMP TABLE bulk_rows ({names})")
    try:
        db.conn.executemany(f"INSERT INTO temp.bulk_rows VALUES ({values})", as_tuples)
        db.conn.execute(f"PRAGMA ignore_check_constraints = {int(checked)}")
        db.conn.execute(
            f"{verb} INTO main.{table} ({names}) SELECT {names} FROM temp.bulk_rows ORDER BY rowid"
        )
    finally:
        db.conn.execute("PRAGMA ignore_check_constraints = 0")
        db.conn.execute("DROP TABLE IF EXISTS temp.bulk_rows")  # gone if SQLite rolled back


def update_rows(db: Database, table: str, key: str, rows: list[dict]) -> None:
    """UPDATE each row by its `key`: one statement for each run of rows setting the same
    columns (an import's all do; a merge's differ in which columns are newer there)."""
    for columns, run in itertools.groupby(rows, key=lambda row: tuple(row)):
        sets = ", ".join(f"{c} = :{c}" for c in columns if c != key)
        db.conn.executemany(f"UPDATE {table} SET {sets} WHERE {key} = :{key}", list(run))


def noting_triggers(last_interaction: int) -> list[str]:
    """TEMP triggers (they may write to the temp schema) that note each person written. New
    interactions, the most numerous rows, are found afterwards by their rowid, past the largest
    there was; only one that takes up a rowid freed by a delete is noted here."""
    found = []
    for table, column in WATCHED.items():
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            when = ""
            if (table, event) == ("interactions", "INSERT"):
                if not last_interaction:  # none there: every new one comes after the largest
                    continue
                when = f"WHEN NEW.rowid <= {int(last_interaction)}"
            notes = " ".join(
                f"INSERT OR IGNORE INTO bulk_written VALUES ({row}.{column});" for row in rows
            )
            found.append(
                f"CREATE TEMP TRIGGER bulk_{table}_{event.lower()} AFTER {event} "
                f"ON main.{table} {when} BEGIN {notes} END"
            )
    return found


def interaction_indexes(db: Database) -> list[tuple[str, str]]:
    """(name, sql) of the indexes on interactions that may be dropped (not the key's)."""
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' "
        "AND sql IS NOT NULL"
    ).fetchall()


class IndexedAfter:
    """Adding more interactions than there are (a first import): without the time indexes
    while rows go in, then indexed once, sorted, which is several times quicker than keeping
    indexes of scattered keys up to date row by row. `adding` is told how many come, all at
    once or as a stream of them goes in; the indexes go once the count passes those there."""

    def __init__(self, db: Database):
        self.db, self.added, self.dropped = db, 0, []
        self.present = db.execute("SELECT coalesce(max(rowid), 0) FROM interactions").fetchone()[0]

    def adding(self, count: int) -> None:
        self.added += count
        if not self.dropped and self.added > max(self.present, REINDEX_FROM):
            self.dropped = interaction_indexes(self.db)
            for name, _ in self.dropped:
                self.db.execute(f"DROP INDEX {name}")

    def restore(self) -> None:
        for _, sql in self.dropped:
            self.db.execute(sql)


@contextmanager
def derived_at_the_end(db: Database, interactions: int = 0) -> Iterator[Callable[[int], None]]:
    """Within a write transaction: set the row-by-row triggers aside while the body writes,
    then build the search text, summaries, streaks, check-in clocks and network marks of
    everyone it wrote. `interactions`: about how many the body adds; a body that learns it as
    it goes tells the function it is given (IndexedAfter.adding)."""
    if not db.conn.in_transaction:
        raise RuntimeError("derived_at_the_end needs the caller's write transaction")
    kept = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND ("
        + " OR ".join("name LIKE ?" for _ in SET_ASIDE)
        + ")",
        SET_ASIDE,
    ).fetchall()
    for name, _ in kept:
        db.execute(f"DROP TRIGGER {name}")
    db.execute("CREATE TEMP TABLE bulk_written (id INTEGER PRIMARY KEY)")
    last = db.execute("SELECT coalesce(max(rowid), 0) FROM interactions").fetchone()[0]
    for trigger in noting_triggers(last):
        db.execute(trigger)
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {BULK_CACHE}")  # indexes of random keys: fewer page reads
    indexes = IndexedAfter(db)
    indexes.adding(interactions)
    try:
        yield indexes.adding
        indexes.restore()
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")
    db.execute(
        "INSERT OR IGNORE INTO bulk_written SELECT person_id FROM interactions WHERE rowid > ?",
        [last],
    )
    for trigger in noting_triggers(last):
        db.execute(f"DROP TRIGGER temp.{trigger.split()[3]}")  # the same list as made above
    build_derived(db, "(SELECT id FROM temp.bulk_written)", many=bool(indexes.dropped))
    for _, sql in kept:
        db.execute(sql)
    db.execute("DROP TABLE temp.bulk_written")


def build_derived(db: Database, written: str, *, many: bool) -> None:
    """The derived data of the people `written` (an SQL subquery), each kind built in one
    statement over all of them, with its triggers still set aside."""
    mark_again(db, written, many=many)  # the day counts are not kept row by row
    if db.execute("SELECT 1 FROM people_search LIMIT 1").fetchone():  # none in a first import
        db.execute(f"DELETE FROM people_search WHERE rowid IN {written}")
    db.execute(search_rows(f"p.id IN {written}"))
    db.execute(f"DELETE FROM person_summaries WHERE person_id IN {written}")
    db.execute(
        f"INSERT INTO person_summaries ({SUMMARY_COLUMNS}) "
        f"{summary_select(f'i.person_id IN {written}')}"
    )
    db.execute(
        f"UPDATE person_summaries SET unanswered = {streaks.unanswered('person_summaries')} "
        f"WHERE person_id IN {written}"
    )
    db.execute(f"DELETE FROM checkin_clocks WHERE person_id IN {written}")
    db.execute(
        f"INSERT INTO checkin_clocks ({checkin_clocks.COLUMNS}) "
        f"{checkin_clocks.clocks_of(f'p.id IN {written}')}"
    )
