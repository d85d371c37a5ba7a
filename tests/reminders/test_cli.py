"""`givefirst today` and `givefirst reminders ics PATH`."""

import re
import stat

import icalendar
from givefirst import demo
from givefirst.cli import main
from givefirst.clock import utcnow
from givefirst.store import people
from givefirst.store.connection import open_db


def run(runner, *args):
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_today_in_the_terminal_is_short_and_says_what_is_due(runner, db_path):
    db = open_db(db_path)
    demo.load(db, utcnow())
    result = run(runner, "today")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Today, ")
    assert "Katherine is waiting on you" in lines[1]
    for heading in ("Waiting on you", "Dates this week", "Give to this week", "Your open asks"):
        assert heading in lines
    assert "  Katherine Moss asked " in result.stdout
    assert not re.search(r"\d{4}-\d\d-\d\d", result.stdout)  # dates as a person reads them
    assert re.match(r"Today, \w+day \d{1,2} \w{3} \d{4}$", lines[0])
    assert len(lines) < 40 and max(len(line) for line in lines) <= 110


def test_today_never_prints_control_characters_from_stored_text(runner, db_path):
    db = open_db(db_path)
    pid = people.create(db, {"name": "Eve"}, utcnow())
    db.execute("UPDATE people SET name = ? WHERE id = ?", ["Eve\x1b]0;owned\x07 Evil", pid])
    db.execute(
        "INSERT INTO interactions (id, person_id, kind, summary, occurred_at, status, weight, "
        "created_at, updated_at) VALUES ('x', ?, 'they_asked', ?, ?, 'open', 1, ?, ?)",
        [pid, "help\x1b[2J" + "x" * 300, *[utcnow().isoformat()] * 3],
    )
    db.conn.commit()
    result = run(runner, "today")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Eve ]0;owned  Evil" not in result.stdout and "Eve ]0;owned Evil" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 110


def test_today_with_nothing_due_says_so(runner):
    result = run(runner, "today")
    assert result.exit_code == 0 and "Nothing due." in result.stdout


def test_reminders_ics_writes_the_calendar_readable_by_its_owner_only(runner, db_path, tmp_path):
    demo.load(open_db(db_path), utcnow())
    target = tmp_path / "out" / "reminders.ics"
    result = run(runner, "reminders", "ics", str(target))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert "Ada's birthday" in summaries
    assert any(s.startswith("Check in with ") for s in summaries)


def test_reminders_ics_to_a_place_it_cannot_write_is_one_line(runner, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    result = runner.invoke(main, ["reminders", "ics", str(blocked / "x.ics")])
    assert result.exit_code != 0
