"""The card in the browser's sidebar: opened by the toolbar button, the keyboard shortcut and the
in-page launcher; following the active tab as the person switches tabs and moves to another
profile inside the app; and the toolbar badge saying each verdict at a glance."""

import datetime
import json

from tests.support.extension import (
    ASKED_TWICE,
    LAUNCHER,
    api,
    badge,
    remember,
    wait_for_verdict,
    worker,
)
from tests.support.profile_pages import PROFILE_PAGES
from tests.support.spa_pages import CSP, spa

# The side panel is a context of the extension's (Chromium reports no window for it).
PANELS = "async () => (await chrome.runtime.getContexts({contextTypes: ['SIDE_PANEL']})).length"
CLOSE_PANELS = """async () => {
  for (const w of await chrome.windows.getAll()) await chrome.sidePanel.close({windowId: w.id}).catch(() => null);
}"""


def open_panels(tab) -> int:
    return worker(tab.context).evaluate(PANELS)


def opens_a_panel(tab, action) -> None:
    """Run `action` and wait until one more side panel is open than before."""
    worker(tab.context).evaluate(CLOSE_PANELS)
    for _ in range(100):
        if not open_panels(tab):
            break
        tab.wait_for_timeout(50)
    assert open_panels(tab) == 0, "a side panel stays open"
    action()
    for _ in range(100):
        if open_panels(tab):
            return
        tab.wait_for_timeout(50)
    raise AssertionError("no side panel opened")


def test_the_toolbar_button_opens_the_sidebar(browser):
    behaviour = worker(browser).evaluate("() => chrome.sidePanel.getPanelBehavior()")
    assert behaviour == {"openPanelOnActionClick": True}
    assert worker(browser).evaluate(
        "() => chrome.runtime.getManifest().side_panel.default_path"
    ) == ("card/card.html")


def test_the_launcher_opens_the_sidebar(browser, tab, fixture_pages):
    url, html = PROFILE_PAGES["github"]("launchme", "Nia Holm")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    launcher = tab.locator(f"{LAUNCHER} [data-testid=gf-launcher]")
    assert launcher.inner_text() == "You don't know them yet"  # the verdict's title, no name
    opens_a_panel(tab, launcher.click)


def test_the_shortcut_opens_the_sidebar(browser, tab, fixture_pages):
    url, html = PROFILE_PAGES["linkedin"]("shortcut-me", "Oren Falk")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    assert tab.locator(LAUNCHER).count() == 0  # none on LinkedIn by default
    tab.locator("h1").click()
    opens_a_panel(tab, lambda: tab.keyboard.press("Alt+Shift+G"))


class Panel:
    """The open side panel, which Playwright does not list as a page: evaluated through CDP."""

    def __init__(self, browser, tab):
        self.tab = tab
        self.cdp = browser.new_cdp_session(tab)
        self.answers: dict[int, dict] = {}
        self.cdp.on("Target.receivedMessageFromTarget", self.received)
        targets = self.cdp.send("Target.getTargets")["targetInfos"]
        (panel,) = [t for t in targets if t["url"].endswith("/card/card.html")]
        attached = self.cdp.send(
            "Target.attachToTarget", {"targetId": panel["targetId"], "flatten": False}
        )
        self.session = attached["sessionId"]
        self.next_id = 0

    def received(self, event) -> None:
        message = json.loads(event["message"])
        if "id" in message:
            self.answers[message["id"]] = message

    def name(self) -> str | None:
        self.next_id += 1
        ask = {
            "id": self.next_id,
            "method": "Runtime.evaluate",
            "params": {
                "expression": "document.querySelector('[data-testid=gf-name]').textContent",
                "returnByValue": True,
            },
        }
        self.cdp.send(
            "Target.sendMessageToTarget", {"sessionId": self.session, "message": json.dumps(ask)}
        )
        for _ in range(100):
            if self.next_id in self.answers:
                return self.answers.pop(self.next_id)["result"]["result"].get("value")
            self.tab.wait_for_timeout(20)
        raise AssertionError("the side panel did not answer")

    def shows(self, name: str) -> None:
        seen = None
        for _ in range(150):
            seen = self.name()
            if seen == name:
                return
            self.tab.wait_for_timeout(50)
        raise AssertionError(f"the sidebar shows {seen!r}, not {name!r}")


def test_the_sidebar_follows_tab_switches_and_in_app_navigation(
    browser, tab, service, fixture_pages
):
    people = {"/in/side-ada-ray/": ("Ada Ray", "Potter"), "/in/side-bo-sand/": ("Bo Sand", "Pilot")}
    shell = spa(people)
    tab.route(
        "https://www.linkedin.com/**",
        lambda route: route.fulfill(body=shell, headers=CSP, content_type="text/html"),
    )
    remember(
        service,
        "Ada Ray (from the potters' guild)",
        "https://www.linkedin.com/in/side-ada-ray/",
        ASKED_TWICE,
    )
    gh_url, gh_html = PROFILE_PAGES["github"]("sidecy", "Cy Noor")
    fixture_pages[gh_url] = gh_html
    other = browser.new_page()
    other.goto(gh_url)
    tab.bring_to_front()
    tab.goto("https://www.linkedin.com/in/side-ada-ray/")
    wait_for_verdict(tab, "give_first")
    tab.bring_to_front()
    tab.locator("h1").click()
    opens_a_panel(tab, lambda: tab.keyboard.press("Alt+Shift+G"))
    panel = Panel(browser, tab)
    panel.shows("Ada Ray (from the potters' guild)")

    other.bring_to_front()  # another tab: the sidebar follows it
    panel.shows("Cy Noor")
    tab.bring_to_front()
    panel.shows("Ada Ray (from the potters' guild)")
    tab.evaluate("go('/in/side-bo-sand/', 300)")  # another profile inside the app
    panel.shows("Bo Sand")
    other.close()


GIVE = ("gave", "Shared a list of kiln suppliers", None)


def days_ago(days: int) -> str:
    return (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)).isoformat()


BADGES = [
    ("stranger", None, ""),
    ("connection_only", [], "NEW"),
    ("give_space", [("messaged", "Hello?", None)] * 3, "REST"),
    ("they_are_waiting", [("they_asked", "Could you review my talk?", "open")], "OWE"),
    (
        "ask_pending",
        [("talked", "Coffee", None), ("asked", "An intro to your editor", "open")],
        "ASKD",
    ),
    ("give_first", list(ASKED_TWICE), "GIVE"),
    ("ready", [("talked", "Long call", None), GIVE, ("gave", "Reviewed her CV", None)], ""),
]


def test_the_badge_says_each_verdict_at_a_glance(tab, service, fixture_pages):
    for n, (verdict, history, text) in enumerate(BADGES):
        url, html = PROFILE_PAGES["github"](f"badge{n}", f"Badge Person {n}")
        fixture_pages[url] = html
        if history is not None:
            remember(service, f"Badge Person {n}", url, history)
        tab.goto(url)
        wait_for_verdict(tab, verdict)
        assert badge(tab) == text, verdict
    # Long quiet: the last contact two years ago.
    url, html = PROFILE_PAGES["github"]("badgequiet", "Badge Quiet")
    fixture_pages[url] = html
    person = api(service, "POST", "/api/v1/people", {"name": "Badge Quiet", "profiles": [url]})
    for kind in ("talked", "gave"):
        api(
            service,
            "POST",
            f"/api/v1/people/{person['id']}/interactions",
            {"kind": kind, "summary": "Years ago", "occurred_at": days_ago(700)},
        )
    tab.goto(url)
    wait_for_verdict(tab, "reconnect_first")
    assert badge(tab) == "RCON"
    # A page that is not a profile leaves the badge free.
    feed = "https://github.com/features"
    fixture_pages[feed] = (
        "<html><head><title>Features</title></head><body><h1>Features</h1></body></html>"
    )
    tab.goto(feed)
    tab.wait_for_function("() => document.readyState === 'complete'")
    for _ in range(100):
        if badge(tab) == "":
            break
        tab.wait_for_timeout(50)
    assert badge(tab) == ""


def test_the_launcher_steps_aside_for_the_sites_dialogs_and_can_be_moved(tab, fixture_pages):
    url, html = PROFILE_PAGES["github"]("dialogpage", "Pia Tern")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    launcher = tab.locator(f"{LAUNCHER} [data-testid=gf-launcher]")
    launcher.wait_for()
    tab.evaluate(
        "() => { const d = document.createElement('div'); d.setAttribute('role', 'dialog');"
        " d.id = 'site-dialog'; d.textContent = 'Edit profile'; d.style.cssText ="
        " 'position:fixed;inset:20%;background:#fff'; document.body.append(d); }"
    )
    launcher.wait_for(state="hidden")
    tab.evaluate("() => document.getElementById('site-dialog').remove()")
    launcher.wait_for()
    box = launcher.bounding_box()
    tab.mouse.move(box["x"] + 10, box["y"] + 5)
    tab.mouse.down()
    tab.mouse.move(box["x"] + 10, box["y"] - 120, steps=5)
    tab.mouse.up()
    assert launcher.bounding_box()["y"] < box["y"] - 100
