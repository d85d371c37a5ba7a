"""The bookmarklet in a real Chromium, on profile pages served with a strict CSP at their real URLs.

The click is simulated as docs/browser-testing.md measured it: CDP `Page.navigate` to the
`javascript:` URL, which runs it under the page's CSP as a bookmark click would.
"""

import json
import sqlite3

import pytest
from playwright.sync_api import expect

from tests.support.browser import serve_pages
from tests.support.dashboard import demo_service_and_browser, new_login_link, screenshot
from tests.support.live_service import givefirst

STRICT_CSP = {"Content-Security-Policy": "default-src 'self'; connect-src 'self'"}
GRACE_URL = "https://www.linkedin.com/in/demo-grace-ferrow/"
STRANGER_URL = "https://www.linkedin.com/in/demo-stranger-rosalind/"
KATHERINE_URL = "https://github.com/demo-katherine-moss"
KATHERINE_ELSEWHERE_URL = "https://www.linkedin.com/in/demo-katherine-elsewhere/"
HOSTILE_URL = "https://www.linkedin.com/in/hostile-heading/"
HOSTILE = "<img src=x onerror=alert(1)>"


def profile_page(name: str, job: str, company: str) -> str:
    """A synthetic profile page: a title, Open Graph, JSON-LD and a main heading."""
    person = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": name,
        "jobTitle": job,
        "worksFor": {"@type": "Organization", "name": company},
    }
    return f"""<!doctype html><html><head><title>{name} | LinkedIn</title>
      <meta property="og:title" content="{name} | LinkedIn">
      <meta property="og:description" content="{job} at {company}">
      <script type="application/ld+json">{json.dumps(person)}</script></head>
      <body><main><h1>{name}</h1><p>{job}</p></main></body></html>"""


PAGES = {
    GRACE_URL: profile_page("Grace Ferrow", "Payments lead", "Orbit"),
    STRANGER_URL: profile_page("Rosalind Vega", "Data engineer", "Northwind Labs"),
    KATHERINE_URL: profile_page("Katherine Moss", "Developer advocate", "PyLadies Berlin"),
    KATHERINE_ELSEWHERE_URL: profile_page("Katherine Moss", "Developer advocate", "PyLadies"),
    HOSTILE_URL: "<!doctype html><html><head><title>Someone | LinkedIn</title></head>"
    "<body><h1>&lt;img src=x onerror=alert(1)&gt;</h1></body></html>",
}


@pytest.fixture(scope="module")
def setup(playwright, tmp_path_factory):
    with demo_service_and_browser(playwright, tmp_path_factory.mktemp("bookmarklet")) as found:
        service, context = found
        aborted = serve_pages(context, PAGES, headers=STRICT_CSP)
        code = givefirst("bookmarklet", "--port", str(service.port), db_path=service.db_path)
        yield service, context, code.stdout.strip().splitlines()[-1], aborted


def click_bookmarklet(setup, url: str, name: str):
    """Open `url`, run the bookmarklet there, and return (the profile page, the popup)."""
    service, context, bookmarklet, _ = setup
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    loopback = []
    page.on("request", lambda r: loopback.append(r.url) if "127.0.0.1" in r.url else None)
    page.goto(url)
    with context.expect_page() as opened:
        context.new_cdp_session(page).send("Page.navigate", {"url": bookmarklet})
    popup = opened.value
    popup.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    popup.wait_for_load_state()
    popup.get_by_test_id("gf-status").wait_for(state="attached")
    assert loopback == [], "the page itself must never request the service"
    assert page.url == url, "the bookmarklet must leave the page where it was"
    expect(popup.get_by_test_id("gf-status")).not_to_have_text(
        "Looking up this page…", timeout=15_000
    )
    screenshot(popup, name)
    assert dialogs == []
    return page, popup


def test_not_logged_in_the_popup_says_how_to_log_in(setup):
    service = setup[0]
    page, popup = click_bookmarklet(setup, GRACE_URL, "popup-not-logged-in")
    popup.get_by_text("givefirst open").wait_for()
    assert popup.get_by_test_id("gf-status").inner_text() == "Not logged in."
    assert popup.get_by_test_id("gf-name").count() == 0
    assert popup.url.startswith(f"{service.url}/popup#")
    page.close(), popup.close()


@pytest.fixture(scope="module")
def logged_in(setup):
    service, context = setup[0], setup[1]
    page = context.new_page()
    page.goto(new_login_link(service))
    page.wait_for_url(f"{service.url}/")
    page.close()
    return setup


def test_on_a_strict_csp_profile_the_popup_shows_the_right_person_and_verdict(logged_in):
    page, popup = click_bookmarklet(logged_in, GRACE_URL, "popup")
    popup.get_by_test_id("gf-verdict").wait_for()
    assert popup.get_by_test_id("gf-name").inner_text() == "Grace Ferrow"
    assert popup.get_by_test_id("gf-verdict").get_attribute("data-verdict") == "give_first"
    assert popup.get_by_test_id("gf-verdict").inner_text() == "Give before asking"
    assert "Asked for an intro to her manager" in popup.get_by_test_id("gf-history").inner_text()
    assert "leads the payments team" in popup.get_by_test_id("gf-remember").inner_text()
    assert logged_in[3] == [], "nothing may leave this computer"
    page.close(), popup.close()


def test_logging_a_give_from_the_popup(logged_in):
    service = logged_in[0]
    page, popup = click_bookmarklet(logged_in, GRACE_URL, "popup-before-log")
    popup.get_by_test_id("gf-log-summary").fill("Sent her a payments conference ticket")
    popup.get_by_test_id("gf-log-weight").select_option(label="a big one")
    popup.get_by_test_id("gf-log-gave").click()
    popup.get_by_text("Logged: I gave").wait_for()
    assert "Gave\n1" in popup.get_by_test_id("gf-ledger").inner_text()
    with sqlite3.connect(service.db_path) as db:
        found = db.execute(
            "SELECT kind, weight FROM interactions WHERE summary LIKE 'Sent her a payments%'"
        )
        assert found.fetchall() == [("gave", 3)]
    screenshot(popup, "popup-logged")
    page.close(), popup.close()


def test_a_give_logged_from_the_popup_can_mark_their_open_ask_done(logged_in):
    service = logged_in[0]
    page, popup = click_bookmarklet(logged_in, KATHERINE_URL, "popup-their-ask")
    assert popup.get_by_test_id("gf-verdict").get_attribute("data-verdict") == "they_are_waiting"
    popup.get_by_test_id("gf-log-summary").fill("Reviewed her talk draft")
    popup.get_by_test_id("gf-log-done").check()
    popup.get_by_test_id("gf-log-gave").click()
    popup.get_by_text("Logged: I gave").wait_for()
    assert popup.get_by_test_id("gf-verdict").get_attribute("data-verdict") != "they_are_waiting"
    assert popup.get_by_test_id("gf-log-done").count() == 0
    with sqlite3.connect(service.db_path) as db:
        found = db.execute(
            "SELECT status FROM interactions WHERE kind = 'they_asked' AND "
            "summary = 'Review my conference talk draft'"
        )
        assert found.fetchall() == [("done",)]
    page.close(), popup.close()


def test_a_stranger_shows_no_ledger_and_is_remembered_with_the_pages_name(logged_in):
    service = logged_in[0]
    page, popup = click_bookmarklet(logged_in, STRANGER_URL, "popup-stranger")
    popup.get_by_test_id("gf-verdict").wait_for()
    assert popup.get_by_test_id("gf-verdict").get_attribute("data-verdict") == "stranger"
    assert popup.get_by_test_id("gf-name").inner_text() == "Rosalind Vega"
    assert popup.get_by_test_id("gf-ledger").count() == 0  # nothing to count: no zeros
    with sqlite3.connect(service.db_path) as db:
        assert db.execute(
            "SELECT count(*) FROM people WHERE name = 'Rosalind Vega'"
        ).fetchone() == (0,)
    name = popup.get_by_test_id("gf-remember-name")
    assert name.input_value() == "Rosalind Vega"
    name.fill(" ")
    popup.get_by_test_id("gf-remember-save").click()
    problem = popup.get_by_test_id("gf-remember-problem")
    assert problem.inner_text() == "Give them a name to remember them by."
    assert name.get_attribute("aria-describedby") == problem.get_attribute("id")
    name.fill("Rosalind Vega")
    popup.get_by_test_id("gf-remember-how").fill("Her meetup talk on data contracts")
    popup.get_by_test_id("gf-remember-save").click()
    popup.get_by_text("Remembered Rosalind Vega.").wait_for()
    assert popup.get_by_test_id("gf-verdict").get_attribute("data-verdict") == "connection_only"
    popup.get_by_test_id("gf-log-summary").fill("Talked after her meetup talk")
    popup.get_by_test_id("gf-log-talked").click()
    popup.get_by_text("Logged: We talked").wait_for()
    assert popup.get_by_test_id("gf-verdict").get_attribute("data-verdict") != "stranger"
    page.close(), popup.close()


def test_the_log_forms_problem_is_said_next_to_its_field(logged_in):
    page, popup = click_bookmarklet(logged_in, GRACE_URL, "popup-problem")
    popup.get_by_test_id("gf-log-gave").click()
    problem = popup.get_by_test_id("gf-log-problem")
    assert "Say in a few words what happened" in problem.inner_text()
    summary = popup.get_by_test_id("gf-log-summary")
    assert summary.get_attribute("aria-invalid") == "true"
    assert summary.get_attribute("aria-describedby") == problem.get_attribute("id")
    page.close(), popup.close()


def test_a_stranger_named_as_someone_known_is_linked_from_the_popup(logged_in):
    service = logged_in[0]
    page, popup = click_bookmarklet(logged_in, KATHERINE_ELSEWHERE_URL, "popup-namesake")
    offer = popup.get_by_test_id("gf-namesake")
    assert "Is this the Katherine you know?" in offer.inner_text()
    popup.get_by_test_id("gf-namesake-link").click()
    popup.get_by_text("Linked to Katherine Moss.").wait_for()
    assert popup.get_by_test_id("gf-verdict").get_attribute("data-verdict") != "stranger"
    with sqlite3.connect(service.db_path) as db:
        owner = db.execute(
            "SELECT p.name FROM profiles f JOIN people p ON p.id = f.person_id WHERE f.key = ?",
            ["li:demo-katherine-elsewhere"],
        ).fetchone()
    assert owner == ("Katherine Moss",)
    page.close(), popup.close()


def test_a_hostile_heading_renders_as_text_in_the_popup(logged_in):
    page, popup = click_bookmarklet(logged_in, HOSTILE_URL, "popup-hostile")
    popup.get_by_test_id("gf-name").wait_for()
    assert popup.get_by_test_id("gf-name").inner_text() == HOSTILE
    assert popup.locator("img").count() == 0
    page.close(), popup.close()


def test_a_known_persons_other_profiles_are_offered_and_linked_from_the_popup(logged_in):
    """The bookmarklet sends no HTML, so the offers are what their own page linked to last time."""
    service = logged_in[0]
    other = {
        "key": "gh:demo-grace-builds",
        "site": "github",
        "url": "https://github.com/demo-grace-builds",
    }
    with sqlite3.connect(service.db_path) as db:
        db.execute(
            "UPDATE profiles SET links = ? WHERE key = ?",
            [json.dumps([other]), "li:demo-grace-ferrow"],
        )
    page, popup = click_bookmarklet(logged_in, GRACE_URL, "popup-suggested-profiles")
    offers = popup.get_by_test_id("gf-suggested-profiles")
    assert "github.com/demo-grace-builds" in offers.inner_text()
    offers.get_by_test_id("gf-link-profile").click()
    popup.get_by_text("Linked github.com/demo-grace-builds to Grace Ferrow.").wait_for()
    with sqlite3.connect(service.db_path) as db:
        owner = db.execute(
            "SELECT p.name FROM profiles f JOIN people p ON p.id = f.person_id WHERE f.key = ?",
            [other["key"]],
        ).fetchone()
    assert owner == ("Grace Ferrow",)
    expect(popup.get_by_test_id("gf-link-profile")).to_have_count(0)
    page.close(), popup.close()
