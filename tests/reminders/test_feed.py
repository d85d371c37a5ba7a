"""The reminders calendar: what it holds, and its token that opens it and nothing else."""

import re
from datetime import date, timedelta

import icalendar
import pytest
from givefirst.api.security import PUBLIC_ENDPOINTS
from givefirst.store import feeds

FEED = "/api/v1/reminders.ics"


@pytest.fixture
def feed_token(db, clock):
    return feeds.create(db, clock())


def events(response) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(response.data)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_holds_dates_ahead_and_check_ins_as_all_day_events(
    app, client, person, log, clock, feed_token
):
    jonas = person("Jonas Berg", circle="acquaintance")["id"]
    client.post(
        f"/api/v1/people/{jonas}/facts", json={"label": "Birthday", "value": "-", "date": "--09-01"}
    )
    ines = person("Ines <b>Duarte</b>", ["https://x.com/ines"], circle="close")["id"]
    log(ines, "talked", occurred_at="2026-06-10T10:00:00+00:00")
    clock.now -= timedelta(days=40)
    person("Old Friend", ["https://github.com/old-friend"], circle="close")  # overdue
    clock.now += timedelta(days=40)
    response = app.test_client().get(f"{FEED}?token={feed_token}")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    found = events(response)
    assert set(found) == {
        "Jonas's birthday",
        "Check in with Ines <b>Duarte</b>",
        "Check in with Old Friend",
    }
    assert found["Jonas's birthday"].decoded("dtstart") == date(2026, 9, 1)
    assert found["Check in with Ines <b>Duarte</b>"].decoded("dtstart") == date(2026, 7, 10)
    overdue = found["Check in with Old Friend"]
    assert overdue.decoded("dtstart") == date(2026, 6, 15)  # overdue shows on today
    assert overdue.decoded("dtend") == date(2026, 6, 16)
    assert len({str(e["uid"]) for e in found.values()}) == 3


def test_done_items_leave_the_feed(app, client, person, feed_token):
    pid = person("Ines Duarte", circle="inner")["id"]
    key = f"checkin:{pid}:2026-06-29"
    client.post("/api/v1/reminders/mark", json={"key": key, "person_id": pid, "action": "done"})
    assert events(app.test_client().get(f"{FEED}?token={feed_token}")) == {}


def test_the_feed_token_is_refused_on_every_other_endpoint(app, client, feed_token, person):
    pid = person("Ines Duarte")["id"]
    anonymous = app.test_client()
    checked = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        path = re.sub(r"<int:\w+>", str(pid), rule.rule)
        path = re.sub(r"<\w+>", "x", path)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            for how in (
                {"headers": {"Authorization": f"Bearer {feed_token}"}},
                {"query_string": {"token": feed_token}},
            ):
                response = anonymous.open(path, method=method, json={}, **how)
                assert response.status_code == 401, (method, path, how)
                checked += 1
    assert checked >= 30
    page = anonymous.get("/", headers={"Authorization": f"Bearer {feed_token}"})
    assert b"givefirst open" in page.data and b"nurture-list" not in page.data


def test_a_revoked_or_replaced_feed_token_and_an_api_token_are_refused(
    app, db, clock, token, feed_token
):
    anonymous = app.test_client()
    assert anonymous.get(f"{FEED}?token={feed_token}").status_code == 200
    newer = feeds.create(db, clock())  # a new link: the old one stops working
    assert anonymous.get(f"{FEED}?token={feed_token}").status_code == 401
    assert anonymous.get(f"{FEED}?token={newer}").status_code == 200
    feeds.revoke(db, clock())
    refused = anonymous.get(f"{FEED}?token={newer}")
    assert refused.status_code == 401 and refused.json["error"]["code"] == "unauthorized"
    assert anonymous.get(f"{FEED}?token={token}").status_code == 401  # the API's token
    assert anonymous.get(FEED).status_code == 401
    assert feeds.active(db) is None


def test_the_feed_records_when_it_was_last_read(app, db, clock, feed_token):
    assert feeds.active(db)["last_used_at"] is None
    app.test_client().get(f"{FEED}?token={feed_token}")
    assert feeds.active(db)["last_used_at"] == clock().isoformat()
