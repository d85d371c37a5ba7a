"""WCAG 2.2 AA in the extension, light and dark: the card (a known person with a draft, a
stranger, an unpaired browser), the ask guard's chip (known and stranger), the connect guard's chip
and the options page give axe-core no serious or critical violation; the verdict is said in words,
not only by its colour."""

import pytest
from givefirst.core.vocabulary import VERDICT_TITLES

from tests.support.axe import SCHEMES, serious_violations
from tests.support.composer_pages import linkedin_thread, linkedin_with_connect, x_conversation
from tests.support.dashboard import screenshot
from tests.support.extension import (
    ASK_GUARD,
    ASKED_TWICE,
    CONNECT_GUARD,
    EXTENSION,
    card_for,
    part,
    point_at,
    remember,
    wait_for_verdict,
)
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


def chip_frame(tab, host: str):
    """The extension frame a chip draws in, to run axe inside it."""
    frame = tab.locator(f"{host} iframe").element_handle().content_frame()
    assert frame.url.startswith("chrome-extension://"), frame.url
    return frame


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_ask_guards_chip_passes_axe_for_a_known_person_and_a_stranger(
    tab, service, fixture_pages, scheme
):
    remember(service, "Lina Axe", f"https://www.linkedin.com/in/axe-lina-{scheme}/", ASKED_TWICE)
    url, html = linkedin_thread(f"/in/axe-lina-{scheme}/", "Lina Axe")
    fixture_pages[url] = html
    tab.goto(url)
    type_ask(tab, ".msg-form__contenteditable")
    chip = part(tab, "gf-ask-guard", host=ASK_GUARD)
    chip.wait_for()
    assert chip.get_attribute("data-verdict") == "give_first"
    assert "null" not in chip.inner_text()  # a missing part is left out, never written as text
    found = serious_violations(tab, scheme, chip_frame(tab, ASK_GUARD))
    screenshot(tab, f"axe-ask-chip-known-{scheme}")
    assert found == []

    url, html = x_conversation(f"axe_x_{scheme}", "Jonas Axe")
    fixture_pages[url] = html
    tab.goto(url)
    type_ask(tab, "[data-testid=dmComposerTextInput]")
    part(tab, "gf-chip-name", host=ASK_GUARD).wait_for()  # the stranger's Remember form
    assert serious_violations(tab, scheme, chip_frame(tab, ASK_GUARD)) == []


def type_ask(tab, box: str) -> None:
    found = tab.locator(box)
    found.click()
    found.press_sequentially("Any chance you could introduce me to your editor?")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_connect_guards_chip_passes_axe(tab, fixture_pages, scheme):
    url, html = linkedin_with_connect(f"axe-connect-{scheme}", "Pia Axe")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    tab.get_by_role("button", name="Invite Pia Axe to connect").click()
    part(tab, "gf-connect-guard", host=CONNECT_GUARD).wait_for()
    assert serious_violations(tab, scheme, chip_frame(tab, CONNECT_GUARD)) == []
