"""What imports and merges read at once before they plan: everyone, their profiles, which
emails, sources and tags they hold, in memory (io/planner.py keeps it current as a plan grows).

One query per table, not one per entry: an import of thousands of rows reads each table once.
"""

from sqlite_utils import Database

BATCH = 500  # ids per `IN (…)`, well under SQLite's limit on parameters

OWNED = {"email": "person_emails", "source": "person_sources"}  # compared without case
RECORDS = ("interactions", "facts", "ask_reviews")


def people(db: Database) -> dict[int, dict]:
    return {row["id"]: row for row in db.query("SELECT * FROM people")}


def profiles(db: Database) -> dict[str, dict]:
    return {row["key"]: row for row in db.query("SELECT * FROM profiles")}


def owners(db: Database, column: str) -> dict[str, int]:
    """lower(email) or lower(source) → the person who holds it."""
    return dict(db.execute(f"SELECT lower({column}), person_id FROM {OWNED[column]}"))


def tags(db: Database) -> set[tuple[int, str]]:
    """(person id, lower(tag)) of every tag held."""
    return {(person_id, tag.lower()) for person_id, tag in db.execute("SELECT * FROM person_tags")}


def facts(db: Database) -> set[tuple[int, str, str]]:
    """(person id, lower(label), lower(value)) of every fact."""
    return {
        (person_id, label.lower(), value.lower())
        for person_id, label, value in db.execute("SELECT person_id, label, value FROM facts")
    }


def snapshots(db: Database) -> set[tuple[str, str, str]]:
    """(profile key, seen_at, fields) of every change recorded on a profile."""
    return set(
        db.execute(
            "SELECT p.key, s.seen_at, s.fields FROM profile_snapshots s "
            "JOIN profiles p ON p.id = s.profile_id"
        )
    )


def records(db: Database, table: str, ids: list[str]) -> dict[str, dict]:
    """Those of `ids` that are interactions, facts or reviews (`table`) here, by id."""
    if table not in RECORDS:
        raise ValueError(table)
    found: dict[str, dict] = {}
    for start in range(0, len(ids), BATCH):
        part = ids[start : start + BATCH]
        sql = f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(part))})"
        found.update((row["id"], row) for row in db.query(sql, part))
    return found


def snapshot_ids(db: Database) -> set[int]:
    return {row[0] for row in db.execute("SELECT id FROM profile_snapshots")}


def interaction_kinds(db: Database, ids: list[str]) -> dict[str, str]:
    """id → kind of those of `ids` that are here."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), BATCH):
        part = ids[start : start + BATCH]
        sql = f"SELECT id, kind FROM interactions WHERE id IN ({','.join('?' * len(part))})"
        found.update(db.execute(sql, part))
    return found


def review_ids(db: Database, ids: list[str]) -> set[str]:
    """Those of `ids` that are reviews here already."""
    found: set[str] = set()
    for start in range(0, len(ids), BATCH):
        part = ids[start : start + BATCH]
        sql = f"SELECT id FROM ask_reviews WHERE id IN ({','.join('?' * len(part))})"
        found.update(row[0] for row in db.execute(sql, part))
    return found


def empty(db: Database, table: str) -> bool:
    """Whether `table` (interactions, facts or reviews) holds no rows at all."""
    if table not in RECORDS:
        raise ValueError(table)
    return db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None
