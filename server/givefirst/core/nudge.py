"""The nudge: "have you given before asking?" (docs/product.md, "The nudge").

`RULES` is the one table of verdicts (name, title, test), in the order they are tried; `decide`
finds the verdict — the first rule that applies wins — with the reasons behind it; `build_nudge`
adds the ways to give and what to remember. A new verdict is a test function here, a row in
`RULES`, and its words in the vocabulary (title, badge) and colour in the palette.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from givefirst.core import suggestions as suggest
from givefirst.core.dates import short_day
from givefirst.core.ledger import Totals, totals_of, unanswered_streak
from givefirst.core.vocabulary import (
    VERDICT_TITLES,
    Change,
    Fact,
    Interaction,
    balance_words,
    plural,
)

GIVE_SPACE_AFTER = 3


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
    # With totals (from the person's summary), `history` may be the recent part only: every
    # interaction since the last two-way one, their open asks and the latest favour each way
    # (store/interactions.py, recent_core). Without, `history` is the whole history.
    totals: Totals | None = None


@dataclass(frozen=True)
class Decision:
    verdict: str
    message: str
    reasons: list[str]


def day(moment: datetime) -> str:
    return short_day(moment.date())


def first_name(name: str | None) -> str:
    return name.split()[0] if name and name.split() else "them"


@dataclass
class Look:
    """One person at one moment as the rules see them; what two rules need is worked out once."""

    subject: Subject
    now: datetime
    dormancy_days: int

    @property
    def who(self) -> str:
        return self.subject.name or "This person"

    @cached_property
    def totals(self) -> Totals:
        return totals_of(self.subject, self.now)

    @cached_property
    def tally(self) -> "Tally":
        return Tally.of(self.totals)


@dataclass(frozen=True)
class Tally:
    """The gives and asks behind the last two verdicts, in words."""

    gave: int
    score: float
    answered: bool  # has there ever been two-way contact
    counts: str
    standing: str

    @classmethod
    def of(cls, totals: Totals) -> "Tally":
        asked, gave, score = totals.asked, totals.gave, totals.balance
        counts = f"You've asked {plural(asked, 'time')} and given {plural(gave, 'time')}."
        standing = f"{balance_words(score)} (balance {score:+.1f}; older help counts less)."
        if -0.05 < score < 0:  # "-0.0" would read as even: say why it is not
            standing = "Almost even, just short: your latest ask came after your latest give."
        return cls(gave, score, totals.last_two_way is not None, counts, standing)


Finding = tuple[str, list[str]]  # the message, and the reasons behind it


def stranger(look: Look) -> Finding | None:
    if look.subject.known:
        return None
    return (
        "You don't know them yet. Don't ask: introduce yourself with something useful "
        "to them, and note how you found them.",
        [f"{look.who} is not in your relationship memory."],
    )


def connection_only(look: Look) -> Finding | None:
    if look.totals.interactions:
        return None
    met = f" You met: {look.subject.how_met}." if look.subject.how_met else ""
    return (
        "A connection is not a relationship. Start by giving: something useful, "
        "with no ask attached.",
        [f"No interactions with {look.who} are logged yet.{met}"],
    )


def give_space(look: Look) -> Finding | None:
    streak = unanswered_streak(look.subject.history)
    if len(streak) < GIVE_SPACE_AFTER:
        return None
    return (
        f"Your last {len(streak)} messages and asks got no reply. Bothering contacts "
        "excessively weakens a relationship. Give them space.",
        [
            f"{len(streak)} outreaches in a row without a reply, "
            f"from {day(streak[-1].occurred_at)} to {day(streak[0].occurred_at)}."
        ],
    )


def open_asks(history: Sequence[Interaction], kind: str) -> list[Interaction]:
    """The asks of this kind still open, oldest first."""
    return sorted(
        (i for i in history if i.kind == kind and i.status == "open"),
        key=lambda i: i.occurred_at,
    )


def they_are_waiting(look: Look) -> Finding | None:
    theirs = open_asks(look.subject.history, "they_asked")
    if not theirs:
        return None
    return (
        f"{first_name(look.subject.name)} is waiting on you: help first, before anything else.",
        [f"They asked on {day(i.occurred_at)}: “{i.summary}” — still open." for i in theirs],
    )


def ask_pending(look: Look) -> Finding | None:
    mine = open_asks(look.subject.history, "asked")
    if not mine:
        return None
    return (
        f"You already asked on {day(mine[0].occurred_at)}. Don't pile on; follow up "
        "with value or thanks.",
        [f"You asked on {day(i.occurred_at)}: “{i.summary}” — still open." for i in mine],
    )


def reconnect_first(look: Look) -> Finding | None:
    reconnect = dormant(look.totals, look.now, look.dormancy_days)
    if not reconnect:
        return None
    return ("Don't only call when you need something. Reconnect first, with no ask.", [reconnect])


def give_first(look: Look) -> Finding | None:
    tally, totals = look.tally, look.totals
    if tally.gave and tally.score >= 0 and tally.answered:
        return None
    # The message already carries the counts; the reasons add when, and the balance.
    reasons = [latest("give", totals.last_gave), latest("ask", totals.last_asked), tally.standing]
    if not tally.answered:  # a give nobody answered does not make a relationship
        reasons.append("No two-way contact yet: nobody has answered or talked with you.")
    return (
        f"{tally.counts} Give before asking again. You must bring something to the table; "
        "it need not be big, but it must exist.",
        reasons,
    )


def ready(look: Look) -> Finding:
    return (
        "You've invested here; an ask is fair — and ask about them too.",
        [look.tally.counts, look.tally.standing],
    )


@dataclass(frozen=True)
class Rule:
    name: str  # the verdict
    title: str  # the verdict as the card's headline says it
    test: Callable[[Look], Finding | None]  # the message and reasons when the rule applies


def rule(test: Callable[[Look], Finding | None]) -> Rule:
    """The rule a test function decides, named after it and titled by the vocabulary."""
    return Rule(test.__name__, VERDICT_TITLES[test.__name__], test)


# The rules in the order they are tried: the first that applies is the verdict. Each rule may
# assume that none before it applied (a rule after connection_only has a history to look at).
# `ready` always applies.
RULES = tuple(
    rule(test)
    for test in (
        stranger,
        connection_only,
        give_space,
        they_are_waiting,
        ask_pending,
        reconnect_first,
        give_first,
        ready,
    )
)
VERDICTS = tuple(r.name for r in RULES)
TITLES = {r.name: r.title for r in RULES}


def decide(subject: Subject, now: datetime, dormancy_days: int = 180) -> Decision:
    """The verdict for one person at `now`, with the numbers and dates behind it."""
    look = Look(subject, now, dormancy_days)
    for each in RULES:
        found = each.test(look)
        if found is not None:
            return Decision(each.name, *found)
    raise AssertionError("the last rule, ready, always applies")


def verdict_of(
    totals: Totals, unanswered: int, waiting: bool, pending: bool, now: datetime, dormancy_days: int
) -> str:
    """The verdict `decide` finds for a known person, from their totals alone: how many
    outreaches went unanswered since their last two-way interaction, and whether they or you
    have an ask open. Each line is one of RULES' tests, in RULES' order (tests hold them to it)."""
    if not totals.interactions:
        return "connection_only"
    if unanswered >= GIVE_SPACE_AFTER:
        return "give_space"
    if waiting:
        return "they_are_waiting"
    if pending:
        return "ask_pending"
    if is_dormant(totals, now, dormancy_days):
        return "reconnect_first"
    if not (totals.gave and totals.balance >= 0 and totals.last_two_way is not None):
        return "give_first"
    return "ready"


def latest(word: str, moment: datetime | None) -> str:
    """'Your last ask was on 2026-06-05.', or that there has been none."""
    return f"Your last {word} was on {day(moment)}." if moment else f"No {word} logged yet."


def is_dormant(totals: Totals, now: datetime, dormancy_days: int) -> bool:
    anchor = totals.last_two_way or totals.last_contact
    return now - anchor > timedelta(days=dormancy_days)


def dormant(totals: Totals, now: datetime, dormancy_days: int) -> str | None:
    """Why the tie has gone quiet, or None. With no two-way contact ever, the latest contact counts."""
    if not is_dormant(totals, now, dormancy_days):
        return None
    two_way = totals.last_two_way
    anchor = two_way or totals.last_contact
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
