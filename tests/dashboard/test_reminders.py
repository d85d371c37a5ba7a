"""Reminders on the dashboard: Today's done and snooze, a person's cadence, the calendar link."""

import re
from datetime import timedelta

from givefirst.store import feeds


def text_of(response) -> str:
    return response.get_data(as_text=True)


def mark(browser, key, person_id, action):
    return browser.post(
        "/reminders/mark",
        data={
            "csrf_token": browser.csrf,
            "key": key,
            "person_id": str(person_id),
            "action": action,
            "next": "/",
        },
    )


def keys_on(page: str, testid: str) -> list[str]:
    found = []
    for part in page.split(f'data-testid="{testid}"')[1:]:
        found.append(re.search(r'name="key" value="([^"]+)"', part).group(1))
    return found


def test_a_date_marked_done_and_a_wait_snoozed_leave_today_and_stay_gone(
    browser, demo_people, clock
):
    page = text_of(browser.get("/"))
    (date_key,) = keys_on(page, "date")
    (waiting_key,) = keys_on(page, "waiting")
    response = mark(browser, date_key, demo_people["Ada Quill"], "done")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    mark(browser, waiting_key, demo_people["Katherine Moss"], "week")
    page = text_of(browser.get("/"))
    assert "No dates this week." in page and "Nobody is waiting on you." in page
    clock.now += timedelta(days=6)
    assert "Nobody is waiting on you." in text_of(browser.get("/"))
    clock.now += timedelta(days=1)  # the week's snooze is over
    assert keys_on(text_of(browser.get("/")), "waiting") == [waiting_key]


def test_a_nurture_pick_marked_done_leaves_this_weeks_list(browser, demo_people):
    page = text_of(browser.get("/"))
    nurture = page.split('data-testid="nurture-list"')[1].split("</ol>")[0]
    first = re.search(r'name="key" value="(give:(\d+):[^"]+)"', nurture)
    mark(browser, first.group(1), int(first.group(2)), "done")
    after = text_of(browser.get("/")).split('data-testid="nurture-list"')[1].split("</ol>")[0]
    assert first.group(1) not in after and 'name="key" value="give:' in after


def test_check_ins_due_are_listed_and_can_be_snoozed_a_month(browser, demo_people):
    page = text_of(browser.get("/"))
    keys = keys_on(page, "checkin")
    assert keys and all(key.startswith("checkin:") for key in keys)
    person_id = int(keys[0].split(":")[1])
    mark(browser, keys[0], person_id, "month")
    assert keys[0] not in keys_on(text_of(browser.get("/")), "checkin")


def test_a_mark_without_the_csrf_token_is_refused(browser, demo_people, db):
    response = browser.post(
        "/reminders/mark", data={"key": "checkin:1:2026-06-01", "person_id": "1", "action": "done"}
    )
    assert response.status_code == 403 and db["reminder_states"].count == 0


def test_the_person_page_says_how_often_and_when_next_due_and_sets_it(browser, demo_people):
    pid = demo_people["Ada Quill"]
    page = text_of(browser.get(f"/people/{pid}"))
    assert 'data-testid="next-due"' in page and "Next check-in due" in page
    response = browser.post(
        f"/people/{pid}/cadence", data={"csrf_token": browser.csrf, "cadence": "90"}
    )
    assert response.status_code == 303
    page = text_of(browser.get(f"/people/{pid}"))
    cadence = page.split('data-testid="cadence"')[1].split("</p>")[0]
    assert "Every 3 months" in cadence and "circle)" not in cadence
    browser.post(f"/people/{pid}/cadence", data={"csrf_token": browser.csrf, "cadence": "none"})
    assert "No check-ins." in text_of(browser.get(f"/people/{pid}"))
    bad = browser.post(f"/people/{pid}/cadence", data={"csrf_token": browser.csrf, "cadence": "-3"})
    assert bad.status_code == 422


def test_settings_make_a_calendar_link_shown_once_and_revoke_it(browser, app, db):
    assert "No calendar link yet." in text_of(browser.get("/settings"))
    made = text_of(browser.post("/settings/feed", data={"csrf_token": browser.csrf}))
    link = re.search(r'data-testid="feed-link" value="([^"]+)"', made) or re.search(
        r'value="([^"]+)" data-testid="feed-link"', made
    )
    url = link.group(1).replace("&amp;", "&")
    assert url.startswith("http://127.0.0.1:7170/api/v1/reminders.ics?token=gfcal_")
    path = url.removeprefix("http://127.0.0.1:7170")
    assert app.test_client().get(path).status_code == 200
    later = text_of(browser.get("/settings"))
    assert "A calendar link is active" in later and "gfcal_" not in later
    browser.post("/settings/feed/revoke", data={"csrf_token": browser.csrf})
    assert app.test_client().get(path).status_code == 401
    assert feeds.active(db) is None
