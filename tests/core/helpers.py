"""Building core values tersely: `i("gave", 30)` is a give 30 days before NOW."""

from datetime import timedelta

from givefirst.core.vocabulary import Interaction

from tests.conftest import NOW

_counter = iter(range(10**6))


def i(kind: str, days_ago: float, status: str | None = None, weight: int = 1, summary: str = "x"):
    if status is None and kind == "asked":
        status = "granted"
    if status is None and kind == "they_asked":
        status = "done"
    return Interaction(
        id=f"i{next(_counter)}",
        kind=kind,
        summary=summary,
        occurred_at=NOW - timedelta(days=days_ago),
        status=status,
        weight=weight,
    )
