"""The nudge: "have you given before asking?" (docs/product.md, "The nudge").

`decide` finds the verdict — the first rule that applies wins — with the reasons behind it;
`build_nudge` adds the ways to give and what to remember.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from givefirst.core import suggestions as suggest
from givefirst.core.dates import short_day
from givefirst.core.ledger import balance, last_two_way, unanswered_streak
from givefirst.core.vocabulary import (
    VERDICT_TITLES,
    Change,
    Fact,
    Interaction,
    balance_words,
    plural,
)

GIVE_SPACE_AFTER = 3
VERDICTS = (
    "stranger",
    "connection_only",
    "give_space",
    "they_are_waiting",
    "ask_pending",
    "reconnect_first",
    "give_first",
    "ready",
)
TITLES = VERDICT_TITLES


@dataclass(frozen=True)
class Introduction:
    """Someone else in your network who shares a tag or a company with this person."""

    person_id: int
    name: str
    shared: str  # "tag" or "company"
    value: str
    same_company: bool = False  # colleagues usually know each other: an introduction adds less


@dataclass(frozen=True)
class Subject:
    """Everything the nudge looks at for one person (or one stranger's page)."""

    name: str | None
    known: bool
    history: Sequence[Interaction] = ()
    facts: Sequence[Fact] = ()
    changes: Sequence[Change] = ()
    how_met: str | None = None
    introductions: Sequence[Introduction] = ()
    activity: Sequence[dict] = field(default=())  # recent posts the page shows: {title, date}


@dataclass(frozen=True)
class Decision:
    verdict: str
    message: str
    reasons: list[str]


def day(moment: datetime) -> str:
    return short_day(moment.date())


def first_name(name: str | None) -> str:
    return name.split()[0] if name and name.split() else "them"


def decide(subject: Subject, now: datetime, dormancy_days: int = 180) -> Decision:
    """The verdict for one person at `now`, with the numbers and dates behind it."""
    who = subject.name or "This person"
    history = subject.history
    if not subject.known:
        return Decision(
            "stranger",
            "You don't know them yet. Don't ask: introduce yourself with something useful "
            "to them, and note how you found them.",
            [f"{who} is not in your relationship memory."],
        )
    if not history:
        met = f" You met: {subject.how_met}." if subject.how_met else ""
        return Decision(
            "connection_only",
            "A connection is not a relationship. Start by giving: something useful, "
            "with no ask attached.",
            [f"No interactions with {who} are logged yet.{met}"],
        )

    streak = unanswered_streak(history)
    if len(streak) >= GIVE_SPACE_AFTER:
        return Decision(
            "give_space",
            f"Your last {len(streak)} messages and asks got no reply. Bothering contacts "
            "excessively weakens a relationship. Give them space.",
            [
                f"{len(streak)} outreaches in a row without a reply, "
                f"from {day(streak[-1].occurred_at)} to {day(streak[0].occurred_at)}."
            ],
        )

    theirs = sorted(
        (i for i in history if i.kind == "they_asked" and i.status == "open"),
        key=lambda i: i.occurred_at,
    )
    if theirs:
        return Decision(
            "they_are_waiting",
            f"{first_name(subject.name)} is waiting on you: help first, before anything else.",
            [f"They asked on {day(i.occurred_at)}: “{i.summary}” — still open." for i in theirs],
        )

    mine = sorted(
        (i for i in history if i.kind == "asked" and i.status == "open"),
        key=lambda i: i.occurred_at,
    )
    if mine:
        return Decision(
            "ask_pending",
            f"You already asked on {day(mine[0].occurred_at)}. Don't pile on; follow up "
            "with value or thanks.",
            [f"You asked on {day(i.occurred_at)}: “{i.summary}” — still open." for i in mine],
        )

    reconnect = dormant(history, now, dormancy_days)
    if reconnect:
        return Decision(
            "reconnect_first",
            "Don't only call when you need something. Reconnect first, with no ask.",
            [reconnect],
        )

    asked = sum(1 for i in history if i.kind == "asked")
    gave = sum(1 for i in history if i.kind == "gave")
    score = balance(history, now)
    counts = f"You've asked {plural(asked, 'time')} and given {plural(gave, 'time')}."
    standing = f"{balance_words(score)} (balance {score:+.1f}; older help counts less)."
    if -0.05 < score < 0:  # "-0.0" would read as even: say why it is not
        standing = "Almost even, just short: your latest ask came after your latest give."
    answered = last_two_way(history) is not None
    if gave == 0 or score < 0 or not answered:
        # The message already carries the counts; the reasons add when, and the balance.
        reasons = [latest("give", history, "gave"), latest("ask", history, "asked"), standing]
        if not answered:  # a give nobody answered does not make a relationship
            reasons.append("No two-way contact yet: nobody has answered or talked with you.")
        return Decision(
            "give_first",
            f"{counts} Give before asking again. You must bring something to the table; "
            "it need not be big, but it must exist.",
            reasons,
        )
    return Decision(
        "ready",
        "You've invested here; an ask is fair — and ask about them too.",
        [counts, standing],
    )


def latest(word: str, history: Sequence[Interaction], kind: str) -> str:
    """'Your last ask was on 2026-06-05.', or that there has been none."""
    moments = [i.occurred_at for i in history if i.kind == kind]
    return f"Your last {word} was on {day(max(moments))}." if moments else f"No {word} logged yet."


def dormant(history: Sequence[Interaction], now: datetime, dormancy_days: int) -> str | None:
    """Why the tie has gone quiet, or None. With no two-way contact ever, the latest contact counts."""
    threshold = timedelta(days=dormancy_days)
    two_way = last_two_way(history)
    anchor = two_way or max(i.occurred_at for i in history)
    if now - anchor <= threshold:
        return None
    what = "two-way contact" if two_way else "contact (they never replied)"
    return f"Your last {what} was on {day(anchor)}, {suggest.ago(anchor, now)}."


def build_nudge(subject: Subject, now: datetime, dormancy_days: int = 180) -> dict:
    """The nudge as the API shows it."""
    decision = decide(subject, now, dormancy_days)
    return {
        "verdict": decision.verdict,
        "title": TITLES[decision.verdict],
        "message": decision.message,
        "reasons": decision.reasons,
        "suggestions": suggest.ways_to_give(subject, decision.verdict, now),
        "remember": suggest.remember(subject),
    }
