"""Network health: which of the three kinds of networker the user is, and the figures behind it.

- rarely: few interactions at all in the last year;
- only_when_needed: most contacts after a silence open with an ask;
- always: steady gives and touches across the months.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from givefirst.core.vocabulary import CIRCLE_BUDGETS, CIRCLES, Interaction

YEAR = timedelta(days=365)
SILENCE = timedelta(days=90)  # a contact after this long opens a new episode
RARELY_BELOW = 12  # interactions a year: fewer than one a month
STEADY_MONTHS = 4  # months with activity needed to count as steady


def months_back(now: datetime, count: int = 12) -> list[str]:
    year, month = now.year, now.month
    labels = []
    for _ in range(count):
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return labels[::-1]


def health(
    histories: Mapping[int, Sequence[Interaction]],
    circles: Mapping[int, str],
    now: datetime,
) -> dict:
    """Figures over the last 365 days; `histories` maps person id → interactions (all time)."""
    people = len(circles)
    relationships = sum(1 for h in histories.values() if any(i.is_two_way for i in h))
    year = [i for h in histories.values() for i in h if now - YEAR <= i.occurred_at <= now]
    totals = Counter(i.kind for i in year)
    months = {label: Counter() for label in months_back(now)}
    for item in year:
        label = item.occurred_at.strftime("%Y-%m")
        if label in months:
            months[label][item.kind] += 1
    openings = [opening for h in histories.values() for opening in episode_openings(h, now)]
    opened_with_ask = sum(1 for i in openings if i.kind == "asked")
    active_months = sum(1 for c in months.values() if sum(c.values()))
    giving_months = sum(1 for c in months.values() if c["gave"] + c["talked"] + c["messaged"])
    kind, why = classify(
        len(year), openings, opened_with_ask, (active_months, giving_months), totals
    )
    circle_counts = Counter(circles.values())
    budgets = [
        {"circle": circle, "count": circle_counts.get(circle, 0), "budget": CIRCLE_BUDGETS[circle],
         "over": bool(CIRCLE_BUDGETS[circle]) and circle_counts.get(circle, 0) > CIRCLE_BUDGETS[circle]}
        for circle in CIRCLES
    ]  # fmt: skip
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
        },  # fmt: skip
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
        ],  # fmt: skip
        "circles": budgets,
        "warnings": warnings,
    }


def episode_openings(history: Sequence[Interaction], now: datetime) -> list[Interaction]:
    """My first move after each silence of 90+ days (or ever), within the last year."""
    openings = []
    previous = None
    for item in sorted(history, key=lambda i: i.occurred_at):
        mine = item.kind in ("gave", "asked", "messaged", "talked")
        after_silence = previous is None or item.occurred_at - previous >= SILENCE
        if mine and after_silence and now - YEAR <= item.occurred_at <= now:
            openings.append(item)
        previous = item.occurred_at
    return openings


def classify(count, openings, opened_with_ask, months, totals) -> tuple[str, list[str]]:
    """`months` is (months with any interaction, months in which you gave or reached out)."""
    active_months, giving_months = months
    if count < RARELY_BELOW or active_months < STEADY_MONTHS:
        return "rarely", [
            f"{count} interactions in the last 365 days, active in {active_months} of 12 months.",
            "Relationships fade without small, regular touches.",
        ]
    reaching_out = totals["gave"] + totals["talked"] + totals["messaged"]
    opened_asking = len(openings) >= 3 and opened_with_ask / len(openings) > 0.5
    if opened_asking or totals["asked"] > reaching_out:
        first = (
            f"{opened_with_ask} of {len(openings)} contacts after a silence opened with an ask."
            if opened_asking
            else f"{totals['asked']} asks against {reaching_out} gives and conversations."
        )
        return "only_when_needed", [
            first,
            "People notice when you only appear with a need: reconnect and give first.",
        ]
    if giving_months < STEADY_MONTHS:
        return "rarely", [
            f"You gave or reached out in only {giving_months} of 12 months; most contact came "
            "from others.",
            "Relationships fade without small, regular touches.",
        ]
    return "always", [
        f"{count} interactions, giving or reaching out in {giving_months} of 12 months; "
        f"{totals['gave']} gives and {totals['asked']} asks.",
        "Steady gives and touches: keep it up.",
    ]
