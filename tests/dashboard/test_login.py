"""Logging in with a one-time link: the cookie it sets, and every way a link is refused."""

from datetime import timedelta

import pytest
from givefirst.store import sessions

from tests.dashboard.conftest import SESSION_COOKIE


def test_a_login_link_sets_an_httponly_samesite_strict_cookie_and_goes_to_today(
    anonymous, login_link
):
    response = anonymous.get(f"/login?token={login_link()}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<meta http-equiv="refresh" content="0; url=/">' in page
    assert '<a href="/" data-testid="login-continue">' in page and "<script>" not in page
    assert response.headers["Cache-Control"] == "no-store"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert anonymous.get("/").status_code == 200


def test_a_login_link_works_only_once(anonymous, app, login_link):
    secret = login_link()
    assert anonymous.get(f"/login?token={secret}").status_code == 200
    other_browser = app.test_client()
    again = other_browser.get(f"/login?token={secret}")
    assert again.status_code == 403
    assert b"expired or was already used" in again.data
    assert "Set-Cookie" not in again.headers
    assert other_browser.get("/").status_code == 401


def test_an_expired_login_link_is_refused(anonymous, login_link, clock):
    secret = login_link()
    clock.now += sessions.LINK_TTL + timedelta(seconds=1)
    response = anonymous.get(f"/login?token={secret}")
    assert response.status_code == 403
    assert anonymous.get("/").status_code == 401


def test_a_made_up_login_link_is_refused_and_nothing_is_stored(anonymous, db):
    response = anonymous.get("/login?token=guessed-secret")
    assert response.status_code == 403
    assert db["sessions"].count == 0


def test_links_and_sessions_are_stored_only_as_hashes(browser, db, login_link):
    secret = login_link()
    stored = str(list(db["login_links"].rows)) + str(list(db["sessions"].rows))
    assert secret not in stored
    assert browser.get_cookie(SESSION_COOKIE, domain="127.0.0.1").value not in stored


def test_pages_without_a_session_say_how_to_log_in(anonymous):
    for path in ("/", "/people", "/network", "/settings"):
        response = anonymous.get(path)
        assert response.status_code == 401, path
        assert b"givefirst open" in response.data


def test_a_session_expires(browser, clock):
    assert browser.get("/").status_code == 200
    clock.now += sessions.SESSION_TTL + timedelta(seconds=1)
    assert browser.get("/").status_code == 401


def test_logging_out_ends_the_session_on_the_server_too(browser, app):
    secret = browser.get_cookie(SESSION_COOKIE, domain="127.0.0.1").value
    response = browser.post("/logout", data={"csrf_token": browser.csrf})
    assert response.status_code == 303
    replay = app.test_client()
    replay.set_cookie(SESSION_COOKIE, secret, domain="127.0.0.1")
    assert replay.get("/").status_code == 401


SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}


def test_the_session_check_gives_the_csrf_token_only_to_a_session(anonymous, browser):
    refused = anonymous.get("/session", headers=SAME_ORIGIN)
    assert refused.status_code == 401
    assert refused.json["error"]["code"] == "login_required"
    answer = browser.get("/session", headers=SAME_ORIGIN)
    assert answer.json["csrf_token"] == browser.csrf
    assert answer.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "headers",
    [
        {},  # a client that says nothing of where it comes from: the cookie alone is not enough
        {"Sec-Fetch-Site": "none"},  # typed into the address bar
        {"Sec-Fetch-Site": "same-site"},  # another port on this computer
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1:7170"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Referer": "http://127.0.0.1:9999/popup"},
        {"Referer": "https://evil.example/"},
    ],
)
def test_the_session_check_refuses_anything_but_the_services_own_pages(browser, headers):
    response = browser.get("/session", headers=headers)
    assert response.status_code == 403
    assert response.json["error"]["code"] in ("csrf_failed", "forbidden_origin")
    assert browser.csrf not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "headers",
    [SAME_ORIGIN, {"Origin": "http://127.0.0.1:7170"}, {"Referer": "http://127.0.0.1:7170/popup"}],
)
def test_the_session_check_answers_the_services_own_pages(browser, headers):
    assert browser.get("/session", headers=headers).json["csrf_token"] == browser.csrf


def test_a_new_login_link_in_the_same_browser_ends_the_session_it_had(browser, app, login_link):
    old = browser.get_cookie(SESSION_COOKIE, domain="127.0.0.1").value
    assert browser.get(f"/login?token={login_link()}").status_code == 200
    new = browser.get_cookie(SESSION_COOKIE, domain="127.0.0.1").value
    assert new != old
    assert browser.get("/").status_code == 200
    replay = app.test_client()
    replay.set_cookie(SESSION_COOKIE, old, domain="127.0.0.1")
    assert replay.get("/").status_code == 401


def test_a_link_followed_from_another_site_continues_from_a_page_of_ours_before_it_is_spent(
    browser, app, db, login_link
):
    old = browser.get_cookie(SESSION_COOKIE, domain="127.0.0.1").value
    secret = login_link()
    first = app.test_client().get(
        f"/login?token={secret}", headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert first.status_code == 200 and "Set-Cookie" not in first.headers
    onward = f"/login?token={secret}&amp;continued=1"
    assert f'<meta http-equiv="refresh" content="0; url={onward}">' in first.get_data(as_text=True)
    assert db.execute("SELECT used_at FROM login_links").fetchall()[-1] == (None,)
    # The step from our own page is same-origin, and carries the cookie the browser holds.
    second = browser.get(
        f"/login?token={secret}&continued=1", headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert second.status_code == 200 and "Set-Cookie" in second.headers
    replay = app.test_client()
    replay.set_cookie(SESSION_COOKIE, old, domain="127.0.0.1")
    assert replay.get("/").status_code == 401
    assert browser.get("/").status_code == 200
