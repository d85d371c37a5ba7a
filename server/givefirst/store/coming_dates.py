"""Dates coming up: the facts whose date next falls within a window of days, worked out in
SQL, so that Today reads a count per day and only the dates it shows, however many people
have a birthday this week. The rule is core/suggestions.py's next_occurrence: a yearly date
(--MM-DD, or a label such as a birthday's) falls on its month and day, a fixed date on itself.
"""

import calendar
import json
from collections.abc import Collection
from datetime import date, timedelta

from sqlite_utils import Database

from givefirst.core.suggestions import RECURRING_LABELS

LONGEST = 365  # days: within them each month and day falls once

# SQLite's lower() folds ASCII letters only; Python's lower() turns no other letter into one
# of these words' (only the Kelvin sign becomes an ASCII "k"), so both find the same labels.
YEARLY_LABEL = " OR ".join(
    f"instr(lower(f.label), :label{n}) > 0" for n in range(len(RECURRING_LABELS))
)
COMING = f"""
    WITH days (key, day) AS (SELECT value ->> 0, value ->> 1 FROM json_each(:days)),
    hidden (id, day) AS (SELECT value ->> 0, value ->> 1 FROM json_each(:hidden)),
    coming AS (
        SELECT f.id, f.person_id, f.label, f.value, d.day, f.created_at
        FROM days AS d JOIN facts AS f
            ON f.date IS NOT NULL AND substr(f.date, -5) = d.key
        WHERE (substr(f.date, 1, 2) = '--' OR f.date = d.day OR {YEARLY_LABEL})
        AND (f.id, d.day) NOT IN (SELECT id, day FROM hidden)
    )"""
PER_DAY = f"{COMING} SELECT day, count(*) FROM coming GROUP BY day"
LISTED = f"""{COMING}
    SELECT c.id, c.person_id, p.name, c.label, c.value, c.day FROM coming AS c
    JOIN people AS p ON p.id = c.person_id
    WHERE c.day <= :through ORDER BY c.day, c.created_at"""


def window(first: date, days: int) -> dict[str, str]:
    """Each month and day of the window (MM-DD) → the day it falls on; 29 February falls on
    the 28th in a common year."""
    if not 0 < days <= LONGEST:
        raise ValueError(f"a window of 1 to {LONGEST} days, not {days}")
    found = {}
    for n in range(days):
        day = first + timedelta(days=n)
        found[day.strftime("%m-%d")] = day.isoformat()
        if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
            found["02-29"] = day.isoformat()
    return found


def parameters(first: date, days: int, hidden: Collection[tuple[str, str]]) -> dict:
    return {
        "days": json.dumps(list(window(first, days).items())),
        "hidden": json.dumps(sorted(hidden)),
        **{f"label{n}": word for n, word in enumerate(RECURRING_LABELS)},
    }


def per_day(
    db: Database, first: date, days: int, hidden: Collection[tuple[str, str]] = ()
) -> dict[date, int]:
    """How many dates fall on each day of the window, without the hidden (fact id, day)s."""
    rows = db.execute(PER_DAY, parameters(first, days, hidden))
    return {date.fromisoformat(day): count for day, count in rows}


def listed(
    db: Database,
    first: date,
    days: int,
    hidden: Collection[tuple[str, str]] = (),
    through: date | None = None,
) -> list[dict]:
    """The dates falling in the window up to `through` (its end if None), without the hidden
    ones, soonest first and by name (compared as Python folds case, which SQLite does for
    ASCII only): {id, person_id, name, label, value, day}."""
    found = parameters(first, days, hidden)
    found["through"] = (through or first + timedelta(days=days - 1)).isoformat()
    cursor = db.execute(LISTED, found)
    names = [column[0] for column in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor]
    return sorted(rows, key=lambda row: (row["day"], row["name"].lower()))
