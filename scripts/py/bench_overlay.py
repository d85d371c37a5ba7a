"""Navigation → toolbar badge set, and navigation → card drawn in an open card page, for page
loads and in-app navigations; run through scripts/bench-overlay.

Every moment is read on the same clock (epoch milliseconds): the tab's navigation start
(`performance.timeOrigin`, or the moment the app's pushState ran), the worker's call that set the
badge (recorded by wrapping chrome.action.setBadgeText), and the card page's mutation that drew
the person's name with a verdict (a MutationObserver, which runs even while its tab is hidden).
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.browser import launch, serve_pages  # noqa: E402
from tests.support.extension import (  # noqa: E402
    ASKED_TWICE,
    card_for,
    point_at,
    remember,
    tab_id,
    worker,
)
from tests.support.live_service import running_service  # noqa: E402
from tests.support.profile_pages import linkedin  # noqa: E402
from tests.support.spa_pages import spa  # noqa: E402

WARM_UP = 2
RECORD_BADGES = """() => {
  globalThis.__badges = [];
  const set = chrome.action.setBadgeText.bind(chrome.action);
  chrome.action.setBadgeText = (details) => {
    globalThis.__badges.push([details.tabId, details.text, Date.now()]);
    return set(details);
  };
}"""
BADGE_SET_AT = """([tabId, after]) => {
  const found = globalThis.__badges.find(([tab, text, at]) => tab === tabId && text === "GIVE" && at >= after);
  return found ? found[2] : null;
}"""
RECORD_CARD = """() => {
  window.__drawn = [];
  new MutationObserver(() => {
    const name = document.querySelector("[data-testid=gf-name]")?.textContent;
    if (name && document.querySelector("[data-testid=gf-verdict]")) window.__drawn.push([name, Date.now()]);
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""
DRAWN_AT = "([name, after]) => (window.__drawn.find(([n, at]) => n === name && at >= after) || [])[1] ?? null"


def figures(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
    print(
        f"{label:<40} n={len(times)}  p50={statistics.median(times):6.0f} ms  "
        f"p90={p90:6.0f} ms  max={max(times):6.0f} ms"
    )


def wait_for(page, read, arg):
    for _ in range(2000):
        value = read(arg)
        if value is not None:
            return value
        page.wait_for_timeout(5)
    raise AssertionError(f"never happened: {arg}")


def measure(context, tab, card, navigate, people) -> tuple[list[float], list[float]]:
    """For each person: navigate (returns the start, epoch ms), then when badge and card showed them."""
    sw = worker(context)
    badges, cards = [], []
    for url, name in people:
        started = navigate(url)
        badge = wait_for(tab, lambda arg: sw.evaluate(BADGE_SET_AT, arg), [tab_id(tab), started])
        drawn = wait_for(tab, lambda arg: card.evaluate(DRAWN_AT, arg), [name, started])
        badges.append(badge - started)
        cards.append(drawn - started)
    return badges[WARM_UP:], cards[WARM_UP:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        workdir = Path(scratch)
        with running_service(workdir) as service:
            people, pages = [], {}
            for n in range(2 * (WARM_UP + runs)):
                url, html = linkedin(f"bench-person-{n}", f"Bench Person {n}")
                remember(service, f"Bench Person {n}", url, ASKED_TWICE)
                people.append((url, f"Bench Person {n}"))
                pages[url] = html
            loads, in_app = people[: WARM_UP + runs], people[WARM_UP + runs :]
            shell = spa(
                {u.removeprefix("https://www.linkedin.com"): (n, "Tester") for u, n in in_app}
            )
            pages["https://www.linkedin.com/feed/"] = shell
            for url, _ in in_app:
                pages[url] = shell
            with launch(playwright, workdir / "chromium", with_extension=True) as context:
                point_at(context, service, service.token)
                serve_pages(context, pages)
                worker(context).evaluate(RECORD_BADGES)
                tab = context.new_page()
                tab.goto("https://www.linkedin.com/feed/")
                card = card_for(tab)
                card.evaluate(RECORD_CARD)
                tab.bring_to_front()
                print(
                    f"givefirst card: navigation → badge set and → card drawn, {runs} profiles each"
                )

                def page_load(url):
                    tab.goto(url, wait_until="commit")
                    return tab.evaluate("performance.timeOrigin")

                badge, drawn = measure(context, tab, card, page_load, loads)
                figures("page loads: navigation → badge set", badge)
                figures("page loads: navigation → card drawn", drawn)
                tab.goto("https://www.linkedin.com/feed/")

                def in_app_navigation(url):
                    path = url.removeprefix("https://www.linkedin.com")
                    return tab.evaluate(
                        f"() => {{ const t = Date.now(); go({path!r}, 0); return t; }}"
                    )

                badge, drawn = measure(context, tab, card, in_app_navigation, in_app)
                figures("in-app: navigation → badge set", badge)
                figures("in-app: navigation → card drawn", drawn)
    print("targets: badge set p50 ≤ 200 ms; card drawn p50 ≤ 300 ms")


if __name__ == "__main__":
    main()
