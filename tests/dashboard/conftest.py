"""A browser-like client logged in to the dashboard, and the demo people loaded."""

import pytest
from givefirst import demo
from givefirst.store import sessions

SESSION_COOKIE = "givefirst_session_7170"


@pytest.fixture
def login_link(db, clock):
    """A fresh one-time login secret."""
    return lambda: sessions.new_login_link(db, clock())


@pytest.fixture
def browser(app, login_link):
    """A client logged in through a one-time link; `browser.csrf` is its session's CSRF token."""
    test_client = app.test_client()
    response = test_client.get(f"/login?token={login_link()}")
    assert response.status_code == 200 and b'http-equiv="refresh"' in response.data
    session = test_client.get("/session", headers={"Sec-Fetch-Site": "same-origin"})
    test_client.csrf = session.json["csrf_token"]
    return test_client


@pytest.fixture
def demo_people(db, clock):
    """The synthetic demo people, by name: {name: person id}."""
    demo.load(db, clock())
    return {row["name"]: row["id"] for row in db.query("SELECT id, name FROM people")}
