"""Network health: which of the three kinds of networker the user is, and the figures behind it.

- only_when_needed: asks outweigh gives, most contacts after a silence open with an ask, or a
  burst of asks comes after a quiet spell (looked at first, however quiet the rest of the year);
- rarely: few interactions at all, or gives and conversations in few months;
- always: gives spread across most months, and at least one give per ask;
- not_enough_history: nothing logged yet, or too short a history to say.

Unanswered messages and declining someone's ask are neither reaching out nor giving; a
conversation in the days just before an ask is part of that ask.
"""

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from givefirst.core.dates import short_day
from givefirst.core.vocabulary import CIRCLE_BUDGETS, CIRCLES, Interaction

YEAR = timedelta(days=365)
SILENCE = timedelta(days=90)  # a contact after this long opens a new episode
ASK_LEAD = timedelta(days=14)  # a conversation this soon before an ask is the ask's lead-in
# What the year's figures need of the time before it: the contact before a first move (to see a
# silence) and nothing else (a lead-in comes before its ask, so within the year too).
RECENT = YEAR + SILENCE
SHORT_HISTORY = timedelta(days=90)  # less logged history than this says too little
BURST = timedelta(days=90)  # asks this close together are one burst
RARELY_BELOW = 12  # interactions a year: fewer than one a month
STEADY_MONTHS = 4  # months with activity needed to count as steady


def months_back(now: datetime, count: int = 12) -> list[str]:
    year, month = now.year, now.month
    labels = []
    for _ in range(count):
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return labels[::-1]


def month_of(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"  # strftime's "%Y-%m", several times faster


def health(
    histories: Mapping[int, Sequence[Interaction]],
    circles: Mapping[int, str],
    now: datetime,
    ever: tuple[int, datetime | None] | None = None,
) -> dict:
    """Figures over the last 365 days; `histories` maps person id → interactions (all time, or
    from RECENT before the year on, when `ever` gives what needs all time: how many people
    have a two-way interaction, and the first interaction logged)."""
    people = len(circles)
    relationships = (
        ever[0] if ever else sum(1 for h in histories.values() if any(i.is_two_way for i in h))
    )
    year = [i for h in histories.values() for i in h if now - YEAR <= i.occurred_at <= now]
    totals = Counter(i.kind for i in year)
    months = {label: Counter() for label in months_back(now)}
    for item in year:
        label = month_of(item.occurred_at)
        if label in months:
            months[label][item.kind] += 1
    kind, why = classify(Behaviour.of(histories, now, ever[1] if ever else None), now)
    circle_counts = Counter(circles.values())
    budgets = [
        {
            "circle": circle,
            "count": circle_counts.get(circle, 0),
            "budget": CIRCLE_BUDGETS[circle],
            "over": bool(CIRCLE_BUDGETS[circle])
            and circle_counts.get(circle, 0) > CIRCLE_BUDGETS[circle],
        }
        for circle in CIRCLES
    ]
    warnings = [
        f"{b['count']} people in {b['circle']}; about {b['budget']} is what anyone can keep up."
        for b in budgets
        if b["over"]
    ]
    given, taken = totals["gave"], totals["asked"] + totals["received"]
    return {
        "kind": kind,
        "why": why,
        "people": people,
        "connections": people - relationships,
        "relationships": relationships,
        "totals": {
            k: totals.get(k, 0)
            for k in ("gave", "asked", "received", "they_asked", "talked", "messaged")
        },
        "give_ask_ratio": round(given / taken, 2) if taken else None,
        "months": [
            {
                "month": label,
                "gave": c["gave"],
                "asked": c["asked"],
                "received": c["received"],
                "touches": c["talked"] + c["messaged"] + c["they_asked"],
            }
            for label, c in months.items()
        ],
        "circles": budgets,
        "warnings": warnings,
    }


def lead_ins(history: Sequence[Interaction]) -> set[str]:
    """Conversations in the days just before an ask to the same person: part of that ask."""
    asks = sorted(i.occurred_at for i in history if i.kind == "asked")
    led = set()
    for item in history:
        if item.kind == "talked":
            first = bisect_left(asks, item.occurred_at)  # the first ask at or after it
            if first < len(asks) and asks[first] - item.occurred_at <= ASK_LEAD:
                led.add(item.id)
    return led


def counts(item: Interaction) -> bool:
    """Whether an interaction is contact at all: an unanswered message is not, and neither is
    declining what someone asked of you."""
    return item.kind != "messaged" and not (item.kind == "they_asked" and item.status == "declined")


@dataclass(frozen=True)
class Behaviour:
    """The last year's interactions as the classification sees them."""

    first_logged: datetime | None  # the earliest interaction ever logged
    contact: list[Interaction]  # counted contact within the year
    asks: list[datetime]
    gives: list[datetime]
    reaching_out: list[datetime]  # gives and conversations not leading into an ask
    openings: list[bool]  # per episode after a silence: did it open with an ask?

    @classmethod
    def of(
        cls,
        histories: Mapping[int, Sequence[Interaction]],
        now: datetime,
        first_logged: datetime | None = None,
    ) -> "Behaviour":
        everything = [i for h in histories.values() for i in h if i.occurred_at <= now]
        led = set().union(*(lead_ins(h) for h in histories.values()))
        year = [i for i in everything if now - YEAR <= i.occurred_at and counts(i)]
        return cls(
            first_logged=first_logged or min((i.occurred_at for i in everything), default=None),
            contact=year,
            asks=sorted(i.occurred_at for i in year if i.kind == "asked"),
            gives=sorted(i.occurred_at for i in year if i.kind == "gave"),
            reaching_out=sorted(
                i.occurred_at
                for i in year
                if i.kind == "gave" or (i.kind == "talked" and i.id not in led)
            ),
            openings=[o for h in histories.values() for o in episode_openings(h, led, now)],
        )

    def months_with(self, moments: list[datetime]) -> int:
        return len({(m.year, m.month) for m in moments})


def episode_openings(history: Sequence[Interaction], led: set[str], now: datetime) -> list[bool]:
    """For each of my first moves after a silence of 90+ days (or ever) within the last year:
    whether it opened with an ask (a conversation leading into an ask counts as the ask)."""
    openings = []
    previous = None
    for item in sorted((i for i in history if counts(i)), key=lambda i: i.occurred_at):
        mine = item.kind in ("gave", "asked", "talked")
        after_silence = previous is None or item.occurred_at - previous >= SILENCE
        if mine and after_silence and now - YEAR <= item.occurred_at <= now:
            openings.append(item.kind == "asked" or item.id in led)
        previous = item.occurred_at
    return openings


def burst_of_asks(seen: Behaviour) -> tuple[int, datetime] | None:
    """Most of the year's asks within a few weeks, after a quiet spell: (how many, from when)."""
    asks, best, end = seen.asks, (0, None), 0
    for begin, start in enumerate(asks):  # sorted: the window's end only moves forward
        while end < len(asks) and asks[end] < start + BURST:
            end += 1
        if end - begin > best[0]:
            best = (end - begin, start)
    count, start = best
    if start is None or count < 3 or 3 * count < 2 * len(asks):
        return None
    out = seen.reaching_out
    before = bisect_left(out, start) - bisect_left(out, start - 2 * BURST)
    return (count, start) if 2 * before < count else None


def covered_months(seen: Behaviour, now: datetime) -> int:
    """How many of the last 12 months the logged history covers."""
    if seen.first_logged is None:
        return 0
    return max(1, min(12, round((now - seen.first_logged).days / 30.44)))


def classify(seen: Behaviour, now: datetime) -> tuple[str, list[str]]:
    """Asks are looked at before the volume of activity; "always" must be earned."""
    asks, gives, out = len(seen.asks), len(seen.gives), len(seen.reaching_out)
    burst = burst_of_asks(seen)
    opened = sum(seen.openings)
    if burst:
        count, start = burst
        return "only_when_needed", [
            f"{count} asks from {short_day(start.date())} within {BURST.days} days, after a "
            "quiet spell with little giving or keeping in touch.",
            "People notice when you only appear with a need: reconnect and give first.",
        ]
    if asks and (asks > out or (len(seen.openings) >= 3 and 2 * opened > len(seen.openings))):
        first = (
            f"{opened} of {len(seen.openings)} contacts after a silence opened with an ask "
            "(or a conversation just before one)."
            if 2 * opened > len(seen.openings) and len(seen.openings) >= 3
            else f"{asks} asks against {out} gives and conversations that were not asks."
        )
        return "only_when_needed", [
            first,
            "People notice when you only appear with a need: reconnect and give first.",
        ]
    if seen.first_logged is None or now - seen.first_logged < SHORT_HISTORY:
        logged = len(seen.contact)
        return "not_enough_history", [
            f"{logged} interactions logged"
            + (f", the first on {short_day(seen.first_logged.date())}" if logged else "")
            + f": at least {SHORT_HISTORY.days} days of history are needed to say.",
            "Keep logging gives, asks and conversations as they happen.",
        ]
    if asks >= 2 and gives < asks:
        return "only_when_needed", [
            f"{asks} asks against {gives} gives: fewer than one give per ask.",
            "Give before asking again: it need not be big, but it must exist.",
        ]
    covered, giving = covered_months(seen, now), seen.months_with(seen.gives)
    if 2 * giving > covered and gives >= asks:
        return "always", [
            f"You gave in {giving} of {covered} months; {gives} gives and {asks} asks.",
            "Steady gives and touches: keep it up.",
        ]
    active = seen.months_with(seen.reaching_out)
    if len(seen.contact) < RARELY_BELOW or active < min(STEADY_MONTHS, covered):
        return "rarely", [
            f"{len(seen.contact)} interactions in the last 365 days; you gave or reached out "
            f"in {active} of {covered} months (unanswered messages and declines aside)."
            + (" Most contact came from others." if out * 2 < len(seen.contact) else ""),
            "Relationships fade without small, regular touches.",
        ]
    return "rarely", [
        f"You gave in only {giving} of {covered} months: keeping in touch is not yet giving.",
        "Steady networking means a small give in most months.",
    ]
