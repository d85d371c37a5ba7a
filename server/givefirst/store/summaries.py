"""Per-person summaries of the interactions: derived data the whole-network views read.

Triggers keep `person_summaries` in step with every write of an interaction (migrations.py,
m1002); this module checks them against the whole histories and builds them again.
"""

from sqlite_utils import Database

from givefirst.db import write
from givefirst.migrations import SUMMARY_COLUMNS, summary_select

COMPUTED = summary_select("1")


def differences(db: Database) -> list[int]:
    """People whose stored summary is not what their history says (missing, extra or stale)."""
    return [
        row[0]
        for row in db.execute(
            f"""
            WITH computed ({SUMMARY_COLUMNS}) AS ({COMPUTED}),
            stored AS (SELECT {SUMMARY_COLUMNS} FROM person_summaries)
            SELECT person_id FROM (SELECT * FROM computed EXCEPT SELECT * FROM stored)
            UNION
            SELECT person_id FROM (SELECT * FROM stored EXCEPT SELECT * FROM computed)
            ORDER BY 1
            """
        )
    ]


def rebuild(db: Database) -> int:
    """Work every summary out again from the histories; returns how many people have one."""
    with write(db):
        db.execute("DELETE FROM person_summaries")
        db.execute(f"INSERT INTO person_summaries ({SUMMARY_COLUMNS}) {COMPUTED}")
        return db.execute("SELECT count(*) FROM person_summaries").fetchone()[0]


def of(db: Database, person_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM person_summaries WHERE person_id = ?", [person_id]))
    return rows[0] if rows else None
