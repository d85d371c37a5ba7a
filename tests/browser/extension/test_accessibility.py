"""WCAG 2.2 AA in the extension, light and dark: the card (a known person with a draft, a
stranger, an unpaired browser), the ask guard's chip and the options page give axe-core no serious
or critical violation; the verdict is said in words, not only by its colour."""

import pytest
from givefirst.core.vocabulary import VERDICT_TITLES

from tests.support.axe import SCHEMES, serious_violations
from tests.support.dashboard import screenshot
from tests.support.extension import EXTENSION, card_for, part, point_at, remember, wait_for_verdict
from tests.support.profile_pages import PROFILE_PAGES


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_known_persons_card_passes_axe(tab, service, fixture_pages, scheme):
    url, html = PROFILE_PAGES["github"](f"axeknown{scheme}", "Mira Tallis")
    fixture_pages[url] = html
    remember(service, "Mira Tallis", url, [("asked", "A review of my talk", "open")])
    tab.goto(url)
    verdict = wait_for_verdict(tab, "ask_pending")
    assert verdict.inner_text() == VERDICT_TITLES["ask_pending"]
    card = card_for(tab)
    part(tab, "gf-ledger").wait_for()
    found = serious_violations(card, scheme)
    screenshot(card, f"axe-card-known-{scheme}")
    assert found == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_strangers_card_passes_axe(tab, fixture_pages, scheme):
    url, html = PROFILE_PAGES["github"](f"axestranger{scheme}", "Tove Arkwright")
    fixture_pages[url] = html
    tab.goto(url)
    verdict = wait_for_verdict(tab, "stranger")
    assert verdict.inner_text() == VERDICT_TITLES["stranger"]
    card = card_for(tab)
    found = serious_violations(card, scheme)
    screenshot(card, f"axe-card-stranger-{scheme}")
    assert found == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_unpaired_card_and_the_options_page_pass_axe(browser, service, fixture_pages, scheme):
    point_at(browser, service, None)
    url, html = PROFILE_PAGES["github"](f"axeunpaired{scheme}", "Ines Polder")
    fixture_pages[url] = html
    page = browser.new_page()
    page.goto(url)
    card = card_for(page)
    part(page, "gf-pairing").wait_for()
    assert serious_violations(card, scheme) == []
    options = browser.new_page()
    options.goto(f"{EXTENSION}/options/options.html")
    options.get_by_test_id("gf-options-status").wait_for()
    found = serious_violations(options, scheme)
    screenshot(options, f"axe-options-{scheme}")
    options.close()
    page.close()
    assert found == []
