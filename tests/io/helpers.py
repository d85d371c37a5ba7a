"""Fixture paths and whole-database comparisons for the import, export and backup tests."""

import zipfile
from pathlib import Path

from givefirst.io import import_file
from givefirst.io.tables import TABLES as DATA_TABLES  # every table that holds your data

from tests.conftest import NOW

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> Path:
    return FIXTURES / name


def load(db, kind: str, name: str, **options):
    """Import a fixture file (or any path) at the tests' fixed time."""
    path = name if isinstance(name, Path) else fixture(name)
    return import_file(db, kind, path, now=NOW, **options)


def contents(db) -> dict[str, list[tuple]]:
    """Every row of every data table, sorted: two databases hold the same when these are equal."""
    return {
        table: sorted(tuple(row) for row in db.execute(f"SELECT * FROM {table}"))
        for table in DATA_TABLES
    }


def linkedin_archive(folder: Path) -> Path:
    """The two LinkedIn fixtures packed as the export ZIP packs them, in a dated folder."""
    archive = folder / "Basic_LinkedInDataExport_01-15-2025.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name in ("Connections.csv", "messages.csv"):
            out.write(fixture(f"linkedin/{name}"), f"Basic_LinkedInDataExport/{name}")
    return archive


def person_named(db, name: str) -> dict:
    rows = list(db.query("SELECT * FROM people WHERE name = ?", [name]))
    assert len(rows) == 1, f"{len(rows)} people named {name}"
    return rows[0]


def keys_of(db, person_id: int) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT key FROM profiles WHERE person_id = ? ORDER BY key", [person_id]
        )
    ]


def emails_of(db, person_id: int) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT email FROM person_emails WHERE person_id = ? ORDER BY email", [person_id]
        )
    ]


def tags_of(db, person_id: int) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT tag FROM person_tags WHERE person_id = ? ORDER BY tag", [person_id]
        )
    ]


def facts_of(db, person_id: int) -> dict[str, tuple]:
    return {
        r[0]: (r[1], r[2])
        for r in db.execute("SELECT label, value, date FROM facts WHERE person_id = ?", [person_id])
    }
