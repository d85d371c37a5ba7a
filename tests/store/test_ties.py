"""Relationships and connections counted in SQL agree with the vocabulary's definition."""

import sqlite3
from datetime import UTC, datetime

import pytest
from givefirst.core.vocabulary import KINDS, STATUSES, Interaction, two_way_sql

CASES = [(kind, status) for kind in KINDS for status in STATUSES.get(kind, (None,))]


@pytest.mark.parametrize(("kind", "status"), CASES)
def test_the_sql_two_way_condition_is_the_vocabularys(kind, status):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE interactions (kind TEXT, status TEXT)")
    conn.execute("INSERT INTO interactions VALUES (?, ?)", [kind, status])
    (in_sql,) = conn.execute(f"SELECT {two_way_sql('i')} FROM interactions i").fetchone()
    when = datetime(2026, 1, 1, tzinfo=UTC)
    assert bool(in_sql) == Interaction("x", kind, "x", when, status).is_two_way
