"""Reading whole tables, in key order: what exports, the JSON document and merges read.

Table and column names come from the callers' constants (io/tables.py, io/document.py), never
from a file or a request.
"""

from collections.abc import Iterator, Sequence

from sqlite_utils import Database


def columns_of(db: Database, table: str) -> list[str]:
    """The table's columns, in the schema's order."""
    return [column.name for column in db[table].columns]


def select(table: str, columns: Sequence[str], order: Sequence[str]) -> str:
    return f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(order)}"


def values(
    db: Database, table: str, columns: Sequence[str], order: Sequence[str] | None = None
) -> Iterator[tuple]:
    """The table's rows as tuples of `columns`, ordered by `order` (default: its primary key)."""
    return db.execute(select(table, columns, order or db[table].pks))


def records(
    db: Database, table: str, columns: Sequence[str], order: Sequence[str] | None = None
) -> Iterator[dict]:
    """The table's rows as dicts of `columns`, ordered as `values` orders them."""
    return db.query(select(table, columns, order or db[table].pks))
