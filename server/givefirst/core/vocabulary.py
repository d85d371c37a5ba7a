"""The words of the product (PRODUCT.md "Vocabulary"), in one place."""

from dataclasses import dataclass
from datetime import datetime

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


def two_way_sql(alias: str) -> str:
    """`Interaction.is_two_way` as an SQL condition on the interactions row named `alias`."""
    kinds = ", ".join(f"'{kind}'" for kind in TWO_WAY_KINDS)
    answered = ", ".join(f"'{status}'" for status in ANSWERED_ASK)
    return (f"({alias}.kind IN ({kinds}) OR "
            f"({alias}.kind = 'asked' AND {alias}.status IN ({answered})))")  # fmt: skip


@dataclass(frozen=True)
class Interaction:
    """One logged interaction, from the user's side."""

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


def plural(count: int, word: str) -> str:
    """'1 time', '3 times'."""
    return f"{count} {word}" + ("" if count == 1 else "s")
