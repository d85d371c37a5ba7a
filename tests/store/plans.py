"""What SQLite says it will do with a query (EXPLAIN QUERY PLAN), for the plan tests."""

import re

from sqlite_utils import Database

# "SCAN people", "SCAN p", but not "SCAN p USING INDEX …" (a walk of an index in its order,
# bounded by a LIMIT or an index range) nor a scan of a CTE or subquery's own rows.
TABLE_SCAN = re.compile(r"^SCAN (\w+)$")


def plan(db: Database, sql: str, params) -> list[str]:
    return [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]


def scans(
    steps: list[str],
    ctes: tuple[str, ...] = ("m", "my_tags", "my_employers", "colleagues", "matches"),
) -> list[str]:
    return [s for s in steps if (m := TABLE_SCAN.match(s)) and m.group(1) not in ctes]


def through_index(db: Database, name: str, read: tuple[str, object, str]) -> list[str]:
    """The plan of one named read (query, parameters, index), held to go through its index
    without scanning a table; the steps, for what else a test holds of them."""
    sql, params, index = read
    steps = plan(db, sql, params)
    assert any(index in step for step in steps), steps
    assert scans(steps) == [], f"{name} scans a table: {steps}"
    return steps
