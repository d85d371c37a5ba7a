"""The day counts (store/network_marks.py) summed per month, kept by triggers on the days
(migrations.py, m1014): network health reads the year's whole months here and only the days
of the months it begins and ends in, a few hundred rows however busy the network is.

The triggers sit on `network_days` and are not set aside by bulk writes (store/bulk.py): every
way the days are written, row by row or counted again, passes through them.
"""

MONTH_KEY = "month, kind, counted, led, opens"
TABLE = f"""
    CREATE TABLE network_months (
        month TEXT NOT NULL,
        kind TEXT NOT NULL,
        counted INTEGER NOT NULL,
        led INTEGER NOT NULL,
        opens INTEGER NOT NULL,
        interactions INTEGER NOT NULL,
        PRIMARY KEY ({MONTH_KEY})
    ) WITHOUT ROWID"""
MONTHS_SELECT = """
    SELECT substr(day, 1, 7), kind, counted, led, opens, sum(interactions) FROM network_days
    GROUP BY substr(day, 1, 7), kind, counted, led, opens"""
DIFFERENCES = f"""
    WITH computed AS ({MONTHS_SELECT}),
    stored AS (SELECT {MONTH_KEY}, interactions FROM network_months)
    SELECT 1 FROM (SELECT * FROM computed EXCEPT SELECT * FROM stored)
    UNION ALL SELECT 1 FROM (SELECT * FROM stored EXCEPT SELECT * FROM computed)"""


def add(row: str) -> str:
    return f"""
        INSERT INTO network_months ({MONTH_KEY}, interactions)
        VALUES (substr({row}.day, 1, 7), {row}.kind, {row}.counted, {row}.led, {row}.opens,
            {row}.interactions)
        ON CONFLICT ({MONTH_KEY}) DO UPDATE SET interactions = interactions + excluded.interactions;
    """


def take_away(row: str) -> str:
    same_month = (
        f"month = substr({row}.day, 1, 7) AND kind = {row}.kind AND counted = {row}.counted "
        f"AND led = {row}.led AND opens = {row}.opens"
    )
    return f"""
        UPDATE network_months SET interactions = interactions - {row}.interactions
        WHERE {same_month};
        DELETE FROM network_months WHERE {same_month} AND interactions = 0;
    """


def triggers() -> str:
    return f"""
        CREATE TRIGGER network_months_add AFTER INSERT ON network_days
        BEGIN {add("NEW")} END;
        CREATE TRIGGER network_months_change AFTER UPDATE ON network_days
        BEGIN {take_away("OLD")} {add("NEW")} END;
        CREATE TRIGGER network_months_take_away AFTER DELETE ON network_days
        BEGIN {take_away("OLD")} END;
    """


def create() -> str:
    """The table, filled from the day counts, and its triggers (the migration's script)."""
    return f"""
        {TABLE};
        INSERT INTO network_months ({MONTH_KEY}, interactions) {MONTHS_SELECT};
        {triggers()}
    """
