"""Keep-in-touch cadences, the last two-way contact they count from, and Today's items marked
done or snoozed."""

from datetime import date, datetime

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.core import reminders
from givefirst.core.vocabulary import CADENCE_DAYS
from givefirst.errors import Invalid, NotFound
from givefirst.store import checkin_clocks
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


# Check-ins due are read from each person's clock kept as a date (store/checkin_clocks.py),
# most overdue first, through the index of due dates: only those shown, and their day, are read.
DUE_FIRST = """
    SELECT k.person_id, p.name, k.from_circle, k.days, k.next_due
    FROM checkin_clocks k JOIN people p ON p.id = k.person_id
    WHERE k.next_due <= :until ORDER BY k.next_due, k.person_id LIMIT :limit"""
DUE_COUNT = "SELECT count(*) FROM checkin_clocks WHERE next_due <= :until"
DUE_ONE = """
    SELECT 1 FROM checkin_clocks
    WHERE person_id = :person_id AND next_due = :next_due AND next_due <= :until"""


def checkins_until(db: Database, until: date, limit: int = -1) -> list[dict]:
    """People whose next check-in falls on or before `until`, most overdue first (then by
    name); with `limit`, at least the first `limit` of them and the rest of the last one's day."""
    rows = db.execute(DUE_FIRST, {"until": until.isoformat(), "limit": limit}).fetchall()
    if 0 < limit == len(rows):  # the names order a day's check-ins: read the whole last day
        rows = db.execute(DUE_FIRST, {"until": rows[-1][4], "limit": -1}).fetchall()
    due = [
        {
            "person_id": pid,
            "name": name,
            "cadence_days": days,
            "cadence_from_circle": bool(from_circle),
            "next_due": next_due,
        }
        for pid, name, from_circle, days, next_due in rows
    ]
    return sorted(due, key=lambda item: (item["next_due"], item["name"].lower()))


def first_checkins_until(
    db: Database, until: date, limit: int, hidden: set[str]
) -> tuple[list[dict], int]:
    """The first `limit` of checkins_until but those whose key is in `hidden`, and how many
    there are in all without them."""
    hidden_checkins = [key for key in hidden if key.startswith("checkin:")]
    found = [
        item
        for item in checkins_until(db, until, limit + len(hidden_checkins))
        if f"checkin:{item['person_id']}:{item['next_due']}" not in hidden
    ]
    params = {"until": until.isoformat()}
    total = db.execute(DUE_COUNT, params).fetchone()[0]
    for key in hidden_checkins:
        _, person_id, next_due = (key.split(":") + ["", ""])[:3]
        one = {**params, "person_id": person_id, "next_due": next_due}
        total -= db.execute(DUE_ONE, one).fetchone() is not None
    return found[:limit], total


def clock_differences(db: Database) -> list[int]:
    """People whose stored check-in clock is not what it is worked out from (missing, extra
    or stale); `givefirst doctor` reports them."""
    columns = checkin_clocks.COLUMNS
    return [
        row[0]
        for row in db.execute(
            f"""
            WITH computed ({columns}) AS ({checkin_clocks.clocks_of("1")}),
            stored AS (SELECT {columns} FROM checkin_clocks)
            SELECT person_id FROM (SELECT * FROM computed EXCEPT SELECT * FROM stored)
            UNION SELECT person_id FROM (SELECT * FROM stored EXCEPT SELECT * FROM computed)
            ORDER BY 1
            """
        )
    ]


def rebuild_clocks(db: Database) -> int:
    """Work every check-in clock out again; returns how many run."""
    with write(db):
        db.execute("DELETE FROM checkin_clocks")
        columns = checkin_clocks.COLUMNS
        db.execute(f"INSERT INTO checkin_clocks ({columns}) {checkin_clocks.clocks_of('1')}")
        return db.execute("SELECT count(*) FROM checkin_clocks").fetchone()[0]


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
