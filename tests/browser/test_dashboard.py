"""The dashboard in a real Chromium: login, Today with the demo people, logging on a Person page,
cross-site posts refused, hostile names shown as text. Every page is screenshotted."""

import json
import sqlite3
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.support.browser import serve_pages
from tests.support.dashboard import (
    demo_service_and_browser,
    login_link_from_banner,
    screenshot,
)

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def setup(playwright, tmp_path_factory):
    with demo_service_and_browser(playwright, tmp_path_factory.mktemp("dashboard")) as found:
        service, _ = found
        hostile = api(
            service,
            "POST",
            "/api/v1/people",
            {
                "name": HOSTILE,
                "tags": [HOSTILE],
                "how_met": HOSTILE,
                "profiles": ["https://www.linkedin.com/in/hostile-fixture"],
            },
        )
        api(
            service,
            "POST",
            f"/api/v1/people/{hostile['id']}/interactions",
            {"kind": "they_asked", "summary": HOSTILE},
        )
        yield found


@pytest.fixture(scope="module")
def service(setup):
    return setup[0]


@pytest.fixture(scope="module")
def context(setup):
    return setup[1]


@pytest.fixture(scope="module")
def logged_in(service, context):
    """Log in once with the link `givefirst serve` printed; later tests share the session."""
    page = context.new_page()
    page.goto(login_link_from_banner(service))
    page.wait_for_url(f"{service.url}/")
    page.close()
    return context


@pytest.fixture
def page(logged_in):
    opened = logged_in.new_page()
    alerts = []
    opened.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    yield opened
    opened.close()
    assert alerts == [], "a page ran script from data"


def api(service, method, path, body=None):
    request = urllib.request.Request(
        service.url + path,
        method=method,
        data=json.dumps(body).encode() if body else None,
        headers={"Authorization": f"Bearer {service.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or "null")


def count_interactions(service) -> int:
    with sqlite3.connect(service.db_path) as db:
        return db.execute("SELECT count(*) FROM interactions").fetchone()[0]


def test_login_with_the_link_serve_printed_sets_a_strict_httponly_cookie(service, logged_in):
    cookie = next(c for c in logged_in.cookies() if c["name"].startswith("givefirst_session_"))
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    page = logged_in.new_page()
    page.goto(login_link_from_banner(service))  # the same link a second time
    assert "expired or was already used" in page.locator("main").inner_text()
    screenshot(page, "login-link-used")
    page.close()


def test_today_with_the_demo_people(page, service):
    page.goto(service.url + "/")
    nurture = page.get_by_test_id("nurture-list")
    first = nurture.locator("li").first
    assert "Katherine Moss" in first.inner_text()
    assert first.locator(".suggestion").inner_text().startswith("Try:")
    assert page.get_by_test_id("waiting").count() == 2  # Katherine and the hostile fixture
    screenshot(page, "today")


def test_logging_an_interaction_on_a_person_page(page, service):
    page.goto(service.url + "/people?q=Grace")
    page.get_by_role("link", name="Grace Ferrow").click()
    assert page.get_by_test_id("gf-verdict").get_attribute("data-verdict") == "give_first"
    screenshot(page, "person-before")
    form = page.get_by_test_id("log-form")
    form.get_by_label("What").select_option("gave")
    form.get_by_label("Summary").fill("Introduced her to a payments designer")
    form.get_by_label("Weight").select_option("2")
    form.get_by_role("button", name="Log it").click()
    page.get_by_test_id("timeline").get_by_text("Introduced her to a payments designer").wait_for()
    ledger = page.get_by_test_id("gf-ledger").inner_text()
    assert "Gave\n1" in ledger
    screenshot(page, "person")


def test_a_person_page_shows_the_first_suggestions_draft_to_copy(page, service, logged_in):
    logged_in.grant_permissions(["clipboard-read", "clipboard-write"], origin=service.url)
    page.goto(service.url + "/people?q=Tomas")
    page.get_by_role("link", name="Tomas Reyes").click()
    page.get_by_test_id("person-name").wait_for()
    drafts = page.get_by_test_id("gf-draft")
    assert drafts.count() == 1
    assert "Introduced me to my first design client" in drafts.input_value()
    drafts.fill("Hi Tomas, thank you again — it went well.")
    page.get_by_test_id("gf-draft-copy").click()
    page.get_by_text("Copied: paste it where you write to them.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "Hi Tomas, thank you again — it went well."


def test_people_network_and_settings_pages(page, service):
    for path, name in (("/people", "people"), ("/network", "network"), ("/settings", "settings")):
        page.goto(service.url + path)
        assert page.locator("h1").inner_text() in ("People", "Network health", "Settings")
        screenshot(page, name)
    assert page.locator("a[data-bookmarklet]").get_attribute("href").startswith("javascript:")


@pytest.fixture
def local_attacker():
    """A page on another port of 127.0.0.1: the same *site*, so the Strict cookie does go along."""
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", pages
    server.shutdown()
    server.server_close()


def attack_page(target: str) -> str:
    # A cross-site form post, as a hostile page would send it (its own CSP allows its script).
    return f"""<html><body><form id=f method=post action="{target}">
      <input name=kind value=gave><input name=summary value="forged"></form>
      <script>document.getElementById('f').submit()</script></body></html>"""


def test_a_cross_site_post_is_refused(page, service, context, local_attacker):
    target = f"{service.url}/people/1/interactions"
    before = count_interactions(service)
    serve_pages(context, {"https://evil.example/": attack_page(target)})
    try:
        with page.expect_response(target) as answer:
            page.goto("https://evil.example/")
        assert answer.value.status == 403
    finally:
        context.unroute("**/*")
    origin, pages = local_attacker
    pages["/"] = attack_page(target)
    with page.expect_response(target) as answer:
        page.goto(origin + "/")
    assert answer.value.status == 403
    assert answer.value.request.header_value("Cookie") is not None  # sent, and still refused
    screenshot(page, "cross-site-refused")
    assert count_interactions(service) == before


def test_hostile_names_render_as_text(page, service):
    page.goto(service.url + "/people?tag=" + urllib.parse.quote(HOSTILE))
    page.get_by_role("link", name=HOSTILE).click()
    assert page.get_by_test_id("person-name").inner_text() == HOSTILE
    assert page.locator("img").count() == 0
    assert HOSTILE in page.get_by_test_id("timeline").inner_text()
    page.goto(service.url + "/")
    assert page.locator("img").count() == 0
    assert HOSTILE in page.locator("main").inner_text()
    screenshot(page, "hostile-names")


UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea")]
  .filter((c) => c.type !== "hidden" && !c.labels.length && !c.getAttribute("aria-label"))
  .map((c) => c.outerHTML)"""


def test_every_control_has_a_label_and_the_keyboard_reaches_the_content(page, service):
    for path in ("/", "/people", "/people/1", "/network", "/settings"):
        page.goto(service.url + path)
        assert page.evaluate(UNLABELLED) == [], path
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in ("A", "BUTTON", "INPUT", "SELECT")
