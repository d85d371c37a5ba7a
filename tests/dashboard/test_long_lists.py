"""Today shows the first open asks and dates of a long list, and a way to see every one."""

from datetime import timedelta

from givefirst.store import facts, interactions, people

from tests.conftest import NOW


def test_today_shows_twenty_open_asks_and_a_link_to_all_of_them(browser, db):
    pid = people.create(db, {"name": "Ada Lovelace"}, NOW)
    for n in range(25):
        at = (NOW - timedelta(days=n + 1)).isoformat()
        interactions.create(
            db, pid, {"kind": "asked", "summary": f"ask {n}", "occurred_at": at}, NOW
        )
        interactions.create(
            db, pid, {"kind": "they_asked", "summary": f"theirs {n}", "occurred_at": at}, NOW
        )
    page = browser.get("/").get_data(as_text=True)
    assert page.count('data-testid="open-ask"') == 20
    assert page.count('data-testid="waiting"') == 20
    assert "and 5 more" in page and 'href="/?asks=all#asks-heading"' in page
    everything = browser.get("/?asks=all").get_data(as_text=True)
    assert everything.count('data-testid="open-ask"') == 25
    assert everything.count('data-testid="waiting"') == 25
    assert 'data-testid="asks-more"' not in everything


def test_today_shows_twenty_dates_this_week_and_a_link_to_all_of_them(browser, db):
    for n in range(23):
        pid = people.create(db, {"name": f"Person {n:02d}"}, NOW)
        day = (NOW + timedelta(days=n % 7)).date().isoformat()[5:]
        facts.create(db, pid, {"label": "birthday", "value": "a cake", "date": f"--{day}"}, NOW)
    page = browser.get("/").get_data(as_text=True)
    assert page.count('data-testid="date"') == 20
    assert "and 3 more" in page and 'href="/?dates=all#dates-heading"' in page
    everything = browser.get("/?dates=all").get_data(as_text=True)
    assert everything.count('data-testid="date"') == 23
    assert 'data-testid="dates-more"' not in everything
