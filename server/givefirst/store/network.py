"""What network health reads (store/network_marks.py keeps it): the year's figures as a few
hundred day counts, plus the marks of the two days the year begins and ends in, and the
people in each circle as counts kept up to date, whatever the size of the network.
`givefirst doctor` checks all three against what they count."""

from datetime import date, datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.core.network import YEAR
from givefirst.store import network_months
from givefirst.store.connection import write
from givefirst.store.network_marks import (
    COUNTS_SELECT,
    DAY_KEY,
    MARK_COLUMNS,
    day_select,
    histories_marked,
)

YEAR_COUNTS = """
    SELECT month, kind, counted, led, opens, sum(n) FROM (
        SELECT month, kind, counted, led, opens, interactions AS n FROM network_months
        WHERE month > :first_month AND month < :last_month
        UNION ALL
        SELECT substr(day, 1, 7), kind, counted, led, opens, interactions FROM network_days
        WHERE day > :first_day AND day < :next_month AND day < :last_day
        UNION ALL
        SELECT substr(day, 1, 7), kind, counted, led, opens, interactions FROM network_days
        WHERE day >= :month_begun AND day < :last_day AND :first_month < :last_month
        UNION ALL
        SELECT substr(occurred_at, 1, 7), kind, counted, led, opens, 1 FROM network_marks
        WHERE occurred_at >= :start AND occurred_at < :after_first
        UNION ALL
        SELECT substr(occurred_at, 1, 7), kind, counted, led, opens, 1 FROM network_marks
        WHERE occurred_at >= :last_day AND occurred_at <= :now
    ) GROUP BY month, kind, counted, led, opens"""
ASKS_BY_DAY = """
    SELECT day, sum(interactions) FROM network_days
    WHERE day >= :first_day AND day <= :last_day AND kind = 'asked' GROUP BY day"""
ASK_TIMES = """
    SELECT occurred_at FROM network_marks
    WHERE occurred_at >= :start AND occurred_at <= :now AND kind = 'asked' ORDER BY occurred_at"""
REACHED_OUT = """
    SELECT count(*) FROM network_marks WHERE occurred_at >= :since AND occurred_at < :until
    AND (kind = 'gave' OR (kind = 'talked' AND NOT led))"""
COUNTS = "SELECT name, count FROM network_counts"
FIRST_LOGGED = "SELECT min(occurred_at) FROM interactions WHERE occurred_at <= :now"


def year_bounds(now: datetime) -> dict[str, str]:
    """The parameters of the queries above for the 365 days up to `now`: its first and last
    day are read as marks, the rest of their months as days, the months between whole."""
    start = iso(now - YEAR)
    first = date.fromisoformat(start[:10])
    last_day = iso(now)[:10]
    return {
        "start": start,
        "now": iso(now),
        "first_day": first.isoformat(),
        "after_first": (first + timedelta(days=1)).isoformat(),
        "first_month": first.isoformat()[:7],
        "next_month": (first.replace(day=28) + timedelta(days=4)).replace(day=1).isoformat(),
        "month_begun": last_day[:7] + "-01",
        "last_month": last_day[:7],
        "last_day": last_day,
    }


def year_counts(db: Database, now: datetime) -> list[tuple]:
    """(month, kind, counted, led, opens, interactions) over the last 365 days: whole months
    from the month counts, the rest of the first and last month from the day counts, the
    year's first and last day from their marks."""
    return db.execute(YEAR_COUNTS, year_bounds(now)).fetchall()


def asks_by_day(db: Database, now: datetime) -> dict[date, int]:
    """The year's asks per day, the year's first and last day whole (a bound, not a count)."""
    rows = db.execute(ASKS_BY_DAY, year_bounds(now))
    return {date.fromisoformat(day): asks for day, asks in rows}


def ask_times(db: Database, now: datetime) -> list[datetime]:
    """When each of the year's asks was made, in order."""
    return [from_db(row[0]) for row in db.execute(ASK_TIMES, year_bounds(now))]


def reached_out(db: Database, since: datetime, until: datetime) -> int:
    """Gives and conversations not leading into an ask in [since, until)."""
    found = db.execute(REACHED_OUT, {"since": iso(since), "until": iso(until)}).fetchone()
    return found[0]


def people_counts(db: Database) -> tuple[dict[str, int], int]:
    """(people in each circle, people with a two-way interaction)."""
    counts = dict(db.execute(COUNTS))
    circles = {
        name.removeprefix("circle "): count
        for name, count in counts.items()
        if name.startswith("circle ") and count
    }
    return circles, counts.get("relationships", 0)


def first_logged(db: Database, now: datetime) -> datetime | None:
    """When the first interaction up to now happened."""
    return from_db(db.execute(FIRST_LOGGED, {"now": iso(now)}).fetchone()[0])


def differences(db: Database) -> list[str]:
    """What `givefirst doctor` finds wrong: interactions whose mark is missing, extra or stale,
    days whose counts are not their marks', months whose counts are not their days', and the
    counts of people."""
    marks = f"""
        WITH computed AS ({histories_marked("1")}),
        stored AS (SELECT {MARK_COLUMNS} FROM network_marks)
        SELECT 1 FROM (SELECT * FROM computed EXCEPT SELECT * FROM stored)
        UNION ALL SELECT 1 FROM (SELECT * FROM stored EXCEPT SELECT * FROM computed)"""
    days = f"""
        WITH computed AS ({day_select("network_marks")}),
        stored AS (SELECT {DAY_KEY}, interactions FROM network_days)
        SELECT day FROM (SELECT * FROM computed EXCEPT SELECT * FROM stored)
        UNION SELECT day FROM (SELECT * FROM stored EXCEPT SELECT * FROM computed)"""
    counts = f"""
        WITH computed (name, count) AS ({COUNTS_SELECT}),
        stored AS (SELECT name, count FROM network_counts WHERE count != 0)
        SELECT name FROM (SELECT * FROM computed WHERE count != 0 EXCEPT SELECT * FROM stored)
        UNION SELECT name FROM (SELECT * FROM stored EXCEPT SELECT * FROM computed)"""
    found = []
    for what, sql in (
        ("interactions' network marks", marks),
        ("days' network counts", days),
        ("months' network counts", network_months.DIFFERENCES),
        ("counts of people", counts),
    ):
        wrong = len(db.execute(sql).fetchall())
        if wrong:
            found.append(f"{wrong:,} {what}")
    return found


def rebuild(db: Database) -> None:
    """Mark every interaction again and count the marks per day and month (their triggers
    count them), and count the people again."""
    with write(db):
        db.execute("DELETE FROM network_marks")
        db.execute("DELETE FROM network_days")  # what a drifted count left
        db.execute(f"INSERT INTO network_marks ({MARK_COLUMNS}) {histories_marked('1')}")
        db.execute("DELETE FROM network_months")  # what a drifted count left
        db.execute(
            f"INSERT INTO network_months ({network_months.MONTH_KEY}, interactions) "
            + network_months.MONTHS_SELECT
        )
        db.execute("DELETE FROM network_counts")
        db.execute(f"INSERT INTO network_counts (name, count) {COUNTS_SELECT}")
