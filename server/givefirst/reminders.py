"""What is due on a day — who waits on you, dates coming up, check-ins — for the reminders API,
the extension's badge and notification, Today, `givefirst today` and the calendar feed."""

import re
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from givefirst.core import reminders
from givefirst.core.dates import short_day
from givefirst.core.reminders import Due, cadence_words, date_key
from givefirst.errors import Invalid
from givefirst.store import coming_dates, interactions, people
from givefirst.store import reminders as store

KEY = re.compile(r"(waiting|date|checkin|give):[A-Za-z0-9:._-]{1,200}")


def waiting(db: Database) -> list[Due]:
    return [
        Due(
            f"waiting:{row['id']}",
            "waiting",
            row["person_id"],
            row["name"],
            datetime.fromisoformat(row["occurred_at"]).date(),
            row["summary"],
        )
        for row in interactions.open_asks(db, "they_asked")
    ]


def dates_ahead(db: Database, today: date, days: int) -> list[Due]:
    """Fact dates from today through the next `days - 1` days, soonest first."""
    return [
        Due(
            date_key(row["id"], when := date.fromisoformat(row["day"])),
            "date",
            row["person_id"],
            row["name"],
            when,
            f"{row['label']}: {row['value']}",
            row["label"],
        )
        for row in coming_dates.listed(db, today, days)
    ]


def checkins(db: Database, until: date) -> list[Due]:
    """Check-ins due on or before `until`, most overdue first."""
    return [checkin_of(row) for row in store.checkins_until(db, until)]


def first_checkins(
    db: Database, until: date, limit: int, hidden: set[str]
) -> tuple[list[Due], int]:
    """The first `limit` of checkins(db, until) not in `hidden`, and how many there are."""
    rows, total = store.first_checkins_until(db, until, limit, hidden)
    return [checkin_of(row) for row in rows], total


def checkin_of(row: dict) -> Due:
    due = date.fromisoformat(row["next_due"])
    return Due(
        f"checkin:{row['person_id']}:{row['next_due']}",
        "checkin",
        row["person_id"],
        row["name"],
        due,
        f"Check in {cadence_words(row['cadence_days'])}: due {short_day(due)}",
    )


def due_on(db: Database, today: date) -> dict[str, list[Due]]:
    """Everything due on `today`, without what was done or is snoozed past it."""
    hidden = store.hidden_keys(db, today)
    groups = {
        "waiting": waiting(db),
        "dates": dates_ahead(db, today, reminders.DATES_AHEAD_DAYS),
        "checkins": checkins(db, today),
    }
    return {name: [i for i in items if i.key not in hidden] for name, items in groups.items()}


def answer(db: Database, today: date) -> dict:
    """The reminders API's answer: the groups, the badge's count and the one-line summary."""
    due = due_on(db, today)
    return {
        "date": today.isoformat(),
        **{name: [item.as_json() for item in items] for name, items in due.items()},
        "count": reminders.badge_count(due["waiting"], due["dates"], due["checkins"], today),
        "summary": reminders.summary(due["waiting"], due["dates"], due["checkins"], today),
    }


def read_key(key: object) -> str:
    """A reminder's key from an API body or an imported document."""
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise Invalid("key must be the key of a reminder, such as checkin:12:2026-06-01")
    return key


def mark(
    db: Database, key: object, person_id: object, action: object, today: date, now: datetime
) -> dict:
    """Mark one item "done", or snooze it for a "week" or a "month" from `today`."""
    key = read_key(key)
    if isinstance(person_id, bool) or not isinstance(person_id, int):
        raise Invalid("person_id must be the id of the person the reminder is about")
    people.row(db, person_id)  # 404 for someone who is not there (or could not be)
    if action == "done":
        state, until = "done", None
        if key.startswith("checkin:"):  # you checked in: the clock runs again from today
            every = store.keep_in_touch(db, [person_id]).get(person_id, {}).get("cadence_days")
            until = today + timedelta(days=every) if every else None
    elif action in reminders.SNOOZES:
        state, until = "snoozed", today + timedelta(days=reminders.SNOOZES[action])
    else:
        raise Invalid(f"action must be one of done, {', '.join(reminders.SNOOZES)}")
    store.set_state(db, key, person_id, state, until, now)
    return {"key": key, "state": state, "until": until.isoformat() if until else None}
