"""Driving the loaded extension: its worker, its settings, the card, and the service it calls.

Only the background worker talks to the service; tests point it at a real `givefirst serve`
through chrome.storage.local (`serviceUrl`, `token`), as docs/product.md's card contract says. The card
of a tab is read where the contract says a test can: the card page opened on `card.html?tab=N`,
which draws exactly what the sidebar draws for that tab.
"""

import json
import time
import urllib.request
from dataclasses import dataclass, field

from givefirst.config import CHROME_EXTENSION_ID

EXTENSION = f"chrome-extension://{CHROME_EXTENSION_ID}"  # pinned by the manifest's key
OVERLAY = "#givefirst-overlay"
LAUNCHER = "#givefirst-launcher"
ASK_GUARD = "#givefirst-ask-guard"
CONNECT_GUARD = "#givefirst-connect-guard"
TIMEOUT_MS = 15_000
CARD_PAGES: dict[int, object] = {}  # id(tab) → the card page opened for it


def worker(context):
    """The extension's background service worker (it starts with the browser)."""
    if context.service_workers:
        return context.service_workers[0]
    return context.wait_for_event("serviceworker", timeout=TIMEOUT_MS)


def set_storage(context, **values) -> None:
    worker(context).evaluate("(values) => chrome.storage.local.set(values)", values)


def clear_storage(context) -> None:
    worker(context).evaluate("() => chrome.storage.local.clear()")


def get_storage(context, *keys):
    return worker(context).evaluate("(keys) => chrome.storage.local.get(keys)", list(keys))


def point_at(context, service, token: str | None = None) -> None:
    """Forget everything the extension kept, then use this service (and token, unless paired later)."""
    clear_storage(context)
    settings = {"serviceUrl": service.url}
    if token is not None:
        settings["token"] = token
    set_storage(context, **settings)


def tab_id(page) -> int:
    """The browser's id for the tab a Playwright page shows: the newest tab whose content script
    reported this URL to the background (neither the tests nor the extension may read tab URLs)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        ids = worker(page.context).evaluate(
            "(url) => GF.reportedPages().filter((p) => p.url === url).map((p) => p.tabId)", page.url
        )
        if ids:
            return max(ids)
        assert time.monotonic() < deadline, f"no content script reported {page.url}"
        time.sleep(0.05)


def card_for(page, errors: list | None = None):
    """The card page for this tab, opened once (card.html?tab=N) and closed with the tab."""
    if id(page) in CARD_PAGES:
        return CARD_PAGES[id(page)]
    card = page.context.new_page()
    if errors is not None:
        card.on("pageerror", lambda error: errors.append(str(error)))
    card.goto(f"{EXTENSION}/card/card.html?tab={tab_id(page)}")
    CARD_PAGES[id(page)] = card
    page.on("close", lambda _: CARD_PAGES.pop(id(page), None) and card.close())
    return card


def part(page, testid: str, host: str | None = None):
    """An element of the card for this tab, or of a chip's frame in the page (`host`)."""
    if host is not None:
        return page.frame_locator(f"{host} iframe").locator(f"[data-testid={testid}]")
    return card_for(page).locator(f"[data-testid={testid}]")


def wait_for_verdict(page, verdict: str):
    found = part(page, "gf-verdict").and_(card_for(page).locator(f"[data-verdict={verdict}]"))
    found.wait_for(timeout=TIMEOUT_MS)
    return found


def badge(page) -> str:
    """The toolbar badge's text for this tab."""
    return worker(page.context).evaluate(
        "(tabId) => chrome.action.getBadgeText({tabId})", tab_id(page)
    )


@dataclass
class ServiceCalls:
    """Requests the extension sent to the service, seen in the browser (the worker's included)."""

    urls: list[str] = field(default_factory=list)

    def to(self, path: str) -> list[str]:
        return [url for url in self.urls if url.split("?")[0].endswith(path)]


def record_service_calls(context, service) -> ServiceCalls:
    calls = ServiceCalls()
    context.on(
        "request", lambda r: calls.urls.append(r.url) if r.url.startswith(service.url) else None
    )
    return calls


def api(service, method: str, path: str, body: dict | None = None) -> dict | None:
    """Call the service as a script would, with the test token."""
    request = urllib.request.Request(
        service.url + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {service.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read()
    return json.loads(text) if text else None


def remember(service, name: str, url: str, history=(), facts=()) -> dict:
    """A known person with this profile, history [(kind, summary, status)] and facts [(label, value)]."""
    person = api(service, "POST", "/api/v1/people", {"name": name, "profiles": [url]})
    for kind, summary, status in history:
        body = {"kind": kind, "summary": summary}
        if status:
            body["status"] = status
        api(service, "POST", f"/api/v1/people/{person['id']}/interactions", body)
    for label, value in facts:
        api(
            service,
            "POST",
            f"/api/v1/people/{person['id']}/facts",
            {"label": label, "value": value},
        )
    return person


# Asked twice and never gave: the nudge says "give_first".
ASKED_TWICE = (
    ("talked", "Caught up at a meetup", None),
    ("asked", "Asked for feedback on my CV", "granted"),
    ("asked", "Asked for an introduction", "declined"),
)


def history(service, person) -> list[dict]:
    return api(service, "GET", f"/api/v1/people/{person['id']}")["history"]


def wait_for_history(tab, service, person, wanted):
    """Until `wanted(history)` holds (or 10 s); returns the history."""
    for _ in range(200):
        found = history(service, person)
        if wanted(found):
            return found
        tab.wait_for_timeout(50)
    return found
