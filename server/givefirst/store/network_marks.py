"""Network health's derived data, as SQL: each interaction marked as the year's figures count
it (`network_marks`), the marks counted per day (`network_days`), and the people in each circle
and with a two-way interaction (`network_counts`), all kept by triggers (migrations.py, m1008)
in the transaction of every write.

A mark says whether an interaction is counted contact (core/network.py, `counts`), whether it
is a conversation leading into an ask (`lead_ins`), and whether it is my first move after a
silence (`episode_openings`). A write changes its own mark, the lead-ins in the days before it
and the move after it: the triggers mark those again (`marks_again`).
"""

from sqlite_utils import Database

from givefirst.core.network import ASK_LEAD, MINE, SILENCE

TIME_INDEX = "CREATE INDEX network_marks_time ON network_marks(occurred_at)"  # as m1008 made it
MARK_COLUMNS = "interaction_id, person_id, occurred_at, kind, counted, led, opens"
DAY_KEY = "day, kind, counted, led, opens"


def shifted(moment: str, days: int) -> str:
    """SQL: a stored time (ISO 8601 in UTC, as clock.iso writes it) `days` later, in the same
    form, so the two compare as text. Whole seconds are shifted; the fraction and offset kept."""
    return (
        f"(strftime('%Y-%m-%dT%H:%M:%S', substr({moment}, 1, 19), '{days:+d} days') "
        f"|| substr({moment}, 20))"
    )


def counted(row: str) -> str:
    """SQL: core/network.py's `counts` on an interactions row."""
    return f"({row}.kind != 'messaged' AND NOT ({row}.kind = 'they_asked' AND {row}.status IS 'declined'))"


def mark_select(where: str) -> str:
    """The marks of the interactions `where` selects (as `i`), from the histories."""
    mine = ", ".join(f"'{kind}'" for kind in MINE)
    # Before i in a history's order: earlier, or as early and written first (core sorts stably).
    before_i = "(b.occurred_at < i.occurred_at OR b.rowid < i.rowid)"
    return f"""
        SELECT i.id, i.person_id, i.occurred_at, i.kind, {counted("i")},
            {leads_into_an_ask("i")},
            CASE WHEN {counted("i")} AND i.kind IN ({mine}) THEN NOT EXISTS (SELECT 1
                FROM interactions b WHERE b.person_id = i.person_id
                AND b.occurred_at > {shifted("i.occurred_at", -SILENCE.days)}
                AND b.occurred_at <= i.occurred_at AND {before_i} AND {counted("b")}) ELSE 0 END
        FROM interactions i WHERE {where}"""


def leads_into_an_ask(row: str) -> str:
    """SQL: core/network.py's `lead_ins` on an interactions row: a conversation with an ask to
    the same person at the same time or up to ASK_LEAD later."""
    return f"""CASE WHEN {row}.kind = 'talked' THEN EXISTS (SELECT 1 FROM interactions a
        WHERE a.person_id = {row}.person_id AND a.kind = 'asked'
        AND a.occurred_at >= {row}.occurred_at
        AND a.occurred_at <= {shifted(f"{row}.occurred_at", ASK_LEAD.days)}) ELSE 0 END"""


def histories_marked(where: str) -> str:
    """The marks of whole histories (the people `where` selects, as `i`), each read in order
    once: the same marks as mark_select, which looks around each interaction on its own."""
    mine = ", ".join(f"'{kind}'" for kind in MINE)
    return f"""
        SELECT id, person_id, occurred_at, kind, counted, {leads_into_an_ask("m")},
            CASE WHEN counted AND kind IN ({mine}) THEN previous IS NULL
                OR previous <= {shifted("occurred_at", -SILENCE.days)} ELSE 0 END
        FROM (SELECT i.id, i.person_id, i.occurred_at, i.kind, {counted("i")} AS counted,
            max(CASE WHEN {counted("i")} THEN i.occurred_at END) OVER (PARTITION BY i.person_id
                ORDER BY i.occurred_at, i.rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                AS previous
            FROM interactions i WHERE {where}) m"""


def marks_again(person: str, moment: str) -> str:
    """SQL for a trigger: mark again what a write at `moment` in a person's history may have
    changed: the conversations up to ASK_LEAD before it, itself, and the next counted contact
    after it (whose silence before it is measured to here)."""
    until = (
        f"coalesce((SELECT n.occurred_at FROM interactions n WHERE n.person_id = {person} "
        f"AND n.occurred_at > {moment} AND {counted('n')} ORDER BY n.occurred_at LIMIT 1), "
        f"{moment})"
    )
    span = f"BETWEEN {shifted(moment, -ASK_LEAD.days)} AND {until}"
    return (
        f"DELETE FROM network_marks WHERE person_id = {person} AND occurred_at {span}; "
        f"INSERT INTO network_marks ({MARK_COLUMNS}) "
        f"{mark_select(f'i.person_id = {person} AND i.occurred_at {span}')};"
    )


def day_select(marks: str) -> str:
    return (
        f"SELECT substr(occurred_at, 1, 10) AS day, kind, counted, led, opens, count(*) "
        f"FROM {marks} GROUP BY {DAY_KEY}"
    )


def mark_again(db: Database, people: str, *, many: bool = False) -> None:
    """Mark the whole histories of `people` (an SQL list or subquery) again and count their
    days again, after bulk writes with the triggers of both set aside (store/bulk.py): once
    each, not row by row. `many`: more marks than there were (a first import): the time index
    is built once afterwards and the day counts counted again from all the marks, quicker than
    keeping either up to date mark by mark."""
    db.execute("CREATE TEMP TABLE network_days_touched (day TEXT PRIMARY KEY)")
    touched = (
        "INSERT OR IGNORE INTO temp.network_days_touched "
        f"SELECT substr(occurred_at, 1, 10) FROM network_marks WHERE person_id IN {people}"
    )
    if not many:
        db.execute(touched)  # the days they had marks on, and below, the days they have them on
    db.execute(f"DELETE FROM network_marks WHERE person_id IN {people}")
    marked = histories_marked(f"i.person_id IN {people}")
    if many:
        db.execute("DROP INDEX network_marks_time")
    db.execute(f"INSERT INTO network_marks ({MARK_COLUMNS}) {marked}")
    if many:
        db.execute(TIME_INDEX)
        db.execute("DELETE FROM network_days")
        db.execute(
            f"INSERT INTO network_days ({DAY_KEY}, interactions) {day_select('network_marks')}"
        )
    else:
        count_days_again(db, touched)
    db.execute("DROP TABLE temp.network_days_touched")


def count_days_again(db: Database, touched: str) -> None:
    """Count again the days in temp.network_days_touched, and the days `touched` adds to them."""
    db.execute(touched)
    db.execute("DELETE FROM network_days WHERE day IN (SELECT day FROM temp.network_days_touched)")
    on_those_days = (
        "(SELECT m.* FROM temp.network_days_touched d JOIN network_marks m "
        "ON m.occurred_at >= d.day AND m.occurred_at < d.day || 'T24')"  # any time that day
    )
    db.execute(f"INSERT INTO network_days ({DAY_KEY}, interactions) {day_select(on_those_days)}")


def triggers() -> str:
    """The triggers that keep the marks and the day counts; imports set them aside
    (store/bulk.py) and mark the people they wrote at the end (mark_again)."""
    day = "substr({row}.occurred_at, 1, 10), {row}.kind, {row}.counted, {row}.led, {row}.opens"
    same_day = " AND ".join(
        f"{column} = {row}"
        for column, row in zip(
            DAY_KEY.split(", "),
            ("substr(OLD.occurred_at, 1, 10)", "OLD.kind", "OLD.counted", "OLD.led", "OLD.opens"),
            strict=True,
        )
    )
    return f"""
        CREATE TRIGGER network_marks_insert AFTER INSERT ON interactions
        BEGIN {marks_again("NEW.person_id", "NEW.occurred_at")} END;
        CREATE TRIGGER network_marks_update
            AFTER UPDATE OF person_id, kind, status, occurred_at ON interactions
        BEGIN {marks_again("OLD.person_id", "OLD.occurred_at")}
            {marks_again("NEW.person_id", "NEW.occurred_at")} END;
        CREATE TRIGGER network_marks_delete AFTER DELETE ON interactions
        BEGIN {marks_again("OLD.person_id", "OLD.occurred_at")} END;
        CREATE TRIGGER network_days_insert AFTER INSERT ON network_marks
        BEGIN
            INSERT INTO network_days ({DAY_KEY}, interactions) VALUES ({day.format(row="NEW")}, 1)
            ON CONFLICT ({DAY_KEY}) DO UPDATE SET interactions = interactions + 1;
        END;
        CREATE TRIGGER network_days_delete AFTER DELETE ON network_marks
        BEGIN
            UPDATE network_days SET interactions = interactions - 1 WHERE {same_day};
            DELETE FROM network_days WHERE {same_day} AND interactions = 0;
        END;
        """


COUNTS_SELECT = """
    SELECT 'circle ' || circle, count(*) FROM people GROUP BY circle
    UNION ALL SELECT 'relationships', count(*) FROM person_summaries WHERE two_way > 0"""


def counts_triggers() -> str:
    """The triggers that keep `network_counts`: people in each circle, and people with a
    two-way interaction (from their summaries, migrations.py m1002), so that network health
    does not count the whole network each time."""

    def add(name: str, by: int) -> str:
        return (
            f"INSERT INTO network_counts (name, count) VALUES ({name}, {by}) "
            f"ON CONFLICT (name) DO UPDATE SET count = count + ({by});"
        )

    circle, two_way = "'circle ' || {row}.circle", "'relationships'"
    return f"""
        CREATE TRIGGER network_counts_person_insert AFTER INSERT ON people
        BEGIN {add(circle.format(row="NEW"), 1)} END;
        CREATE TRIGGER network_counts_person_delete AFTER DELETE ON people
        BEGIN {add(circle.format(row="OLD"), -1)} END;
        CREATE TRIGGER network_counts_person_circle AFTER UPDATE OF circle ON people
        WHEN OLD.circle IS NOT NEW.circle
        BEGIN {add(circle.format(row="OLD"), -1)} {add(circle.format(row="NEW"), 1)} END;
        CREATE TRIGGER network_counts_summary_insert AFTER INSERT ON person_summaries
        WHEN NEW.two_way > 0 BEGIN {add(two_way, 1)} END;
        CREATE TRIGGER network_counts_summary_delete AFTER DELETE ON person_summaries
        WHEN OLD.two_way > 0 BEGIN {add(two_way, -1)} END;
        CREATE TRIGGER network_counts_summary_update AFTER UPDATE OF two_way ON person_summaries
        WHEN (OLD.two_way > 0) != (NEW.two_way > 0)
        BEGIN {add(two_way, "CASE WHEN NEW.two_way > 0 THEN 1 ELSE -1 END")} END;
        """
