"""The schema is built only by recorded migrations, and applying them twice changes nothing."""

import sqlite3

from givefirst.store.connection import connect, migrate, open_db
from givefirst.store.migrations import migrations

from tests.store.plans import plan


def schema(db) -> list[str]:
    return sorted(
        row[0] for row in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
    )


def test_migrations_create_every_table(tmp_path):
    db = open_db(tmp_path / "a.db")
    expected = {
        "people",
        "person_tags",
        "profiles",
        "interactions",
        "facts",
        "profile_snapshots",
        "tokens",
        "pairing_requests",
        "pairing_failures",
        "_sqlite_migrations",
    }
    assert expected <= set(db.table_names())
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]


def test_applying_migrations_twice_is_a_no_op(tmp_path):
    path = tmp_path / "a.db"
    db = open_db(path)
    before = (schema(db), list(db["_sqlite_migrations"].rows))
    migrate(db)
    db.close()
    again = open_db(path)
    assert (schema(again), list(again["_sqlite_migrations"].rows)) == before
    assert migrations.pending(again) == []


def test_the_database_uses_wal_and_enforces_foreign_keys(tmp_path):
    db = open_db(tmp_path / "a.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    try:
        db.execute(
            "INSERT INTO profiles (key, person_id, site, url, added_at) VALUES ('x:a', 999, 'x', 'u', 'now')"
        )
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("a profile without its person was accepted")


def test_a_new_database_directory_is_created(tmp_path):
    path = tmp_path / "deep" / "er" / "givefirst.db"
    connect(path).close()
    assert path.parent.is_dir()


def key_columns(db, index: str) -> list[tuple[str, str]]:
    """(column, collation) of an index's keys, in order (not the rowid it ends with)."""
    return [(row[2], row[4]) for row in db.execute(f"PRAGMA index_xinfo('{index}')") if row[5]]


def test_no_index_is_the_beginning_of_another(tmp_path):
    """An index whose columns begin another index on the same table answers nothing that one
    does not, and every write keeps it up to date for nothing (a unique or a partial index
    says more, and is let be)."""
    db = open_db(tmp_path / "a.db")
    redundant = []
    for table in db.table_names():
        listed = db.execute(f"PRAGMA index_list('{table}')").fetchall()
        whole = [
            (name, unique, key_columns(db, name)) for _, name, unique, _, part in listed if not part
        ]
        for name, unique, columns in whole:
            if unique:
                continue
            longer = [other for other, _, more in whole if more[: len(columns)] == columns]
            redundant += [(table, name, other) for other in longer if other != name]
    assert redundant == []


def test_people_and_employers_are_found_through_an_index_without_the_narrow_ones(tmp_path):
    db = open_db(tmp_path / "a.db")
    for sql, index in (
        ("SELECT key FROM profiles WHERE person_id = 1", "profiles_person_employer"),
        ("SELECT person_id FROM profiles WHERE employer_key = 'acme'", "profiles_employer_person"),
    ):
        steps = plan(db, sql, [])
        assert any(index in step for step in steps), steps
