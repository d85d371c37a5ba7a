"""Dates as a person reads them: '8 Dec 2026', '8 December' for a yearly one; never ISO text."""

from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def short_day(day: date) -> str:
    """'8 Dec 2026'."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def day_and_month(month: int, day: int) -> str:
    """'8 December': a date that comes back every year."""
    return f"{day} {MONTHS[month - 1]}"


def fact_day(text: str | None) -> str:
    """A fact's date ('YYYY-MM-DD', or '--MM-DD' yearly) in words; other text as it is."""
    if not text:
        return ""
    try:
        if text.startswith("--"):
            return f"every {day_and_month(int(text[2:4]), int(text[5:7]))}"
        return short_day(date.fromisoformat(text))
    except (ValueError, IndexError):
        return text
