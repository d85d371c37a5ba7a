"""Keep-in-touch cadences, the last two-way contact they count from, and Today's items marked
done or snoozed."""

from datetime import date, datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.core import reminders
from givefirst.core.vocabulary import CADENCE_DAYS
from givefirst.errors import Invalid, NotFound
from givefirst.store.connection import write

FROM_CIRCLE = "circle"  # what PATCH sends to go back to the circle's default
KEEPS_CLOCK = tuple(circle for circle, days in CADENCE_DAYS.items() if days)
# Kept by triggers in person_summaries (migrations.py, m1002): the same max over the history.
LAST_TWO_WAY = "(SELECT s.last_two_way FROM person_summaries s WHERE s.person_id = p.id)"
STATES = ("done", "snoozed")


def checked_cadence_days(value: object) -> int | None | str:
    """A cadence from an API body or a form: days (1–3650), null for none, or "circle"."""
    if value is None or value == FROM_CIRCLE:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid('cadence_days must be a number of days, null for none, or "circle"')
    if not 1 <= value <= reminders.MAX_CADENCE_DAYS:
        raise Invalid(f"cadence_days must be from 1 to {reminders.MAX_CADENCE_DAYS}")
    return value


def set_cadence(db: Database, person_id: int, value: object, now: datetime) -> None:
    """Choose how often to be in touch with someone; "circle" goes back to the default."""
    days = checked_cadence_days(value)
    with write(db):
        if days == FROM_CIRCLE:
            db.execute("DELETE FROM person_cadences WHERE person_id = ?", [person_id])
            return
        db.execute(
            "INSERT INTO person_cadences (person_id, days, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(person_id) DO UPDATE SET days = excluded.days, "
            "updated_at = excluded.updated_at",
            [person_id, days, iso(now)],
        )


def keep_in_touch(db: Database, person_ids: list[int]) -> dict[int, dict]:
    """Each person's cadence, whether it is their circle's, and when they are next due."""
    found: dict[int, dict] = {}
    for start in range(0, len(person_ids), 500):
        part = person_ids[start : start + 500]
        marks = ",".join("?" * len(part))
        for row in db.query(
            f"SELECT p.id, p.circle, p.created_at, c.person_id AS chosen, c.days, "
            f"{LAST_TWO_WAY} AS last_two_way FROM people p "
            f"LEFT JOIN person_cadences c ON c.person_id = p.id WHERE p.id IN ({marks})",
            part,
        ):
            found[row["id"]] = clock_of(row)
    return found


def clock_of(row: dict) -> dict:
    days = reminders.cadence(row["circle"], row["days"], row["chosen"] is not None)
    due = reminders.next_due(days, from_db(row["last_two_way"]), from_db(row["created_at"]))
    return {
        "cadence_days": days,
        "cadence_from_circle": row["chosen"] is None,
        "next_due": due.isoformat() if due else None,
    }


CIRCLE_DAYS = " ".join(
    f"WHEN '{circle}' THEN {days}" for circle, days in CADENCE_DAYS.items() if days
)
# Who is due a check-in on or before :until, as core/reminders.py's next_due says: a cadence
# after the last two-way contact, else after they were added. Timestamps are stored in UTC, so
# "due by :until" is "since sorts before the day after :until less the cadence" (:before, one
# per circle; work it out for a chosen cadence), and only the people due get a date worked out.
DUE = f"""
    WITH clocks AS (
        SELECT p.id, p.name, c.person_id IS NULL AS from_circle,
               CASE WHEN c.person_id IS NULL THEN CASE p.circle {CIRCLE_DAYS} END
                    ELSE c.days END AS days,
               CASE WHEN c.person_id IS NULL THEN CASE p.circle :before END
                    ELSE date(:until, '-' || (c.days - 1) || ' days') END AS before,
               coalesce(s.last_two_way, p.created_at) AS since
        FROM people p NOT INDEXED
        LEFT JOIN person_summaries s ON s.person_id = p.id
        LEFT JOIN person_cadences c ON c.person_id = p.id
    )
    SELECT id, name, from_circle, days, date(since, '+' || days || ' days') AS next_due
    FROM clocks WHERE days AND since < before"""


def due_sql(until: date) -> tuple[str, dict]:
    """DUE with each circle's first day not yet due written in, and its parameters."""
    before = " ".join(
        f"WHEN '{circle}' THEN '{(until - timedelta(days=days - 1)).isoformat()}'"
        for circle, days in CADENCE_DAYS.items()
        if days
    )
    return DUE.replace(":before", before), {"until": until.isoformat()}


def checkins_until(db: Database, until: date) -> list[dict]:
    """People whose next check-in falls on or before `until`, most overdue first."""
    due = [
        {
            "person_id": pid,
            "name": name,
            "cadence_days": days,
            "cadence_from_circle": bool(from_circle),
            "next_due": next_due,
        }
        for pid, name, from_circle, days, next_due in db.execute(*due_sql(until))
    ]
    return sorted(due, key=lambda item: (item["next_due"], item["name"].lower()))


def first_checkins_until(
    db: Database, until: date, limit: int, hidden: set[str]
) -> tuple[list[dict], int]:
    """The first `limit` of checkins_until but those whose key is in `hidden`, and how many
    there are in all without them."""
    found = [
        item
        for item in checkins_until(db, until)
        if f"checkin:{item['person_id']}:{item['next_due']}" not in hidden
    ]
    return found[:limit], len(found)


def hidden_keys(db: Database, today: date) -> set[str]:
    """Keys of items done for good, or snoozed (or done for one cadence) past `today`."""
    return {
        row[0]
        for row in db.execute(
            "SELECT key FROM reminder_states WHERE (state = 'done' AND until IS NULL) OR until > ?",
            [today.isoformat()],
        )
    }


def set_state(
    db: Database, key: str, person_id: int, state: str, until: date | None, now: datetime
) -> None:
    """Mark one item done, or snoozed until a day; marking it again replaces the last mark."""
    if state not in STATES:
        raise Invalid(f"state must be one of {', '.join(STATES)}")
    with write(db):
        if not db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone():
            raise NotFound(f"there is no person {person_id}")
        db.execute(
            "INSERT INTO reminder_states (key, person_id, state, until, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET person_id = excluded.person_id, "
            "state = excluded.state, until = excluded.until, updated_at = excluded.updated_at",
            [key, person_id, state, until.isoformat() if until else None, iso(now)],
        )


def chosen_cadences(db: Database) -> dict[int, dict]:
    """Every cadence a person chose, by person: {days (None: no clock), updated_at}."""
    return {
        row["person_id"]: {"days": row["days"], "updated_at": row["updated_at"]}
        for row in db.query("SELECT person_id, days, updated_at FROM person_cadences")
    }


def all_states(db: Database) -> list[dict]:
    """Every item marked done or snoozed, by person and key."""
    return list(
        db.query(
            "SELECT person_id, key, state, until, updated_at FROM reminder_states "
            "ORDER BY person_id, key"
        )
    )
