"""Network health: which of the three kinds of networker the user is, and the figures behind it.

- only_when_needed: asks outweigh gives, most contacts after a silence open with an ask, or a
  burst of asks comes after a quiet spell (looked at first, however quiet the rest of the year);
- rarely: few interactions at all, or gives and conversations in few months;
- always: gives spread across most months, and at least one give per ask;
- not_enough_history: nothing logged yet, or too short a history to say.

Unanswered messages and declining someone's ask are neither reaching out nor giving; a
conversation in the days just before an ask is part of that ask.

The figures are counts (`Year`): worked out here from histories (`year_of`), or read from what
the store keeps per day (insights.py); `report` turns them into the answer either way.
"""

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

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
MINE = ("gave", "asked", "talked")  # the kinds that are my move

# How many reaching-out moves (gives, conversations not leading into an ask) within the year
# fall in [since, until).
ReachedOut = Callable[[datetime, datetime], int]


@dataclass(frozen=True)
class Year:
    """The last 365 days as the figures and the classification read them."""

    first_logged: datetime | None  # the earliest interaction ever logged
    totals: Counter  # kind → interactions
    months: dict[str, Counter]  # each of the last 12 months → kind → interactions
    contact: int  # counted contact (see `counts`)
    asks: int
    gives: int
    give_months: int  # months with a give
    reaching_out: int  # gives and conversations not leading into an ask
    out_months: int  # months with either
    openings: int  # my first moves after a silence
    opened_with_ask: int  # of those, an ask or a conversation leading into one
    burst: tuple[int, datetime] | None  # see burst_of_asks


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
    relationships = (
        ever[0] if ever else sum(1 for h in histories.values() if any(i.is_two_way for i in h))
    )
    year = year_of(histories, now, ever[1] if ever else None)
    return report(year, Counter(circles.values()), relationships, now)


def report(year: Year, circle_counts: Mapping[str, int], relationships: int, now: datetime) -> dict:
    """The answer from the year's figures, how many people are in each circle, and how many
    people have a two-way interaction ever."""
    people = sum(circle_counts.values())
    kind, why = classify(year, now)
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
    totals = year.totals
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
            for label, c in year.months.items()
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


def year_of(
    histories: Mapping[int, Sequence[Interaction]],
    now: datetime,
    first_logged: datetime | None = None,
) -> Year:
    """The year's figures worked out from the histories themselves."""
    everything = [i for h in histories.values() for i in h if i.occurred_at <= now]
    led = set().union(*(lead_ins(h) for h in histories.values()))
    within = [i for i in everything if now - YEAR <= i.occurred_at]
    contact = [i for i in within if counts(i)]
    asks = sorted(i.occurred_at for i in contact if i.kind == "asked")
    gives = [i.occurred_at for i in contact if i.kind == "gave"]
    out = sorted(
        i.occurred_at
        for i in contact
        if i.kind == "gave" or (i.kind == "talked" and i.id not in led)
    )
    openings = [o for h in histories.values() for o in episode_openings(h, led, now)]
    months = {label: Counter() for label in months_back(now)}
    for item in within:
        label = month_of(item.occurred_at)
        if label in months:
            months[label][item.kind] += 1

    def reached_out(since: datetime, until: datetime) -> int:
        return bisect_left(out, until) - bisect_left(out, since)

    return Year(
        first_logged=first_logged or min((i.occurred_at for i in everything), default=None),
        totals=Counter(i.kind for i in within),
        months=months,
        contact=len(contact),
        asks=len(asks),
        gives=len(gives),
        give_months=months_with(gives),
        reaching_out=len(out),
        out_months=months_with(out),
        openings=len(openings),
        opened_with_ask=sum(openings),
        burst=burst_of_asks(asks, reached_out, now),
    )


def year_of_counts(rows: Sequence[tuple], now: datetime, first_logged: datetime | None) -> Year:
    """The year's figures from counted marks (store/network.py, year_counts): rows of (month,
    kind, counted contact?, leads into an ask?, opens an episode?, interactions). No burst:
    see might_burst."""
    months = {label: Counter() for label in months_back(now)}
    totals, tally = Counter(), Counter()
    give_months, out_months = set(), set()
    for month, kind, counted, led, opens, count in rows:
        totals[kind] += count
        if month in months:
            months[month][kind] += count
        tally["contact"] += count if counted else 0
        if kind == "gave":
            give_months.add(month)
        if kind == "gave" or (kind == "talked" and not led):
            tally["out"] += count
            out_months.add(month)
        if opens:
            tally["openings"] += count
            tally["opened"] += count if kind == "asked" or led else 0
    return Year(
        first_logged=first_logged,
        totals=totals,
        months=months,
        contact=tally["contact"],
        asks=totals["asked"],
        gives=totals["gave"],
        give_months=len(give_months),
        reaching_out=tally["out"],
        out_months=len(out_months),
        openings=tally["openings"],
        opened_with_ask=tally["opened"],
        burst=None,
    )


def months_with(moments: Sequence[datetime]) -> int:
    return len({(m.year, m.month) for m in moments})


def episode_openings(history: Sequence[Interaction], led: set[str], now: datetime) -> list[bool]:
    """For each of my first moves after a silence of 90+ days (or ever) within the last year:
    whether it opened with an ask (a conversation leading into an ask counts as the ask)."""
    openings = []
    previous = None
    for item in sorted((i for i in history if counts(i)), key=lambda i: i.occurred_at):
        mine = item.kind in MINE
        after_silence = previous is None or item.occurred_at - previous >= SILENCE
        if mine and after_silence and now - YEAR <= item.occurred_at <= now:
            openings.append(item.kind == "asked" or item.id in led)
        previous = item.occurred_at
    return openings


def burst_of_asks(
    asks: Sequence[datetime], reached_out: ReachedOut, now: datetime
) -> tuple[int, datetime] | None:
    """Most of the year's asks (sorted) within a few weeks, after a quiet spell: (how many, from
    when). `reached_out` counts the year's gives and conversations before the burst."""
    best, end = (0, None), 0
    for begin, start in enumerate(asks):  # sorted: the window's end only moves forward
        while end < len(asks) and asks[end] < start + BURST:
            end += 1
        if end - begin > best[0]:
            best = (end - begin, start)
    count, start = best
    if start is None or count < 3 or 3 * count < 2 * len(asks):
        return None
    before = reached_out(max(start - 2 * BURST, now - YEAR), start)
    return (count, start) if 2 * before < count else None


def might_burst(asks_by_day: Mapping[date, int], total: int) -> bool:
    """Whether burst_of_asks could find a burst among the year's `total` asks, from the asks
    counted per day (the year's first and last day whole): a stretch starting on one day ends,
    at the latest, on the day BURST later."""
    if not asks_by_day:
        return False
    first = min(asks_by_day)
    span = (max(asks_by_day) - first).days + 1
    running = [0] * (span + 1)  # running[n]: the asks on the days before first + n
    for day, asks in asks_by_day.items():
        running[(day - first).days + 1] += asks
    for n in range(span):
        running[n + 1] += running[n]
    for n in range(span):
        most = running[min(span, n + BURST.days + 1)] - running[n]
        if most >= 3 and 3 * most >= 2 * total:
            return True
    return False


def covered_months(first_logged: datetime | None, now: datetime) -> int:
    """How many of the last 12 months the logged history covers."""
    if first_logged is None:
        return 0
    return max(1, min(12, round((now - first_logged).days / 30.44)))


def classify(year: Year, now: datetime) -> tuple[str, list[str]]:
    """Asks are looked at before the volume of activity; "always" must be earned."""
    asks, gives, out = year.asks, year.gives, year.reaching_out
    opened, openings = year.opened_with_ask, year.openings
    if year.burst:
        count, start = year.burst
        return "only_when_needed", [
            f"{count} asks from {short_day(start.date())} within {BURST.days} days, after a "
            "quiet spell with little giving or keeping in touch.",
            "People notice when you only appear with a need: reconnect and give first.",
        ]
    if asks and (asks > out or (openings >= 3 and 2 * opened > openings)):
        first = (
            f"{opened} of {openings} contacts after a silence opened with an ask "
            "(or a conversation just before one)."
            if 2 * opened > openings and openings >= 3
            else f"{asks} asks against {out} gives and conversations that were not asks."
        )
        return "only_when_needed", [
            first,
            "People notice when you only appear with a need: reconnect and give first.",
        ]
    if year.first_logged is None or now - year.first_logged < SHORT_HISTORY:
        logged = year.contact
        return "not_enough_history", [
            f"{logged} interactions logged"
            + (f", the first on {short_day(year.first_logged.date())}" if logged else "")
            + f": at least {SHORT_HISTORY.days} days of history are needed to say.",
            "Keep logging gives, asks and conversations as they happen.",
        ]
    if asks >= 2 and gives < asks:
        return "only_when_needed", [
            f"{asks} asks against {gives} gives: fewer than one give per ask.",
            "Give before asking again: it need not be big, but it must exist.",
        ]
    covered, giving = covered_months(year.first_logged, now), year.give_months
    if 2 * giving > covered and gives >= asks:
        return "always", [
            f"You gave in {giving} of {covered} months; {gives} gives and {asks} asks.",
            "Steady gives and touches: keep it up.",
        ]
    active = year.out_months
    if year.contact < RARELY_BELOW or active < min(STEADY_MONTHS, covered):
        return "rarely", [
            f"{year.contact} interactions in the last 365 days; you gave or reached out "
            f"in {active} of {covered} months (unanswered messages and declines aside)."
            + (" Most contact came from others." if out * 2 < year.contact else ""),
            "Relationships fade without small, regular touches.",
        ]
    return "rarely", [
        f"You gave in only {giving} of {covered} months: keeping in touch is not yet giving.",
        "Steady networking means a small give in most months.",
    ]
