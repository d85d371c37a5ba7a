"""The reminders calendar: dates coming up and check-ins due, as iCalendar (RFC 5545).

A desktop calendar subscribes to it (`GET /api/v1/reminders.ics?token=…`, with the feed's own
token); `givefirst reminders ics PATH` writes the same to a file.
"""

from datetime import date, datetime, timedelta

import icalendar
from sqlite_utils import Database

from givefirst import __version__
from givefirst import reminders as due
from givefirst.core.reminders import Due, first_name, possessive
from givefirst.store import reminders as store

FEED_DAYS = 365  # how far ahead the calendar shows dates and check-ins
MEDIA_TYPE = "text/calendar; charset=utf-8"


def title(item: Due) -> str:
    if item.kind == "date":
        return f"{possessive(first_name(item.name))} {item.label.lower()}"
    return f"Check in with {item.name}"


def event(item: Due, today: date, now: datetime) -> icalendar.Event:
    """One all-day event; an overdue check-in shows on today."""
    day = max(item.when, today)
    found = icalendar.Event()
    found.add("uid", f"{item.key}@givefirst")
    found.add("dtstamp", now)
    found.add("dtstart", day)
    found.add("dtend", day + timedelta(days=1))
    found.add("summary", title(item))
    found.add("description", item.text)
    found.add("transp", "TRANSPARENT")  # a reminder, not a busy hour
    return found


def items(db: Database, today: date) -> list[Due]:
    """Dates and check-ins over the next year, without what was done or snoozed."""
    hidden = store.hidden_keys(db, today)
    found = due.dates_ahead(db, today, FEED_DAYS) + due.checkins(
        db, today + timedelta(days=FEED_DAYS)
    )
    return [item for item in found if item.key not in hidden]


def calendar(db: Database, today: date, now: datetime) -> bytes:
    """The whole feed as iCalendar bytes."""
    feed = icalendar.Calendar()
    feed.add("prodid", f"-//givefirst//reminders {__version__}//EN")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", "givefirst reminders")
    for item in sorted(items(db, today), key=lambda i: (max(i.when, today), i.name.lower())):
        feed.add_component(event(item, today, now))
    return feed.to_ical()
