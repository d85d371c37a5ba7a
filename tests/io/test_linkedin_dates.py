"""Connected On is read as strptime reads it in the formats LinkedIn and spreadsheets write;
today's form ("15 Mar 2024") is read directly, and must give the very same answers."""

from datetime import date, datetime, timedelta

import pytest
from givefirst.io.linkedin import DATE_FORMATS, iso_date


def by_strptime(value: str) -> str | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def read(value: str) -> str | None:
    try:
        return iso_date.__wrapped__(value)  # not the cache: each value read afresh
    except ValueError:
        return None


def test_every_day_of_a_century_in_todays_form_reads_as_strptime_reads_it():
    day, last = date(1950, 1, 1), date(2050, 12, 31)
    while day <= last:
        for text in (day.strftime("%d %b %Y"), f"{day.day} {day.strftime('%b %Y')}"):
            assert read(text) == by_strptime(text) == day.isoformat(), text
        day += timedelta(days=1)


@pytest.mark.parametrize(
    "text",
    [
        "15 MAR 2024",
        "15 mar 2024",
        "01 Mar 2024",
        " 1 Mar 2024",
        "15  Mar 2024",
        "15 March 2024",
        "15 May 2024",
        "7-Feb-22",
        "07-Feb-2022",
        "Mar 15, 2024",
        "2024-03-15",
        "29 Feb 2024",
        "29 Feb 2023",
        "31 Apr 2024",
        "0 Mar 2024",
        "00 Mar 2024",
        "32 Mar 2024",
        "15 Mar 0000",
        "15 Mar 24",
        "15 Mär 2024",
        "15 Sept 2024",
        "yesterday",
        "",
    ],
)
def test_other_forms_and_impossible_days_read_as_strptime_reads_them(text):
    assert read(text) == by_strptime(text)
