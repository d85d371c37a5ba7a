"""What every dashboard template may use: labels for the product's words and date formatting."""

from datetime import date, datetime

from givefirst.core.dates import short_day
from givefirst.core.vocabulary import (
    CIRCLE_LABELS,
    CIRCLES,
    HISTORY_HEADING,
    KIND_LABELS,
    KINDS,
    LEDGER_LABELS,
    STATUSES,
    VERDICT_TITLES,
    WEIGHTS,
)

# Fewer interactions than this in the last year say nothing about how someone networks.
ENOUGH_HISTORY = 5
NETWORKER_KINDS = {
    "rarely": "You network rarely",
    "only_when_needed": "You network only when you need something",
    "always": "You network all the time",
}


def iso_day(value: str | date | datetime | None) -> str:
    """'2026-06-15T12:00:00+00:00' → '2026-06-15' (for a <time datetime>); empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)[:10]


def day(value: str | date | datetime | None) -> str:
    """'2026-06-15T12:00:00+00:00' → '15 Jun 2026', as a person reads it; empty for nothing."""
    text = iso_day(value)
    try:
        return short_day(date.fromisoformat(text)) if text else ""
    except ValueError:
        return text


def globals_for_templates() -> dict:
    return {
        "VERDICT_TITLES": VERDICT_TITLES,
        "KIND_LABELS": KIND_LABELS,
        "LEDGER_LABELS": LEDGER_LABELS,
        "CIRCLE_LABELS": CIRCLE_LABELS,
        "HISTORY_HEADING": HISTORY_HEADING,
        "NETWORKER_KINDS": NETWORKER_KINDS,
        "ENOUGH_HISTORY": ENOUGH_HISTORY,
        "CIRCLES": CIRCLES,
        "KINDS": KINDS,
        "STATUSES": STATUSES,
        "WEIGHTS": WEIGHTS,
    }
