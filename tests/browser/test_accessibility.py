"""WCAG 2.2 AA on every dashboard page and the bookmarklet's window, in light and in dark: axe-core
finds no serious or critical violation (contrast included), and a verdict is always said in words."""

import urllib.parse

import pytest
from givefirst.core.vocabulary import VERDICT_TITLES

from tests.support.axe import SCHEMES, serious_violations
from tests.support.browser import launch
from tests.support.dashboard import demo_service_and_browser, login_link_from_banner, screenshot
from tests.support.live_service import running_service

GRACE_URL = "https://www.linkedin.com/in/demo-grace-ferrow"
STRANGER_URL = "https://www.linkedin.com/in/demo-stranger-axe"


@pytest.fixture(scope="module")
def dashboard(playwright, tmp_path_factory):
    with demo_service_and_browser(playwright, tmp_path_factory.mktemp("axe")) as (service, context):
        page = context.new_page()
        page.goto(login_link_from_banner(service))
        page.wait_for_url(f"{service.url}/")
        page.close()
        yield service, context


def person_path(service, context, name: str) -> str:
    page = context.new_page()
    page.goto(f"{service.url}/people?q={urllib.parse.quote(name)}")
    href = page.get_by_role("link", name=name).first.get_attribute("href")
    page.close()
    return href


def check(context, url: str, scheme: str, ready: str, name: str) -> None:
    page = context.new_page()
    page.goto(url)
    page.locator(ready).first.wait_for()
    found = serious_violations(page, scheme)
    screenshot(page, f"axe-{name}-{scheme}")
    page.close()
    assert found == [], f"{url} in {scheme}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    "path", ["/", "/people", "/network", "/transfer", "/settings", "/people?verdict=give_first"]
)
def test_every_dashboard_page_passes_axe(dashboard, path, scheme):
    service, context = dashboard
    name = path.strip("/").replace("?", "-").replace("=", "-") or "today"
    check(context, service.url + path, scheme, "main h1", name)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("who", ["Grace Ferrow", "Ada Quill"])
def test_a_person_page_with_its_card_and_chart_passes_axe(dashboard, who, scheme):
    service, context = dashboard
    path = person_path(service, context, who)
    check(context, service.url + path, scheme, "[data-testid=gf-verdict]", f"person-{scheme}")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("url", [GRACE_URL, STRANGER_URL], ids=["known", "stranger"])
def test_the_bookmarklet_window_passes_axe(dashboard, url, scheme):
    service, context = dashboard
    fragment = urllib.parse.urlencode({"url": url, "title": "Someone | LinkedIn"})
    check(context, f"{service.url}/popup#{fragment}", scheme, "[data-testid=gf-verdict]", "popup")


def test_every_verdict_badge_says_its_verdict_in_words(dashboard):
    """Colour is never the only sign: each badge's text is its verdict's title."""
    service, context = dashboard
    page = context.new_page()
    page.goto(service.url + "/people")
    badges = page.locator(".badge[data-verdict]")
    assert badges.count() > 3
    for index in range(badges.count()):
        verdict = badges.nth(index).get_attribute("data-verdict")
        assert badges.nth(index).inner_text().strip() == VERDICT_TITLES[verdict]
    page.close()


def test_the_check_can_fail(dashboard):
    """The same check finds grey-on-white text, in dark as in light (a page's own colours)."""
    service, context = dashboard
    page = context.new_page()
    page.goto(service.url + "/people")
    page.locator("main h1").wait_for()
    page.evaluate(
        """() => { const p = document.createElement("p"); p.textContent = "Faint words";
        p.style.cssText = "color:#b0b0b0;background:#ffffff"; document.querySelector("main").append(p); }"""
    )
    for scheme in SCHEMES:
        assert any(v.startswith("color-contrast") for v in serious_violations(page, scheme))
    page.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_page_asking_to_log_in_passes_axe(dashboard, scheme):
    """Last in this file: it logs the shared browser out."""
    service, context = dashboard
    context.clear_cookies()
    page = context.new_page()
    page.goto(service.url + "/people")
    page.get_by_text("givefirst open").first.wait_for()
    found = serious_violations(page, scheme)
    page.close()
    assert found == []


@pytest.fixture(scope="module")
def empty_memory(playwright, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("axe-empty")
    with (
        running_service(workdir) as service,
        launch(
            playwright, workdir / "chromium", viewport={"width": 1280, "height": 900}
        ) as context,
    ):
        page = context.new_page()
        page.goto(login_link_from_banner(service))
        page.wait_for_url(f"{service.url}/")
        page.close()
        yield service, context


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["/", "/network", "/people"])
def test_the_first_run_pages_pass_axe(empty_memory, path, scheme):
    service, context = empty_memory
    name = f"empty-{path.strip('/') or 'first-run'}"
    check(context, service.url + path, scheme, "main h1", name)
