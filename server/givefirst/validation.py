"""Checking values that come from outside (API bodies, imports) before anything is written."""

import re
import uuid
from datetime import date, datetime

from givefirst.clock import parse_moment
from givefirst.errors import Invalid
from givefirst.sites.base import INVISIBLE

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
MISSING = object()


def calendar_day(value: object, name: str) -> date:
    """A day written YYYY-MM-DD. fromisoformat alone also takes 20261202 and week dates."""
    try:
        if isinstance(value, str) and DAY.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise Invalid(f"{name} must be a day as YYYY-MM-DD")


def text(
    data: dict,
    name: str,
    *,
    required: bool = False,
    max_length: int = 200,
    default: object = MISSING,
    multiline: bool = False,
) -> str | None:
    """A string field: trimmed, no control characters, not too long; None when absent or null.
    Multi-line text keeps its lines, each ended by LF; other text is one line of single spaces."""
    value = data.get(name, MISSING)
    if value is MISSING or value is None:
        if required:
            raise Invalid(f"{name} is required")
        return None if default is MISSING else default  # type: ignore[return-value]
    if not isinstance(value, str):
        raise Invalid(f"{name} must be a string")
    if "\x00" in value:
        raise Invalid(f"{name} must not contain NUL bytes")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. "\ud800" in the JSON
        raise Invalid(f"{name} is not valid Unicode text") from None
    value = value.strip()
    if multiline:  # a browser sends a textarea's lines ended by CRLF; keep one kind of line end
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    else:
        value = " ".join(INVISIBLE.sub("", value).split())
    if CONTROL.search(value):
        raise Invalid(f"{name} must not contain control characters")
    if len(value) > max_length:
        raise Invalid(f"{name} is too long ({len(value)} characters; at most {max_length})")
    if required and not value:
        raise Invalid(f"{name} must not be empty")
    return value or None


def choice(
    data: dict, name: str, options: tuple[str, ...], default: str | None = None
) -> str | None:
    value = data.get(name)
    if value is None:
        return default
    if value not in options:
        raise Invalid(f"{name} must be one of {', '.join(options)}; got {str(value)[:40]!r}")
    return value


def integer(data: dict, name: str, low: int, high: int, default: int) -> int:
    value = data.get(name)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Invalid(f"{name} must be a whole number from {low} to {high}")
    return value


def moment(data: dict, name: str, default: datetime) -> datetime:
    value = data.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise Invalid(f"{name} must be an ISO 8601 date or time, such as 2026-03-01T09:30:00+01:00")
    try:
        when = parse_moment(value)
    except (ValueError, OverflowError):  # "9999-12-31T23:59:59-23:59" overflows in UTC
        raise Invalid(
            f"{name} is not a date: {value[:40]!r}; use ISO 8601, such as 2026-03-01T09:30:00+01:00"
        ) from None
    if not 1900 <= when.year <= 2200:
        raise Invalid(f"{name} is out of range: {value[:40]!r}")
    return when


def fact_date(data: dict, name: str = "date") -> str | None:
    """A date for a fact: YYYY-MM-DD, or --MM-DD for a yearly date with no year."""
    value = text(data, name, max_length=10)
    if value is None:
        return None
    try:
        if re.fullmatch(r"--\d\d-\d\d", value):
            date(2000, int(value[2:4]), int(value[5:7]))  # a leap year accepts 29 February
        else:
            date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"{name} must be YYYY-MM-DD, or --MM-DD for a yearly date") from None
    return value


def string_list(
    data: dict, name: str, max_items: int = 50, max_length: int = 60
) -> list[str] | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid(f"{name} must be a list of strings")
    if len(value) > max_items:
        raise Invalid(f"{name} has too many items (at most {max_items})")
    cleaned: list[str] = []
    for item in value:
        tag = text({name: item}, name, max_length=max_length)
        if tag and tag.lower() not in {c.lower() for c in cleaned}:
            cleaned.append(tag)
    return cleaned


def client_id(data: dict) -> str | None:
    """A UUID the client chose for a new record, so that sending it again never duplicates it."""
    value = data.get("id")
    if value is None:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise Invalid("id must be a UUID") from None
