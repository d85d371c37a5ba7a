"""What every dashboard template may use: labels for the product's words and date formatting."""

from datetime import date, datetime

from givefirst.core.nudge import TITLES
from givefirst.core.vocabulary import CIRCLES, KINDS, STATUSES, WEIGHTS

KIND_LABELS = {
    "gave": "I gave",
    "asked": "I asked",
    "received": "They gave",
    "they_asked": "They asked",
    "talked": "We talked",
    "messaged": "I messaged",
}
NETWORKER_KINDS = {
    "rarely": "You network rarely",
    "only_when_needed": "You network only when you need something",
    "always": "You network all the time",
}


def day(value: str | date | datetime | None) -> str:
    """'2026-06-15T12:00:00+00:00' → '2026-06-15'; empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)[:10]


def globals_for_templates() -> dict:
    return {
        "VERDICT_TITLES": TITLES,
        "KIND_LABELS": KIND_LABELS,
        "NETWORKER_KINDS": NETWORKER_KINDS,
        "CIRCLES": CIRCLES,
        "KINDS": KINDS,
        "STATUSES": STATUSES,
        "WEIGHTS": WEIGHTS,
    }
