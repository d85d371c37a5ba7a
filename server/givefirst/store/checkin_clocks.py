"""Each person's keep-in-touch clock as a stored date: when their next check-in is due.

core/reminders.py, next_due, says it: a cadence (the person's chosen one, else their circle's)
after the last two-way contact, else after they were added. Triggers on everything it reads
(people, person_cadences, person_summaries; migrations.py, m1009) keep `checkin_clocks` in the
same transaction as every write, so Today reads the most overdue through an index of due
dates instead of working out everyone's clock. Only people whose clock runs have a row.
The schema's SQL: store/reminders.py reads the clocks, checks them and builds them again.
"""

from givefirst.core.vocabulary import CADENCE_DAYS

COLUMNS = "person_id, days, from_circle, next_due"
CIRCLE_DAYS = " ".join(
    f"WHEN '{circle}' THEN {days}" for circle, days in CADENCE_DAYS.items() if days
)


def clocks_of(where: str) -> str:
    """The clocks of the people `where` selects (on people p), worked out from what they read.
    Timestamps are stored in UTC: the day a clock started is the date of its timestamp."""
    return f"""
        SELECT id, days, from_circle, date(since, '+' || days || ' days') FROM (
            SELECT p.id, c.person_id IS NULL AS from_circle,
                   CASE WHEN c.person_id IS NULL THEN CASE p.circle {CIRCLE_DAYS} END
                        ELSE c.days END AS days,
                   coalesce(s.last_two_way, p.created_at) AS since
            FROM people p
            LEFT JOIN person_summaries s ON s.person_id = p.id
            LEFT JOIN person_cadences c ON c.person_id = p.id
            WHERE {where}
        ) WHERE days"""


def refresh(person: str) -> str:
    """Work one person's clock out again (person: an SQL expression, such as NEW.id)."""
    return (
        f"DELETE FROM checkin_clocks WHERE person_id = {person}; "
        f"INSERT INTO checkin_clocks ({COLUMNS}) {clocks_of(f'p.id = {person}')};"
    )


def triggers() -> str:
    """The triggers that keep every clock in step with what it reads."""
    on = {
        "people_insert": ("AFTER INSERT ON people", "", ["NEW.id"]),
        "people_update": ("AFTER UPDATE OF circle, created_at ON people", "", ["NEW.id"]),
        "cadences_insert": ("AFTER INSERT ON person_cadences", "", ["NEW.person_id"]),
        "cadences_update": (
            "AFTER UPDATE ON person_cadences",
            "",
            ["OLD.person_id", "NEW.person_id"],
        ),
        "cadences_delete": ("AFTER DELETE ON person_cadences", "", ["OLD.person_id"]),
        "summaries_insert": ("AFTER INSERT ON person_summaries", "", ["NEW.person_id"]),
        "summaries_update": (
            "AFTER UPDATE OF last_two_way ON person_summaries",
            "WHEN OLD.last_two_way IS NOT NEW.last_two_way",
            ["NEW.person_id"],
        ),
        "summaries_delete": ("AFTER DELETE ON person_summaries", "", ["OLD.person_id"]),
    }
    return "\n".join(
        f"CREATE TRIGGER checkin_clocks_{name} {event} {when} "
        f"BEGIN {' '.join(refresh(person) for person in people)} END;"
        for name, (event, when, people) in on.items()
    )
