"""`givefirst today` and `givefirst reminders ics PATH`."""

import re
from datetime import date
from pathlib import Path

import click

from givefirst import calendar_feed, reminders
from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.clock import utcnow
from givefirst.config import DORMANCY_DAYS
from givefirst.core.dates import short_day
from givefirst.dashboard import overview
from givefirst.dashboard.templating import day as human_day
from givefirst.io.private import write_private

SHOWN = 5  # lines per group: the terminal list stays short; the dashboard has the rest
# Text from pages and imports may hold terminal control sequences: never print them.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: object, width: int = 70) -> str:
    """One short line of text, safe to print."""
    line = " ".join(UNPRINTABLE.sub(" ", str(text)).split())
    return line if len(line) <= width else line[: width - 1] + "…"


def group(title: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    shown = [f"  {line}" for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        shown.append(f"  … and {len(lines) - SHOWN} more on the dashboard (givefirst open)")
    return [title, *shown, ""]


def today_lines(page: dict, summary: str, day: date) -> list[str]:
    """The Today list as a few readable lines per group."""
    out = [
        f"Today, {day.strftime('%A')} {short_day(day)}",
        plain(summary or "Nothing due.", 200),
        "",
    ]
    out += group(
        "Waiting on you",
        [
            f"{plain(i['name'], 30)} asked {human_day(i['occurred_at'])}: “{plain(i['summary'], 50)}”"
            for i in page["waiting"]
        ],
    )
    out += group(
        "Dates this week",
        [
            f"{i['date'].strftime('%a')} {short_day(i['date'])}  {plain(i['name'], 30)} — {plain(i['label'], 30)}"
            for i in page["dates"]
        ],
    )
    out += group(
        "Check-ins due",
        [f"{plain(i.name, 30)} — due {short_day(i.when)}" for i in page["checkins"]],
    )
    out += group(
        "Give to this week",
        [
            f"{plain(i['person']['name'], 30)}: {plain(i['suggestion']['text'], 60)}"
            for i in page["nurture"]
        ],
    )
    out += group(
        "Your open asks",
        [
            f"{plain(i['name'], 30)}, asked {human_day(i['occurred_at'])}: “{plain(i['summary'], 50)}”"
            for i in page["asks"]
        ],
    )
    return out[:-1] if out[-1] == "" else out


@click.command("today")
@db_option
@friendly_errors
def today(db_path) -> None:
    """The Today list: who is waiting on you, dates, check-ins, who to give to."""
    db = open_database(db_path)
    now = utcnow()
    page = overview.today(db, now, DORMANCY_DAYS, every_date=True)  # its count of them is true
    page["checkins"] = reminders.due_on(db, now.date())["checkins"]  # every one, not a page's
    summary = reminders.answer(db, now.date())["summary"]
    click.echo("\n".join(today_lines(page, summary, now.date())))


@click.group("reminders")
def reminders_group() -> None:
    """The reminders calendar."""


@reminders_group.command("ics")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@friendly_errors
def ics(path: Path, db_path) -> None:
    """Write the reminders calendar (dates and check-ins, a year ahead) to PATH, readable by you only."""
    db = open_database(db_path)
    now = utcnow()
    try:
        write_private(path, calendar_feed.calendar(db, now.date(), now).decode("utf-8"))
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror or error}") from None
    click.echo(f"Wrote the reminders calendar to {path}")
