"""The give/ask ledger: counts, the decayed balance, last contact and open asks."""

import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from givefirst.core.vocabulary import Interaction

HALF_LIFE_DAYS = 365
TAKES = ("asked", "received")


def decay(occurred_at: datetime, now: datetime) -> float:
    """Weight of an old interaction: it halves every 365 days (the future counts as now)."""
    age_days = max((now - occurred_at).total_seconds() / 86400, 0.0)
    return 0.5 ** (age_days / HALF_LIFE_DAYS)


def balance(history: Sequence[Interaction], now: datetime) -> float:
    """give − take, each weighted and decayed. A granted ask still counts as taken."""
    give = sum(i.weight * decay(i.occurred_at, now) for i in history if i.kind == "gave")
    take = sum(i.weight * decay(i.occurred_at, now) for i in history if i.kind in TAKES)
    return give - take


def ledger(history: Sequence[Interaction], now: datetime, totals: "Totals | None" = None) -> dict:
    """The ledger as the API shows it; history in any order. With `totals`, the history may be
    the recent part that holds every open ask (core/nudge.py, Subject)."""
    totals = totals or Totals.of(history, now)
    newest_first = sorted(history, key=lambda i: i.occurred_at, reverse=True)
    last = totals.last_contact
    return {
        "gave": totals.gave,
        "asked": totals.asked,
        "received": totals.received,
        "they_asked": totals.they_asked,
        "balance": round(totals.balance, 2) + 0.0,  # + 0.0: never "-0.0"
        "last_contact": last.isoformat() if last else None,
        "open_asks": [summary(i) for i in newest_first if i.kind == "asked" and i.status == "open"],
        "their_open_asks": [
            summary(i) for i in newest_first if i.kind == "they_asked" and i.status == "open"
        ],
    }


def summary(item: Interaction) -> dict:
    return {"id": item.id, "summary": item.summary, "occurred_at": item.occurred_at.isoformat()}


def last_two_way(history: Sequence[Interaction]) -> datetime | None:
    moments = [i.occurred_at for i in history if i.is_two_way]
    return max(moments) if moments else None


def unanswered_streak(history: Sequence[Interaction]) -> list[Interaction]:
    """My latest outreaches in a row with no reply since, newest first.

    A reply (anything two-way) ends the streak; my gives neither count nor break it.
    """
    streak = []
    for item in sorted(history, key=lambda i: i.occurred_at, reverse=True):
        if item.is_two_way:
            break
        if item.is_outreach:
            streak.append(item)
    return streak


def unreturned_favour(history: Sequence[Interaction]) -> Interaction | None:
    """The latest help they gave me that I have not given back since (a give, or doing what
    they asked), or None. Reciprocity is what keeps a tie alive: this is the first thing to mend."""
    received = [i for i in history if i.kind == "received"]
    if not received:
        return None
    latest = max(received, key=lambda i: i.occurred_at)
    returned = any(
        i.occurred_at > latest.occurred_at
        and (i.kind == "gave" or (i.kind == "they_asked" and i.status == "done"))
        for i in history
    )
    return None if returned else latest


# The decayed balance kept as two running sums (store/summaries.py): each interaction weighs
# weight × 2^(days from BALANCE_EPOCH / HALF_LIFE_DAYS), so the balance at `now` is the sums'
# difference times one factor. Rounding makes it differ from `balance` in the last digits only:
# near a value where what a person reads could change (a multiple of ROUNDING_STEP) it is not
# trusted, and the whole history decides.
BALANCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
ROUNDING_STEP = 0.005  # the ledger shows 2 decimals, the nudge 1, and compares with 0 and ±0.5
NEAR = 1e-6
SANE = 1e6  # a sum beyond this (dates far in the future) loses the digits that matter


def epoch_weight(item: Interaction) -> float:
    """The weight one interaction adds to the running sums (the summaries' SQL says the same)."""
    days = (item.occurred_at - BALANCE_EPOCH).total_seconds() / 86400
    return item.weight * 2 ** (days / HALF_LIFE_DAYS)


def balance_from_sums(
    given: float, taken: float, future: Sequence[Interaction], now: datetime
) -> float | None:
    """`balance` from the running sums and the interactions dated after `now` (which count as
    now, undecayed); None when the result cannot be trusted to read the same as `balance`."""
    factor = 2 ** ((BALANCE_EPOCH - now).total_seconds() / 86400 / HALF_LIFE_DAYS)
    give, take = given * factor, taken * factor
    if not (math.isfinite(give) and math.isfinite(take)) or max(give, take) > SANE:
        return None
    for item in future:
        undecayed = item.weight - epoch_weight(item) * factor
        if item.kind == "gave":
            give += undecayed
        elif item.kind in TAKES:
            take += undecayed
    if given == 0 and taken == 0:  # nothing given or taken, ever: exactly even
        return 0.0
    score = give - take
    steps = score / ROUNDING_STEP
    if abs(steps - round(steps)) * ROUNDING_STEP < NEAR:
        return None
    return score


class Totals(NamedTuple):
    """What the advice needs of a whole history beside its recent part: counts, the balance at
    one moment, and the dates of the latest (and first) of each kind that matters. From a whole
    history (`of`) or from a person's summary (store/summaries.py), so that a card need not read
    thousands of interactions. A tuple, not a frozen dataclass: People by verdict makes one for
    each of thousands of people, and a tuple is made in about a third of the time."""

    interactions: int = 0
    gave: int = 0
    asked: int = 0
    received: int = 0
    they_asked: int = 0
    two_way: int = 0
    balance: float = 0.0
    last_contact: datetime | None = None
    last_two_way: datetime | None = None
    first_two_way: datetime | None = None
    last_gave: datetime | None = None
    last_asked: datetime | None = None

    @classmethod
    def of(cls, history: Sequence[Interaction], now: datetime) -> "Totals":
        if not history:  # a stranger's card, and anyone never met: nothing to count
            return cls()

        def moments(test) -> list[datetime]:
            return [i.occurred_at for i in history if test(i)]

        talks = moments(lambda i: i.is_two_way)
        gave, asked = moments(lambda i: i.kind == "gave"), moments(lambda i: i.kind == "asked")
        return cls(
            interactions=len(history),
            gave=len(gave),
            asked=len(asked),
            received=sum(1 for i in history if i.kind == "received"),
            they_asked=sum(1 for i in history if i.kind == "they_asked"),
            two_way=len(talks),
            balance=balance(history, now),
            last_contact=max((i.occurred_at for i in history), default=None),
            last_two_way=max(talks, default=None),
            first_two_way=min(talks, default=None),
            last_gave=max(gave, default=None),
            last_asked=max(asked, default=None),
        )


def totals_of(subject, now: datetime) -> Totals:
    """A nudge Subject's or nurture Candidate's totals: as given, or from its whole history."""
    return subject.totals or Totals.of(subject.history, now)
