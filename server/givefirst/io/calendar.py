"""Calendars (.ics): meetings you attended become `talked` with the people you met.

- A past meeting you attended (organised, or not declined) with at most 8 people becomes a
  `talked` with each attendee who did not decline. Someone you do not know yet becomes a
  connection, with how you met: the meeting's title and date — you did meet them.
- Declined and cancelled meetings, all-day events and larger meetings are left out, counted.
- A recurring series counts each occurrence you attended, at most once a week per person: the
  interaction's id is the series, the person and the ISO week (uuid5), so a re-import adds
  nothing and a daily stand-up is one conversation a week, not five.
- Meetings in the days ahead are kept (replaced at each read) for Today's "Coming up".
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from givefirst.clock import iso
from givefirst.core.dates import short_day
from givefirst.io.capped import read_bytes
from givefirst.io.entries import Batch, Exchange, Skipped
from givefirst.io.format import Format, Job
from givefirst.io.mail.messages import OwnAddressNeeded
from givefirst.io.reading import ImportProblem
from givefirst.sites.base import clean_text
from givefirst.store import emails, sources
from givefirst.store.emails import ADDRESS

if TYPE_CHECKING:  # loaded by the calendar's import only: every other command starts without it
    import icalendar

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://givefirst.invalid/import/calendar")
MAX_PEOPLE = 8  # you included
EVENT_PROPERTIES = {
    "UID",
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "EXRULE",
    "RECURRENCE-ID",
    "STATUS",
    "ATTENDEE",
    "ORGANIZER",
    "SEQUENCE",
}
HISTORY = timedelta(days=365 * 15)
AHEAD = timedelta(days=30)


@dataclass
class Meetings:
    """A calendar read: the batch of past meetings, and the ones ahead."""

    batch: Batch
    upcoming: list[dict] = field(default_factory=list)
    counted: set[str] = field(default_factory=set)  # interaction ids: once a week per person


def needed_lines(data: bytes) -> bytes:
    """The calendar without the event properties nothing here reads (descriptions, conference
    details, alarms…): parsing is most of the cost of a calendar, and a description is often
    most of an event. A folded property goes or stays whole; everything outside events (time
    zones) is kept as it is."""
    kept, depth, keep = [], 0, True  # depth: 1 inside an event, 2 and more inside its alarms
    for line in data.decode("utf-8", "replace").replace("\r\n", "\n").split("\n"):
        if line[:1] in (" ", "\t"):  # a folded line continues the property above it
            if keep:
                kept.append(line)
            continue
        name = line.split(":", 1)[0].split(";", 1)[0].strip().upper()
        value = line.split(":", 1)[-1].strip().upper()
        if name == "BEGIN" and (depth or value == "VEVENT"):
            depth += 1
            keep = depth == 1
        elif name == "END" and depth:
            keep = depth == 1
            depth -= 1
        else:
            keep = depth == 0 or (depth == 1 and name in EVENT_PROPERTIES)
        if keep:
            kept.append(line)
    return "\r\n".join(kept).encode()


def parse(data: bytes, source: str) -> "icalendar.Calendar":
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(needed_lines(data))
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise ImportProblem(source, None, f"is not a readable iCalendar file ({error})") from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise ImportProblem(source, None, "is not an iCalendar file (no VCALENDAR)")
    return calendar


def address(value: object) -> str | None:
    text = str(value).strip().lower().removeprefix("mailto:")
    return text if len(text) <= 254 and ADDRESS.fullmatch(text) else None


def people_of(event) -> dict[str, tuple[str, str]]:
    """address → (name, participation status) for the organiser and the attendees."""
    found: dict[str, tuple[str, str]] = {}
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    organiser = event.get("ORGANIZER")
    for value in [*attendees, *([organiser] if organiser else [])]:
        email = address(value)
        if not email:
            continue
        params = getattr(value, "params", {})
        status = str(params.get("PARTSTAT", "ACCEPTED")).upper()
        if value is organiser and email in found:
            continue
        found[email] = (clean_text(str(params.get("CN", "")))[:200], status)
    return found


def moment(value) -> datetime | None:
    """A start or end as an aware UTC time; None for a date (an all-day event)."""
    value = getattr(value, "dt", value)
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    if isinstance(value, date):
        return None
    return None


def read(data: bytes, source: str, me: set[str], known: set[str], now: datetime) -> Meetings:
    """Past meetings as a batch, and the meetings ahead; nothing is written."""
    calendar = parse(data, source)
    if not me:
        raise OwnAddressNeeded(source, proposal(calendar))
    found = Meetings(Batch(source=source))
    occurrences = expanded(calendar, source, now)
    new_people: dict[str, tuple[str, str]] = {}
    for number, event in enumerate(sorted(occurrences, key=start_key), 1):
        add_occurrence(found, event, number, me, now, new_people)
    for email, (name, how_met) in new_people.items():
        if email not in known:
            found.batch.add(source, 0, name or email.split("@")[0], emails=[email], how_met=how_met)
    return found


def expanded(calendar: "icalendar.Calendar", source: str, now: datetime) -> list:
    """Every occurrence from 15 years back to a month ahead. Only series are expanded by
    recurring-ical-events (which copies each occurrence); a one-off event is its occurrence."""
    events = calendar.walk("VEVENT")
    series = {
        str(e.get("UID"))
        for e in events
        if e.get("RRULE") or e.get("RDATE") or e.get("RECURRENCE-ID")
    }
    import icalendar
    import recurring_ical_events

    found = []
    for event in events:
        if str(event.get("UID")) not in series:
            start = moment(event.get("DTSTART"))
            if start is None or now - HISTORY <= start < now + AHEAD:
                found.append(event)
    recurring = icalendar.Calendar()
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE" or str(component.get("UID")) in series:
            recurring.add_component(component)
    try:
        found += recurring_ical_events.of(recurring).between(now - HISTORY, now + AHEAD)
    except Exception as error:  # the library raises its own and icalendar's for bad rules
        raise ImportProblem(source, None, f"has an event that cannot be read ({error})") from None
    return found


def start_key(event) -> str:
    start = event.get("DTSTART")
    return str(getattr(start, "dt", "")) if start else ""


def skip_reason(event, people: dict, me: set[str], start: datetime | None) -> str | None:
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return "cancelled"
    if start is None:
        return "all-day or without a time"
    mine = [people[email][1] for email in people if email in me]
    if not mine and people:
        return "you were not invited"
    if "DECLINED" in mine:
        return "you declined"
    if len(people) > MAX_PEOPLE:
        return f"more than {MAX_PEOPLE} people"
    if not [email for email in people if email not in me]:
        return "nobody else"
    return None


def add_occurrence(
    found: Meetings, event, number: int, me: set[str], now: datetime, new_people: dict
) -> None:
    title = clean_text(str(event.get("SUMMARY", "")))[:200] or "(untitled meeting)"
    people = people_of(event)
    start = moment(event.get("DTSTART"))
    reason = skip_reason(event, people, me, start)
    if reason:
        found.batch.skipped.append(Skipped(number, title, reason, subject="meeting"))
        return
    assert start is not None
    others = {e: v for e, v in people.items() if e not in me and v[1] != "DECLINED"}
    uid = clean_text(str(event.get("UID", ""))) or f"{title}:{iso(start)}"
    if start > now:
        found.upcoming.append(
            {
                "id": str(uuid.uuid5(NAMESPACE, f"ahead:{uid}:{iso(start)}")),
                "title": title,
                "starts_at": iso(start),
                "emails": sorted(others),
            }
        )
        return
    year, week, _ = start.isocalendar()
    day = short_day(start.date())
    for email, (name, _) in others.items():
        new_people.setdefault(email, (name, f"Met at “{title}” on {day}"))
        interaction_id = str(uuid.uuid5(NAMESPACE, f"meeting:{uid}:{email}:{year}-W{week}"))
        if interaction_id in found.counted:
            found.batch.skipped.append(
                Skipped(number, name or email, "met this week already", subject="meeting")
            )
            continue
        found.counted.add(interaction_id)
        found.batch.exchanges.append(
            Exchange(
                id=interaction_id,
                line=number,
                other_key="",
                other_name=name or email,
                kind="talked",
                summary=f"Meeting: “{title}”",
                occurred_at=iso(start),
                other_email=email,
            )
        )


def proposal(calendar: "icalendar.Calendar") -> str | None:
    """Whose calendar this is: its name when that is an address (Google's), else the address
    found in most events."""
    name = address(calendar.get("X-WR-CALNAME", ""))
    if name:
        return name
    counts: Counter = Counter()
    for event in calendar.walk("VEVENT"):
        counts.update(people_of(event))
    return counts.most_common(1)[0][0] if counts else None


def read_calendar(db, data: bytes, source: str, calendar: str, now: datetime) -> Batch:
    """A calendar's batch; importing it also replaces the calendar's meetings ahead."""
    found = read(data, source, set(emails.mine(db)), emails.everyone(db), now)
    found.batch.after.append(lambda db: sources.replace_meetings(db, calendar, found.upcoming))
    return found.batch


def read_job(job: Job) -> Batch:
    data = read_bytes(job.path)
    return read_calendar(job.db, data, job.path.name, f"file:{job.path.name}", job.now)


FORMAT = Format("ics", "Calendar (.ics)", (".ics", ".ical"), read_job)
