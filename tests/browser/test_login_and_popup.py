"""In a real Chromium: a login link clicked on another site logs in; another site that opens the
popup cannot write into what we remember; Enter in the popup's log box keeps what was typed."""

import hashlib
import sqlite3
import urllib.parse

import pytest
from playwright.sync_api import expect

from tests.support.browser import serve_pages
from tests.support.dashboard import demo_service_and_browser, new_login_link, screenshot

MAIL_URL = "https://mail.example/inbox"
EVIL_URL = "https://evil.example/"
GRACE_URL = "https://www.linkedin.com/in/demo-grace-ferrow"
OBSERVED = "name, headline, company, role, location, photo_url"


@pytest.fixture(scope="module")
def setup(playwright, tmp_path_factory):
    with demo_service_and_browser(playwright, tmp_path_factory.mktemp("login-popup")) as found:
        service, context = found
        with sqlite3.connect(service.db_path) as db:  # something to overwrite, and to snapshot
            db.execute(
                "UPDATE profiles SET company = 'Orbit', headline = 'Payments lead' "
                "WHERE key = 'li:demo-grace-ferrow'"
            )
        link = {"href": ""}
        pages = {
            MAIL_URL: lambda: (
                f"<!doctype html><title>Inbox</title><p>Your givefirst link: "
                f'<a id="login" href="{link["href"]}">log in</a></p>'
            ),
            EVIL_URL: "<!doctype html><title>Nothing to see</title>"
            '<button id="go">Go</button><script>document.getElementById("go").onclick = '
            "() => window.open(document.body.dataset.target, '_blank', 'popup');</script>",
        }
        aborted = serve_pages(context, pages)
        yield service, context, link, aborted


def test_a_login_link_clicked_on_a_mail_page_logs_in(setup):
    service, context, link, aborted = setup
    link["href"] = new_login_link(service)
    page = context.new_page()
    page.goto(MAIL_URL)
    page.locator("#login").click()
    page.wait_for_url(f"{service.url}/")
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    cookie = next(c for c in context.cookies() if c["name"].startswith("givefirst_session_"))
    assert cookie["sameSite"] == "Strict"
    screenshot(page, "login-from-mail")
    assert aborted == []
    page.close()


def test_a_new_link_from_the_mail_page_ends_the_session_this_browser_had(logged_in):
    service, context, link, _ = logged_in
    old = session_cookie(context)
    link["href"] = new_login_link(service)
    page = context.new_page()
    page.goto(MAIL_URL)
    page.locator("#login").click()
    page.wait_for_url(f"{service.url}/")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert session_cookie(context) != old
    with sqlite3.connect(service.db_path) as db:
        hashes = {row[0] for row in db.execute("SELECT session_hash FROM sessions")}
    assert hashlib.sha256(old.encode()).hexdigest() not in hashes
    assert hashlib.sha256(session_cookie(context).encode()).hexdigest() in hashes
    page.close()


def session_cookie(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"].startswith("givefirst_session_"))


@pytest.fixture
def logged_in(setup):
    """The session this browser holds: the mail page's link, or a fresh one opened directly."""
    service, context = setup[0], setup[1]
    if not any(c["name"].startswith("givefirst_session_") for c in context.cookies()):
        page = context.new_page()
        page.goto(new_login_link(service))
        page.wait_for_url(f"{service.url}/")
        page.close()
    return setup


def stored_profile(service) -> tuple:
    with sqlite3.connect(service.db_path) as db:
        profile = db.execute(
            f"SELECT {OBSERVED} FROM profiles WHERE key = 'li:demo-grace-ferrow'"
        ).fetchone()
        snapshots = db.execute("SELECT id, profile_id, fields FROM profile_snapshots").fetchall()
    return profile, sorted(snapshots)


def open_popup_from(setup, opener_url: str, fragment: dict):
    """A page at `opener_url` opens the service's popup with `fragment`, as any site could."""
    service, context = setup[0], setup[1]
    page = context.new_page()
    page.goto(opener_url)
    target = f"{service.url}/popup#{urllib.parse.urlencode(fragment)}"
    page.evaluate("target => { document.body.dataset.target = target; }", target)
    with context.expect_page() as opened:
        page.locator("#go").click()
    popup = opened.value
    popup.wait_for_load_state()
    expect(popup.get_by_test_id("gf-status")).not_to_have_text("Looking up this page…")
    return page, popup


def test_another_site_opening_the_popup_cannot_change_what_we_remember(logged_in):
    service = logged_in[0]
    before = stored_profile(service)
    page, popup = open_popup_from(
        logged_in,
        EVIL_URL,
        {
            "url": GRACE_URL,
            "title": "Grace Ferrow | LinkedIn",
            "name": "Grace Ferrow",
            "company": "EvilCorp",
            "headline": "Send your bank details",
            "location": "Nowhere",
        },
    )
    popup.get_by_test_id("gf-verdict").wait_for()  # logged in: the card of the known person
    assert popup.get_by_test_id("gf-name").inner_text() == "Grace Ferrow"
    assert "EvilCorp" not in popup.locator("body").inner_text()
    assert stored_profile(service) == before
    page.close(), popup.close()


def test_enter_in_the_popups_log_box_keeps_the_text_and_logs_nothing(logged_in):
    service, context = logged_in[0], logged_in[1]
    popup = context.new_page()
    popup.goto(f"{service.url}/popup#{urllib.parse.urlencode({'url': GRACE_URL})}")
    popup.get_by_test_id("gf-verdict").wait_for()
    address = popup.url
    box = popup.get_by_test_id("gf-log-summary")
    box.fill("Sent her the payments meetup slides")
    box.press("Enter")
    expect(popup.get_by_test_id("gf-status")).to_have_text(
        "Choose what to log: a give, an ask or a conversation."
    )
    assert popup.url == address and "summary=" not in popup.url
    assert box.input_value() == "Sent her the payments meetup slides"
    with sqlite3.connect(service.db_path) as db:
        assert db.execute(
            "SELECT count(*) FROM interactions WHERE summary LIKE 'Sent her the payments meetup%'"
        ).fetchone() == (0,)
    popup.get_by_test_id("gf-log-gave").click()
    popup.get_by_text("Logged: I gave").wait_for()
    with sqlite3.connect(service.db_path) as db:
        assert db.execute(
            "SELECT kind FROM interactions WHERE summary = 'Sent her the payments meetup slides'"
        ).fetchall() == [("gave",)]
    popup.close()
