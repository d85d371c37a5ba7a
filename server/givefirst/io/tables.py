"""CSV exports, one file per table, for spreadsheets and other tools.

The same tables and columns the JSON document holds; tokens and pairing requests stay out.
A text cell that a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or a
carriage return) is written with a leading apostrophe, so opening the file runs nothing.
"""

import csv
from pathlib import Path

from sqlite_utils import Database

from givefirst.io.private import open_private
from givefirst.store import everything

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TABLES = (
    "people",
    "person_tags",
    "person_emails",
    "person_sources",
    "profiles",
    "profile_snapshots",
    "interactions",
    "facts",
    "ask_reviews",
    "person_cadences",
    "reminder_states",
)


def write_tables(db: Database, folder: Path) -> dict[str, int]:
    """`<table>.csv` in `folder` for every table; returns the rows written per table."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        columns = everything.columns_of(db, table)
        path = folder / f"{table}.csv"
        with open_private(path) as out:
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(columns)
            counts[table] = 0
            for row in everything.values(db, table, columns):
                writer.writerow([inert(cell) for cell in row])
                counts[table] += 1
    return counts


def inert(cell: object) -> object:
    """A text cell a spreadsheet would take for a formula, quoted with an apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
