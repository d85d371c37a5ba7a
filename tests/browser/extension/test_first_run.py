"""First run without friction: when nothing answers, every surface says givefirst is not running
and how to start it (never "not paired"); a service started on another usual port
(`scripts/run --port 7171`) is found without touching the options."""

import os
import socket
import urllib.request
from types import SimpleNamespace

import pytest

from tests.support.extension import (
    ASKED_TWICE,
    EXTENSION,
    badge,
    clear_storage,
    get_storage,
    part,
    point_at,
    remember,
    set_storage,
    wait_for_verdict,
)
from tests.support.live_service import free_port, running_service
from tests.support.profile_pages import PROFILE_PAGES

USUAL_PORTS = range(7170, 7180)  # as background/settings.js lists them


def test_with_nothing_running_every_surface_says_so_and_how_to_start_it(browser, fixture_pages):
    point_at(browser, SimpleNamespace(url=f"http://127.0.0.1:{free_port()}"))  # never paired either
    url, html = PROFILE_PAGES["github"]("firstrunner", "Aino Mäki")
    fixture_pages[url] = html
    feed = "https://github.com/explore"
    fixture_pages[feed] = (
        "<html><head><title>Explore</title></head><body><h1>Explore</h1></body></html>"
    )
    profile, other, options = browser.new_page(), browser.new_page(), browser.new_page()
    profile.goto(url)
    other.goto(feed)
    options.goto(f"{EXTENSION}/options/options.html")
    for card in (profile, other):
        status = part(card, "gf-status")
        status.get_by_text("givefirst is not running").wait_for()
        assert "scripts/run" in status.inner_text()
        assert "paired" not in status.inner_text()
        assert part(card, "gf-pair-start").count() == 0
    assert badge(profile) == "OFF"
    said = options.get_by_test_id("gf-options-status")
    said.get_by_text("givefirst is not running").wait_for()
    assert "scripts/run" in said.inner_text() and "paired" not in said.inner_text()
    for page in (profile, other, options):
        page.close()


def givefirst_answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=0.5) as r:
            return b"givefirst" in r.read()
    except OSError:
        return False


def test_a_service_started_on_another_usual_port_is_found_without_editing_the_options(
    browser, tmp_path, fixture_pages
):
    if givefirst_answers(7170):
        message = "a givefirst already runs on 7170 on this computer, and would be found first"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    port = next(p for p in USUAL_PORTS if p != 7170 and not givefirst_answers(p) and free(p))
    with running_service(tmp_path, port=port) as service:
        clear_storage(browser)
        set_storage(browser, token=service.token)  # paired, and no address set by anyone
        url, html = PROFILE_PAGES["github"]("foundonport", "Lumi Karhu")
        fixture_pages[url] = html
        remember(service, "Lumi Karhu", url, ASKED_TWICE)
        tab = browser.new_page()
        tab.goto(url)
        wait_for_verdict(tab, "give_first")
        assert get_storage(browser, "foundServiceUrl")["foundServiceUrl"] == service.url
        assert get_storage(browser, "serviceUrl") == {}
        tab.close()


def free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
