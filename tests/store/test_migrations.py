"""The schema is built only by recorded migrations, and applying them twice changes nothing."""

import sqlite3

from givefirst.store.connection import connect, migrate, open_db
from givefirst.store.migrations import migrations


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
