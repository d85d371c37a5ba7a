"""Navigation → visible overlay, measured inside the page; run through scripts/bench-overlay."""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.browser import launch, serve_pages  # noqa: E402
from tests.support.extension import ASKED_TWICE, point_at, remember  # noqa: E402
from tests.support.live_service import running_service  # noqa: E402
from tests.support.profile_pages import linkedin  # noqa: E402
from tests.support.spa_pages import spa  # noqa: E402

WARM_UP = 2
# Resolves with the page's clock when the overlay shows this person's verdict.
VISIBLE_AT = """(name) => {
  const root = document.getElementById("givefirst-overlay")?.shadowRoot;
  const shown = root?.querySelector("[data-testid=gf-name]")?.textContent === name
    && root.querySelector("[data-testid=gf-verdict]")?.checkVisibility();
  return shown ? performance.now() : null;
}"""


def figures(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
    print(
        f"{label:<24} n={len(times)}  p50={statistics.median(times):6.0f} ms  "
        f"p90={p90:6.0f} ms  max={max(times):6.0f} ms"
    )


def page_loads(context, pages, people) -> list[float]:
    """performance.now() at visible is the time since this navigation started."""
    tab = context.new_page()
    times = []
    for url, name in people:
        tab.goto(url, wait_until="commit")
        times.append(tab.wait_for_function(VISIBLE_AT, arg=name, polling="raf").json_value())
    tab.close()
    return times


def in_app(context, people) -> list[float]:
    tab = context.new_page()
    tab.goto("https://www.linkedin.com/feed/")
    times = []
    for url, name in people:
        path = url.removeprefix("https://www.linkedin.com")
        started = tab.evaluate(
            f"() => {{ const t = performance.now(); go({path!r}, 0); return t; }}"
        )
        shown = tab.wait_for_function(VISIBLE_AT, arg=name, polling="raf").json_value()
        times.append(shown - started)
    tab.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        workdir = Path(scratch)
        with running_service(workdir) as service:
            people, pages = [], {}
            for n in range(WARM_UP + runs):
                url, html = linkedin(f"bench-person-{n}", f"Bench Person {n}")
                remember(service, f"Bench Person {n}", url, ASKED_TWICE)
                people.append((url, f"Bench Person {n}"))
                pages[url] = html
            shell = spa(
                {u.removeprefix("https://www.linkedin.com"): (n, "Tester") for u, n in people}
            )
            pages["https://www.linkedin.com/feed/"] = shell
            with launch(playwright, workdir / "chromium", with_extension=True) as context:
                point_at(context, service, service.token)
                serve_pages(context, pages)
                print(f"givefirst overlay: navigation → visible, {runs} profiles, service warm")
                figures("page loads", page_loads(context, pages, people)[WARM_UP:])
                for url, _ in people:
                    pages[url] = shell  # the same people again, now inside the app
                figures("in-app navigations", in_app(context, people)[WARM_UP:])
    print("target: p50 ≤ 300 ms")


if __name__ == "__main__":
    main()
