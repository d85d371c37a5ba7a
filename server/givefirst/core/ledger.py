"""The give/ask ledger: counts, the decayed balance, last contact and open asks."""

from collections.abc import Sequence
from datetime import datetime

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


def ledger(history: Sequence[Interaction], now: datetime) -> dict:
    """The ledger as the API shows it; history in any order."""
    counts = {kind: 0 for kind in ("gave", "asked", "received", "they_asked")}
    for item in history:
        if item.kind in counts:
            counts[item.kind] += 1
    newest_first = sorted(history, key=lambda i: i.occurred_at, reverse=True)
    return {
        **counts,
        "balance": round(balance(history, now), 2) + 0.0,  # + 0.0: never "-0.0"
        "last_contact": newest_first[0].occurred_at.isoformat() if newest_first else None,
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
