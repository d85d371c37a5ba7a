"""The words of the product (docs/product.md "Vocabulary"), in one place."""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

KINDS = ("gave", "asked", "received", "they_asked", "talked", "messaged")
# Which statuses each kind accepts; the first is the default. Kinds absent here take none.
STATUSES = {
    "asked": ("open", "granted", "declined", "withdrawn"),
    "they_asked": ("open", "done", "declined"),
}
CIRCLES = ("inner", "close", "active", "wider", "acquaintance")
CADENCE_DAYS = {"inner": 14, "close": 30, "active": 90, "wider": 180, "acquaintance": None}
CIRCLE_BUDGETS = {"inner": 5, "close": 15, "active": 50, "wider": 150, "acquaintance": None}
DEFAULT_CIRCLE = "wider"
# The other person took part: these kinds always, an ask once they answered it.
TWO_WAY_KINDS = ("talked", "received", "they_asked")
ANSWERED_ASK = ("granted", "declined")
# How much an interaction weighed, in the words every log form uses (the dashboard, the popup's
# card and the extension's card; a test keeps the two JavaScript copies equal to this).
WEIGHTS = {1: "a small favour", 2: "real help", 3: "a big one"}
# What each kind is called wherever it is shown or chosen: the card's quick actions, the log
# forms, the history. The extension and the dashboard's scripts read these from the files
# `python -m givefirst.shared_files` writes; a test keeps them current.
KIND_LABELS = {
    "gave": "I gave",
    "asked": "I asked",
    "received": "They helped me",
    "they_asked": "They asked",
    "talked": "We talked",
    "messaged": "I wrote",
}
# The ledger's counts, one word each, everywhere a ledger is shown.
LEDGER_LABELS = {
    "gave": "Gave",
    "asked": "Asked",
    "received": "They helped",
    "they_asked": "They asked",
}
HISTORY_HEADING = "History"
# The balance said in words before its figure: ahead past +EVEN_WITHIN, behind past −EVEN_WITHIN.
BALANCE_WORDS = {
    "none": "Nothing given or asked yet",
    "ahead": "You have given more than you have asked",
    "even": "Your gives and asks are about even",
    "behind": "You have asked more than you have given",
}
BALANCE_EVEN_WITHIN = 0.5
CIRCLE_LABELS = {
    "inner": "Inner circle",
    "close": "Close",
    "active": "Active",
    "wider": "Wider",
    "acquaintance": "Acquaintance",
}
VERDICT_TITLES = {
    "stranger": "You don't know them yet",
    "connection_only": "A connection, not yet a relationship",
    "give_space": "Give them space",
    "they_are_waiting": "They are waiting on you",
    "ask_pending": "You already asked",
    "reconnect_first": "Reconnect first",
    "give_first": "Give before asking",
    "ready": "An ask is fair",
}
# The toolbar badge's four letters; nothing for a stranger or when an ask is fair.
VERDICT_BADGES = {
    "connection_only": "NEW",
    "give_space": "REST",
    "they_are_waiting": "OWE",
    "ask_pending": "ASKD",
    "reconnect_first": "RCON",
    "give_first": "GIVE",
}


def two_way_sql(alias: str) -> str:
    """`Interaction.is_two_way` as an SQL condition on the interactions row named `alias`."""
    kinds = ", ".join(f"'{kind}'" for kind in TWO_WAY_KINDS)
    answered = ", ".join(f"'{status}'" for status in ANSWERED_ASK)
    return (
        f"({alias}.kind IN ({kinds}) OR "
        f"({alias}.kind = 'asked' AND {alias}.status IN ({answered})))"
    )


class Interaction(NamedTuple):
    """One logged interaction, from the user's side. A tuple: the advice builds hundreds of
    them per card and thousands per whole-network view, and a tuple is made several times
    faster than a frozen dataclass."""

    id: str
    kind: str
    summary: str
    occurred_at: datetime
    status: str | None = None
    weight: int = 1

    @property
    def is_outreach(self) -> bool:
        """I reached out and have not heard back (yet)."""
        return self.kind == "messaged" or (
            self.kind == "asked" and self.status in ("open", "withdrawn")
        )

    @property
    def is_two_way(self) -> bool:
        """The other person took part: they talked, gave, asked, or answered my ask."""
        return self.kind in TWO_WAY_KINDS or (self.kind == "asked" and self.status in ANSWERED_ASK)


@dataclass(frozen=True)
class Fact:
    id: str
    label: str
    value: str
    date: str | None = None  # "YYYY-MM-DD", or "--MM-DD" for a yearly date without a year


@dataclass(frozen=True)
class Change:
    field: str
    old: str | None
    new: str | None
    seen_at: datetime


def balance_words(balance: float, anything_logged: bool = True) -> str:
    """The ledger's balance as a person would say it (BALANCE_WORDS)."""
    if not anything_logged:
        return BALANCE_WORDS["none"]
    if balance > BALANCE_EVEN_WITHIN:
        return BALANCE_WORDS["ahead"]
    if balance < -BALANCE_EVEN_WITHIN:
        return BALANCE_WORDS["behind"]
    return BALANCE_WORDS["even"]


def plural(count: int, word: str) -> str:
    """'1 time', '3 times'."""
    return f"{count} {word}" + ("" if count == 1 else "s")
