"""Reminders: the keep-in-touch clock, what is due on a day, and the one line that sums it up.

Plain functions over plain values; the store gathers them and the API, the dashboard, the
calendar feed and the command line show them.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from givefirst.core.vocabulary import CADENCE_DAYS, plural

DATES_AHEAD_DAYS = 7  # "dates coming up": this week, as Today shows them
MAX_CADENCE_DAYS = 3650
SNOOZES = {"week": 7, "month": 30}  # the snoozes Today offers, in days


@dataclass(frozen=True)
class Due:
    """One thing due: someone waiting on you, a date coming up, or a check-in."""

    key: str  # names this occurrence, so done or snoozed stays so (and only for it)
    kind: str  # "waiting" | "date" | "checkin"
    person_id: int
    name: str
    when: date
    text: str
    label: str = ""  # a date's label ("birthday"), for the summary line

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "kind": self.kind,
            "person_id": self.person_id,
            "name": self.name,
            "date": self.when.isoformat(),
            "text": self.text,
        }


def cadence(circle: str, chosen: int | None, set_by_person: bool) -> int | None:
    """Days between check-ins: what the person chose for someone, else their circle's."""
    return chosen if set_by_person else CADENCE_DAYS.get(circle)


def next_due(days: int | None, last_two_way: datetime | None, known_since: datetime) -> date | None:
    """When the next check-in is due: a cadence after the last two-way contact (or after you
    added them, if you have not talked yet); None when nobody keeps the clock for them."""
    if not days:
        return None
    return (last_two_way or known_since).date() + timedelta(days=days)


def give_key(person_id: int, today: date) -> str:
    """A nurture pick marked done leaves Today's list for the rest of this week."""
    year, week, _ = today.isocalendar()
    return f"give:{person_id}:{year}-W{week:02d}"


def date_key(fact_id: str, when: date) -> str:
    """A date coming up marked done or snoozed: the fact and the day it falls on."""
    return f"date:{fact_id}:{when.isoformat()}"


def hidden_dates(keys: Collection[str]) -> set[tuple[str, str]]:
    """The (fact id, day) of each date key among these (date_key's parts)."""
    found = set()
    for key in keys:
        if key.startswith("date:"):
            fact_id, _, day = key.removeprefix("date:").rpartition(":")
            found.add((fact_id, day))
    return found


# Keys that name the person by their id in this database (checkin:12:2026-06-01,
# give:12:2026-W23); other keys name a fact or an interaction by its stable id.
PERSON_KEYS = ("checkin", "give")


def key_owner(key: str) -> str | None:
    """The person id a check-in or give key carries, as written; None for other keys."""
    kind, _, rest = key.partition(":")
    return rest.split(":", 1)[0] if kind in PERSON_KEYS else None


def rekeyed(key: str, person_id: int) -> str:
    """The same key for the same person under their id here (an import may give a new one)."""
    if key_owner(key) is None:
        return key
    kind, _, rest = key.partition(":")
    return ":".join((kind, str(person_id), *rest.split(":")[1:]))


def first_name(name: str) -> str:
    words = name.split()
    return words[0] if words else name


def possessive(name: str) -> str:
    """'Jonas's', as the issue's own example writes it (and most style guides)."""
    return f"{name}'s"


def day_words(when: date, today: date) -> str:
    """'today', 'tomorrow', 'Thursday' within the week, else '24 June'."""
    days = (when - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if 1 < days < 7:
        return when.strftime("%A")
    return f"on {when.day} {when.strftime('%B')}"


def waiting_words(names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"{names[0]} is waiting on you"
    if len(names) == 2:
        return f"{names[0]} and {names[1]} are waiting on you"
    return f"{names[0]} and {len(names) - 1} others are waiting on you"


def summary(
    waiting: Sequence[Due], dates: Sequence[Due], checkins: Sequence[Due], today: date
) -> str:
    """ "Ines is waiting on you; Jonas's birthday is Thursday; 3 check-ins due" — empty when
    nothing is due."""
    parts = []
    names = list(dict.fromkeys(first_name(item.name) for item in waiting))
    if names:
        parts.append(waiting_words(names))
    if dates:
        soonest = dates[0]
        label = soonest.label.lower() or "date"
        line = f"{possessive(first_name(soonest.name))} {label} is {day_words(soonest.when, today)}"
        if len(dates) > 1:
            line += f" ({plural(len(dates) - 1, 'more date')} this week)"
        parts.append(line)
    if checkins:
        parts.append(f"{plural(len(checkins), 'check-in')} due")
    return "; ".join(parts)


def badge_count(
    waiting: Sequence[Due], dates: Sequence[Due], checkins: Sequence[Due], today: date
) -> int:
    """How many people are waiting on you or due today (a date today counts too)."""
    due_today = [item for item in dates if item.when == today]
    return len({item.person_id for item in (*waiting, *checkins, *due_today)})


CADENCE_CHOICES = (14, 30, 90, 180, 365)  # what the person page offers, besides any number
CADENCE_NAMES = {
    7: "every week",
    14: "every 2 weeks",
    30: "every month",
    60: "every 2 months",
    90: "every 3 months",
    180: "every 6 months",
    365: "every year",
}


def cadence_words(days: int | None) -> str:
    """14 → 'every 2 weeks', 90 → 'every 3 months', None → 'never'."""
    if not days:
        return "never"
    return CADENCE_NAMES.get(days, f"every {plural(days, 'day')}")
