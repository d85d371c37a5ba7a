"""Reminders in the extension with the worker's clock set by the test: when it looks, what its
one notification says, at most one a day and none when nothing is due, the badge's count, the
options that turn it off or move it, and a click that opens Today."""

from datetime import UTC, date, datetime, timedelta

import pytest
from givefirst.config import CHROME_EXTENSION_ID

from tests.support.extension import api, get_storage, set_storage, worker

EXTENSION = f"chrome-extension://{CHROME_EXTENSION_ID}"


def set_clock(browser, moment: datetime) -> None:
    """The worker's local time, as the person's computer would show it."""
    worker(browser).evaluate(
        "([y, m, d, h, min]) => { GF.reminders.clock.now = () => new Date(y, m - 1, d, h, min); }",
        [moment.year, moment.month, moment.day, moment.hour, moment.minute],
    )


@pytest.fixture(autouse=True)
def real_clock_after(paired):
    """Put the worker's clock back, so no later test runs on a day set here."""
    yield
    worker(paired).evaluate("GF.reminders.clock.now = () => new Date()")


def local_ms(browser, moment: datetime) -> float:
    return worker(browser).evaluate(
        "([y, m, d, h, min]) => new Date(y, m - 1, d, h, min).getTime()",
        [moment.year, moment.month, moment.day, moment.hour, moment.minute],
    )


def next_run(browser, settings: dict, now: datetime, checked_on: str | None = None) -> float:
    return worker(browser).evaluate(
        "([s, [y, m, d, h, min], checked]) => "
        "GF.reminders.nextRun(s, new Date(y, m - 1, d, h, min), checked).getTime()",
        [settings, [now.year, now.month, now.day, now.hour, now.minute], checked_on],
    )


WEEKDAYS_AT_9 = {"enabled": True, "time": "09:00", "weekdaysOnly": True}
FRIDAY = datetime(2026, 6, 19, 10, 0)
MONDAY_9 = datetime(2026, 6, 22, 9, 0)


def test_the_look_is_at_nine_on_weekdays_and_catches_up_once_on_a_late_start(paired):
    assert next_run(paired, WEEKDAYS_AT_9, FRIDAY, "2026-06-19") == local_ms(paired, MONDAY_9)
    saturday = datetime(2026, 6, 20, 8, 0)
    assert next_run(paired, WEEKDAYS_AT_9, saturday) == local_ms(paired, MONDAY_9)
    every_day = {**WEEKDAYS_AT_9, "weekdaysOnly": False}
    assert next_run(paired, every_day, saturday) == local_ms(paired, datetime(2026, 6, 20, 9, 0))
    early = datetime(2026, 6, 22, 7, 15)
    assert next_run(paired, WEEKDAYS_AT_9, early) == local_ms(paired, MONDAY_9)
    evening = {**WEEKDAYS_AT_9, "time": "18:30"}
    assert next_run(paired, evening, early) == local_ms(paired, datetime(2026, 6, 22, 18, 30))
    late = datetime(2026, 6, 22, 11, 0)  # the browser opened after 9:00, nothing looked yet
    assert next_run(paired, WEEKDAYS_AT_9, late) == local_ms(paired, late) + 60_000


def a_friday_ahead() -> datetime:
    """A Friday weeks from now: an alarm set for a moment already past fires at once and is
    gone, so the worker's clock must be set ahead of the real one."""
    day = datetime.now().date() + timedelta(days=14)
    day += timedelta(days=(4 - day.weekday()) % 7)
    return datetime(day.year, day.month, day.day, 10, 0)


def test_the_alarm_follows_the_clock_and_the_options(paired):
    friday = a_friday_ahead()
    monday = friday + timedelta(days=3)
    set_clock(paired, friday)
    set_storage(paired, remindersCheckedOn=friday.date().isoformat())
    worker(paired).evaluate("GF.reminders.schedule()")
    alarm = worker(paired).evaluate("chrome.alarms.get('givefirst-reminders')")
    assert alarm["scheduledTime"] == local_ms(paired, monday.replace(hour=9))

    options = paired.new_page()
    options.goto(f"{EXTENSION}/options/options.html")
    options.get_by_test_id("gf-reminders-time").fill("07:45")
    options.get_by_test_id("gf-reminders-note").get_by_text("at 07:45 on weekdays").wait_for()
    options.wait_for_function(
        "() => chrome.alarms.get('givefirst-reminders')"
        f".then(a => a && a.scheduledTime === {local_ms(paired, monday.replace(hour=7, minute=45))})"
    )
    options.get_by_test_id("gf-reminders-enabled").uncheck()
    options.wait_for_function(
        "() => chrome.alarms.get('givefirst-reminders').then(a => a === undefined)"
    )
    assert get_storage(paired, "reminders")["reminders"]["enabled"] is False
    options.close()


def next_monday_after(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())


@pytest.fixture
def due_on_a_monday(service):
    """Ines waits on you, Jonas's birthday is that Thursday, three people are due a check-in."""
    monday = next_monday_after(datetime.now(UTC).date() + timedelta(days=1))
    ines = api(
        service,
        "POST",
        "/api/v1/people",
        {
            "name": "Ines Duarte",
            "profiles": ["https://github.com/rem-ines"],
            "circle": "acquaintance",
        },
    )
    api(
        service,
        "POST",
        f"/api/v1/people/{ines['id']}/interactions",
        {"kind": "they_asked", "summary": "Review my talk"},
    )
    jonas = api(
        service,
        "POST",
        "/api/v1/people",
        {
            "name": "Jonas Berg",
            "profiles": ["https://github.com/rem-jonas"],
            "circle": "acquaintance",
        },
    )
    thursday = monday + timedelta(days=3)
    api(
        service,
        "POST",
        f"/api/v1/people/{jonas['id']}/facts",
        {"label": "birthday", "value": "—", "date": f"--{thursday:%m-%d}"},
    )
    for n in range(3):
        api(
            service,
            "POST",
            "/api/v1/people",
            {
                "name": f"Due {n}",
                "cadence_days": 1,
                "profiles": [f"https://github.com/rem-due-{n}"],
            },
        )
    return monday


def tick(browser):
    return worker(browser).evaluate("GF.reminders.tick()")


def test_one_grouped_notification_a_day_at_the_time_and_the_badge_counts(
    paired, service, due_on_a_monday
):
    monday = datetime.combine(due_on_a_monday, datetime.min.time())
    set_clock(paired, monday.replace(hour=8, minute=59))
    assert tick(paired) is None  # not yet
    set_clock(paired, monday.replace(hour=9))
    shown = tick(paired)
    assert shown["text"] == "Ines is waiting on you; Jonas's birthday is Thursday; 3 check-ins due"
    assert shown["id"] in worker(paired).evaluate("chrome.notifications.getAll()")
    set_clock(paired, monday.replace(hour=9, minute=30))
    assert tick(paired) is None  # at most one a day

    # Ines and the three check-ins: four people; Jonas's day is Thursday, not today.
    assert worker(paired).evaluate("chrome.action.getBadgeText({})") == "4"
    page = paired.new_page()
    page.goto(service.url + "/api/v1/health")
    tab_id = worker(paired).evaluate(
        "chrome.tabs.query({}).then(tabs => tabs.find(t => (t.url || '').includes('/health')).id)"
    )
    assert worker(paired).evaluate("(id) => chrome.action.getBadgeText({tabId: id})", tab_id) == "4"
    assert worker(paired).evaluate("(id) => GF.reminders.reminderBadgeFor(id)", tab_id) == "4"
    page.close()

    # Saturday is no weekday; on Tuesday, with everything done or snoozed, nothing is shown.
    set_clock(paired, monday.replace(hour=9) + timedelta(days=5))
    assert tick(paired) is None
    tuesday = monday + timedelta(days=1)
    answer = api(service, "GET", f"/api/v1/reminders?date={tuesday:%Y-%m-%d}")
    for item in answer["waiting"] + answer["dates"] + answer["checkins"]:
        api(
            service,
            "POST",
            "/api/v1/reminders/mark",
            {"key": item["key"], "person_id": item["person_id"], "action": "week"},
        )
    set_clock(paired, tuesday.replace(hour=9, minute=5))
    assert tick(paired) is None
    assert get_storage(paired, "lastReminderNotification")["lastReminderNotification"]["day"] == (
        f"{monday:%Y-%m-%d}"
    )
    assert worker(paired).evaluate("chrome.action.getBadgeText({})") == ""


def test_a_click_on_the_notification_opens_today_on_the_dashboard(paired, service):
    with paired.expect_page() as opened:
        worker(paired).evaluate("GF.reminders.openToday('givefirst-reminders-2026-06-22')")
    assert opened.value.url.rstrip("/") == service.url
    opened.value.close()
