"""On every supported site, the card shows the right person and verdict, and logging works."""

import pytest

from tests.support.extension import (
    ASKED_TWICE,
    api,
    part,
    remember,
    wait_for_verdict,
)
from tests.support.profile_pages import PROFILE_PAGES

SITES = sorted(PROFILE_PAGES)


@pytest.mark.parametrize("site", SITES)
def test_a_known_person_shows_their_name_verdict_ledger_and_history(
    site, tab, service, fixture_pages
):
    url, html = PROFILE_PAGES[site](f"known{site[:6]}", "Rowan Vale")
    fixture_pages[url] = html
    remember(service, "Rowan Vale", url, ASKED_TWICE, [("dog", "a greyhound called Pixel")])
    tab.goto(url)
    verdict = wait_for_verdict(tab, "give_first")
    assert verdict.inner_text() == "Give before asking"
    assert part(tab, "gf-name").inner_text() == "Rowan Vale"
    assert "Asked 2" in part(tab, "gf-ledger").inner_text()
    assert "Gave 0" in part(tab, "gf-ledger").inner_text()
    assert "dog: a greyhound called Pixel" in part(tab, "gf-remember").inner_text()
    assert "Asked for an introduction" in part(tab, "gf-history").inner_text()


@pytest.mark.parametrize("site", SITES)
def test_a_stranger_shows_the_stranger_verdict_and_remember_this_person(site, tab, fixture_pages):
    url, html = PROFILE_PAGES[site](f"new{site[:8]}", "Sasha Brook")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    # The service reads the name from the page (GitHub's title also carries the handle).
    assert "Sasha Brook" in part(tab, "gf-name").inner_text()
    # One specific way to start, not a list of generic favours: introduce yourself, giving.
    assert "Introduce yourself" in part(tab, "gf-suggestions").locator(".lead").inner_text()
    assert part(tab, "gf-remember-person").is_visible()
    assert part(tab, "gf-ledger").count() == 0


@pytest.mark.parametrize("site", SITES)
def test_logging_a_give_from_the_overlay_changes_what_it_shows(site, tab, service, fixture_pages):
    url, html = PROFILE_PAGES[site](f"give{site[:8]}", "Noor Hale")
    fixture_pages[url] = html
    person = remember(service, "Noor Hale", url, ASKED_TWICE)
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    part(tab, "gf-log-gave").click()
    part(tab, "gf-log-summary").fill("Sent her the accessibility checklist")
    part(tab, "gf-log-summary").press("Enter")
    part(tab, "gf-history").get_by_text("Sent her the accessibility checklist").wait_for()
    assert "Gave 1" in part(tab, "gf-ledger").inner_text()
    history = api(service, "GET", f"/api/v1/people/{person['id']}")["history"]
    assert [h["summary"] for h in history if h["kind"] == "gave"] == [
        "Sent her the accessibility checklist"
    ]


def test_remember_this_person_turns_a_stranger_into_a_connection(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["linkedin"]("rememberme", "Ilse Marlow")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    part(tab, "gf-remember-person").click()
    assert part(tab, "gf-remember-name").input_value() == "Ilse Marlow"
    part(tab, "gf-remember-how").fill("Met at the Lisbon design meetup")
    part(tab, "gf-remember-save").click()
    wait_for_verdict(tab, "connection_only")
    found = api(service, "GET", "/api/v1/people?q=Ilse")["people"]
    assert [p["how_met"] for p in found] == ["Met at the Lisbon design meetup"]


def test_adding_a_fact_shows_it_under_remember(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["github"]("factfinder", "Tove Lind")
    fixture_pages[url] = html
    remember(service, "Tove Lind", url, ASKED_TWICE)
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    part(tab, "gf-add-fact").click()
    part(tab, "gf-fact-label").fill("daughter")
    part(tab, "gf-fact-value").fill("Mia, starts university in October")
    part(tab, "gf-fact-save").click()
    part(tab, "gf-remember").get_by_text("daughter: Mia, starts university in October").wait_for()
