"""Time in one place, so tests can stand still."""

from datetime import UTC, date, datetime, time


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with offset, as the API promises."""
    return moment.astimezone(UTC).isoformat() if moment else None


def parse_moment(text: str) -> datetime:
    """Parse an ISO 8601 date or datetime; a date means midnight UTC, a naive time means UTC.

    Raises ValueError for anything else.
    """
    text = text.strip()
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), time(), tzinfo=UTC)
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def from_db(text: str | None) -> datetime | None:
    """Timestamps are stored as ISO strings in UTC."""
    return datetime.fromisoformat(text) if text else None
