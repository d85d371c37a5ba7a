"""Writing many rows at once (imports, merges): the derived data that triggers keep row by row
is worked out once at the end instead, in the same transaction, for the people written.

Row by row, the search index (migrations.py, m1004) writes a person's text again for each of
their profiles, tags and emails, and each summary (m1002) is folded once per interaction:
most of an import's time. Here the triggers are set aside inside the caller's transaction, TEMP
triggers note who was written, and at the end those people's search text and summaries are
built from what the tables hold. An error rolls the whole transaction back, the triggers with it.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from givefirst.migrations import SUMMARY_COLUMNS, search_rows, summary_select

REINDEX_FROM = 10_000  # interactions added, at least, before indexing them afterwards pays
BULK_CACHE = -32768  # KiB of page cache while writing many rows (SQLite's default: 2,000)
SET_ASIDE = ("people_search_%", "person_summaries_%")
WATCHED = {  # table → the column naming the person a row belongs to
    "people": "id",
    "profiles": "person_id",
    "person_tags": "person_id",
    "person_emails": "person_id",
    "interactions": "person_id",
}


def noting_triggers(last_interaction: int) -> list[str]:
    """TEMP triggers (they may write to the temp schema) that note each person written. New
    interactions, the most numerous rows, are found afterwards by their rowid, past the largest
    there was; only one that takes up a rowid freed by a delete is noted here."""
    found = []
    for table, column in WATCHED.items():
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            when = ""
            if (table, event) == ("interactions", "INSERT"):
                when = f"WHEN NEW.rowid <= {int(last_interaction)}"
            notes = " ".join(f"INSERT OR IGNORE INTO bulk_written VALUES ({row}.{column});"
                             for row in rows)  # fmt: skip
            found.append(f"CREATE TEMP TRIGGER bulk_{table}_{event.lower()} AFTER {event} "
                         f"ON main.{table} {when} BEGIN {notes} END")  # fmt: skip
    return found


def interaction_indexes(db: Database) -> list[tuple[str, str]]:
    """(name, sql) of the indexes on interactions that may be dropped (not the key's)."""
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' "
        "AND sql IS NOT NULL"
    ).fetchall()


@contextmanager
def interactions_indexed_after(db: Database, adding: int) -> Iterator[None]:
    """Adding more interactions than there are (a first import): without the time indexes
    while rows go in, then indexed once, sorted, which is several times quicker than keeping
    indexes of scattered keys up to date row by row."""
    present = db.execute("SELECT coalesce(max(rowid), 0) FROM interactions").fetchone()[0]
    dropped = interaction_indexes(db) if adding > max(present, REINDEX_FROM) else []
    for name, _ in dropped:
        db.execute(f"DROP INDEX {name}")
    yield
    for _, sql in dropped:
        db.execute(sql)


@contextmanager
def derived_at_the_end(db: Database, interactions: int = 0) -> Iterator[None]:
    """Within a write transaction: set the row-by-row triggers aside while the body writes,
    then build the search text and summaries of everyone it wrote. `interactions`: about how
    many the body adds (see interactions_indexed_after)."""
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
    try:
        with interactions_indexed_after(db, interactions):
            yield
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")
    db.execute("INSERT OR IGNORE INTO bulk_written "
               "SELECT person_id FROM interactions WHERE rowid > ?", [last])  # fmt: skip
    for trigger in noting_triggers(last):
        db.execute(f"DROP TRIGGER temp.{trigger.split()[3]}")
    for _, sql in kept:
        db.execute(sql)
    written = "(SELECT id FROM temp.bulk_written)"
    db.execute(f"DELETE FROM people_search WHERE rowid IN {written}")
    db.execute(search_rows(f"p.id IN {written}"))
    db.execute(f"DELETE FROM person_summaries WHERE person_id IN {written}")
    db.execute(
        f"INSERT INTO person_summaries ({SUMMARY_COLUMNS}) "
        f"{summary_select(f'i.person_id IN {written}')}"
    )
    db.execute("DROP TABLE temp.bulk_written")
