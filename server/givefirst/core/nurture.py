"""The nurture list: who to give to this week, and why, ranked."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from givefirst.core.dates import short_day
from givefirst.core.ledger import Totals, totals_of, unreturned_favour
from givefirst.core.news import is_news
from givefirst.core.nudge import Subject, decide
from givefirst.core.suggestions import upcoming_dates
from givefirst.core.vocabulary import CADENCE_DAYS, Change, Fact, Interaction

NEWS_DAYS = 30
NEW_TIE_DAYS = 28  # how long a tie counts as new: its first weeks decide whether it lasts
# News weighs by closeness: a dormant strong tie comes before an acquaintance's new job.
NEWS_SCORE = {"inner": 400, "close": 400, "active": 300, "wider": 150, "acquaintance": 150}
STRONG_TIE = 3  # two-way interactions that make a tie worth reviving
OVERDUE_CAP = 300  # so years of silence in a wide circle never outrank someone waiting on you


@dataclass(frozen=True)
class Candidate:
    """One person with what the ranking needs to know about them."""

    id: int
    name: str
    circle: str
    created_at: datetime
    how_met: str | None = None
    history: Sequence[Interaction] = ()
    facts: Sequence[Fact] = ()
    changes: Sequence[Change] = ()
    totals: Totals | None = None  # with them, `history` may be the recent part (core/nudge.py)


@dataclass(frozen=True)
class Pick:
    candidate: Candidate
    reason: str
    why: str
    score: float


def rank(
    candidates: Iterable[Candidate], now: datetime, limit: int = 10, dormancy_days: int = 180
) -> list[Pick]:
    """The people most worth giving to now, best first (their card's nudge says how)."""
    picks = []
    for candidate in candidates:
        found = reasons_for(candidate, now)
        if not found:
            continue
        subject = Subject(
            name=candidate.name,
            known=True,
            history=candidate.history,
            totals=totals_of(candidate, now),
        )
        if decide(subject, now, dormancy_days).verdict == "give_space":
            continue  # their nudge says to send nothing new for now: not on a list of whom to give to
        reason, why, score = max(found, key=lambda item: item[2])
        picks.append(Pick(candidate, reason, why, round(score, 1)))
    picks.sort(key=lambda pick: (-pick.score, pick.candidate.name.lower()))
    return picks[:limit]


def reasons_for(person: Candidate, now: datetime) -> list[tuple[str, str, float]]:
    """Every reason to reach out to this person now, each with a score."""
    found = []
    first = person.name.split()[0] if person.name.split() else person.name
    totals = totals_of(person, now)
    waiting = [i for i in person.history if i.kind == "they_asked" and i.status == "open"]
    if waiting:
        oldest = min(i.occurred_at for i in waiting)
        days = (now - oldest).days
        found.append(
            ("waiting_on_you", f"{first} has waited {days} days for your help.", 1000 + days)
        )
    for fact, when in upcoming_dates(person.facts, now)[:1]:
        days = (when - now.date()).days
        found.append(
            ("date_soon", f"{fact.label.capitalize()} on {short_day(when)}.", 500 - 10 * days)
        )
    found += owed_and_new(person, totals, first, now)
    recent = sorted(
        (
            c
            for c in person.changes
            if is_news(c.field) and c.new and now - c.seen_at <= timedelta(days=NEWS_DAYS)
        ),
        key=lambda c: c.seen_at,
        reverse=True,
    )
    if recent:
        strong = totals.two_way >= STRONG_TIE
        score = max(NEWS_SCORE.get(person.circle, 150), 400 if strong else 0)
        found.append(("news", f"News: {recent[0].field} is now “{recent[0].new}”.", score))
    last = totals.last_contact
    cadence = CADENCE_DAYS.get(person.circle)
    if cadence:
        since = now - (last or person.created_at)
        if since > timedelta(days=cadence):
            when = f"last contact {since.days} days ago" if last else "no contact logged yet"
            found.append(
                (
                    "overdue",
                    f"{person.circle.capitalize()} circle, every {cadence} days: {when}.",
                    min(100 * since.days / cadence, OVERDUE_CAP),
                )
            )
    strength, two_way = totals.two_way, totals.last_two_way
    if strength >= STRONG_TIE and two_way and now - two_way > timedelta(days=180):
        found = [f for f in found if f[0] != "overdue"]  # the more telling reason of the two
        found.append(
            (
                "dormant_tie",
                f"Once close ({strength} conversations and exchanges), "
                f"quiet since {short_day(two_way.date())}.",
                250 + 5 * min(strength, 10),
            )
        )
    return found


def owed_and_new(
    person: Candidate, totals: Totals, first: str, now: datetime
) -> list[tuple[str, str, float]]:
    """A favour never returned (the first thing to mend), and a tie still in its first weeks."""
    found = []
    favour = unreturned_favour(person.history)
    if favour is not None:
        months = (now - favour.occurred_at).days // 30
        found.append(
            (
                "owe_return",
                f"{first} helped you on {short_day(favour.occurred_at.date())}"
                f" (“{favour.summary}”); you have not given back since.",
                450 + min(months, 40),
            )
        )
    # Newly met: the first conversation is recent, and the person is new to the memory or you
    # noted how you met (a first import of old friends, or the first log of an old tie, is not).
    met = totals.first_two_way
    new = now - person.created_at <= timedelta(days=NEW_TIE_DAYS) or bool(person.how_met)
    followed_up = totals.two_way >= 2  # a second conversation already happened
    if new and met and not followed_up and timedelta(0) <= now - met <= timedelta(NEW_TIE_DAYS):
        found.append(
            (
                "new_tie",
                f"Met {first} on {short_day(met.date())}: follow up in these "
                "first weeks, while the tie is new.",
                350,
            )
        )
    return found
