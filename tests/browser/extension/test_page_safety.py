"""A web page never holds the card's text: with the card shown for a known person (in the
sidebar's card page, as a frame in the page, and as the ask guard's chip), a script in the page's
own world searches the whole document, open shadow roots and readable frames included, and finds
none of the person's stored name, facts, history or reasons. And what is shown is shown as text."""

from tests.support.composer_pages import linkedin_thread
from tests.support.extension import (
    ASK_GUARD,
    OVERLAY,
    api,
    card_for,
    part,
    remember,
    set_storage,
    wait_for_verdict,
)
from tests.support.profile_pages import PROFILE_PAGES

ATTACK = "<img src=x onerror=alert(1)>"

# Runs in the page's main world, as any script of the site could: everything it can read.
SEARCH_PAGE = """(secrets) => {
  const seen = [document.title];
  const walk = (root) => {
    seen.push(root.textContent || "");
    for (const element of root.querySelectorAll("*")) {
      for (const attribute of element.attributes) seen.push(attribute.value);
      if ("value" in element) seen.push(String(element.value));
      if (element.shadowRoot) walk(element.shadowRoot);
      if (element.tagName === "IFRAME") {
        try {
          if (element.contentDocument) walk(element.contentDocument.documentElement);
        } catch (error) {
          // another origin: unreadable, which is the point
        }
      }
    }
  };
  walk(document.documentElement);
  const all = seen.join("\\n");
  return secrets.filter((secret) => all.includes(secret));
}"""

STORED_NAME = "Quintessa M. (harbour choir)"
FACT = ("cello", "plays in the Saltmarsh quartet on Thursdays")
HISTORY = (
    ("talked", "Walked the tidal path after the choir rehearsal", None),
    ("asked", "Asked her to review my grant proposal on estuaries", "granted"),
)


def known_person(service, fixture_pages, site, handle):
    url, html = PROFILE_PAGES[site](handle, "Quin Marlowe")  # the site's own name for her
    fixture_pages[url] = html
    remember(service, STORED_NAME, url, HISTORY, [FACT])
    answer = api(service, "POST", "/api/v1/context", {"url": url})
    secrets = [STORED_NAME, f"{FACT[0]}: {FACT[1]}", FACT[1], *[h[1] for h in HISTORY]]
    return url, secrets + answer["nudge"]["reasons"]


def test_the_sidebar_card_leaves_no_private_text_in_the_page(tab, service, fixture_pages):
    url, secrets = known_person(service, fixture_pages, "linkedin", "private-sidebar")
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    shown = card_for(tab).locator("body").inner_text()
    assert [s for s in secrets if s not in shown] == []  # the card does show all of it
    assert tab.evaluate(SEARCH_PAGE, secrets) == []


def test_the_card_framed_in_the_page_leaves_no_private_text_in_the_page(
    paired, tab, service, fixture_pages
):
    set_storage(paired, siteOptions={"github": {"inPage": True}})
    url, secrets = known_person(service, fixture_pages, "github", "privateframe")
    tab.goto(url)
    frame = tab.frame_locator(f"{OVERLAY} iframe")
    frame.locator("[data-testid=gf-name]").get_by_text(STORED_NAME).wait_for()
    assert (
        "cello: plays in the Saltmarsh quartet"
        in frame.locator("[data-testid=gf-remember]").inner_text()
    )
    # The host holds only the frame (and its grip), and the frame's document is not the page's.
    assert (
        tab.evaluate(
            f"document.querySelector('{OVERLAY}').shadowRoot.querySelectorAll('iframe').length"
        )
        == 1
    )
    assert tab.evaluate(f"document.querySelector('{OVERLAY} iframe, {OVERLAY}') !== null")
    assert (
        tab.evaluate(
            f"document.querySelector('{OVERLAY}').shadowRoot.querySelector('iframe').contentDocument"
        )
        is None
    )
    assert tab.evaluate(SEARCH_PAGE, secrets) == []
    # It steps aside while the site shows a dialog, and comes back after.
    tab.evaluate(
        "() => { const d = document.createElement('div'); d.setAttribute('aria-modal', 'true');"
        " d.id = 'site-modal'; d.textContent = 'Report'; document.body.append(d); }"
    )
    tab.locator(f"{OVERLAY} iframe").wait_for(state="hidden")
    tab.evaluate("() => document.getElementById('site-modal').remove()")
    tab.locator(f"{OVERLAY} iframe").wait_for()


def test_the_ask_chip_leaves_no_reason_or_name_in_the_page(tab, service, fixture_pages):
    profile = "https://www.linkedin.com/in/private-chip/"
    remember(service, STORED_NAME, profile, HISTORY, [FACT])
    reasons = api(service, "POST", "/api/v1/context", {"url": profile})["nudge"]["reasons"]
    url, html = linkedin_thread("/in/private-chip/", "Quin Marlowe")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator(".msg-form__contenteditable")
    box.click()
    box.press_sequentially("Could you refer me to the hiring manager on your team?")
    part(tab, "gf-ask-reason", host=ASK_GUARD).wait_for()
    assert part(tab, "gf-ask-reason", host=ASK_GUARD).inner_text() in reasons
    assert tab.evaluate(SEARCH_PAGE, [STORED_NAME, *reasons, FACT[1]]) == []


def test_markup_in_names_and_facts_shows_as_text_on_the_card(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["x"]("markupknown", "Quinn Ash")
    fixture_pages[url] = html
    remember(service, ATTACK, url, HISTORY, [("note", "<b>bold</b><script>alert(2)</script>")])
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    assert part(tab, "gf-name").inner_text() == ATTACK
    assert "note: <b>bold</b><script>alert(2)</script>" in part(tab, "gf-remember").inner_text()
    card = card_for(tab)
    assert card.evaluate("document.querySelectorAll('main img, main script').length") == 0
    assert card.evaluate("[...document.querySelectorAll('b')].every((b) => b.closest('.ledger'))")


RECORD_LAYOUT = """
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("h1").getBoundingClientRect();
  window.__before = [box.x, box.y, box.width, box.height, document.documentElement.scrollWidth];
});
"""
LAYOUT_NOW = """() => {
  const box = document.querySelector("h1").getBoundingClientRect();
  return [box.x, box.y, box.width, box.height, document.documentElement.scrollWidth];
}"""


def test_on_linkedin_the_page_gets_nothing_at_all_by_default(tab, fixture_pages):
    url, html = PROFILE_PAGES["linkedin"]("untouched-page", "Lior Baptiste")
    fixture_pages[url] = html
    tab.add_init_script(RECORD_LAYOUT)
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    assert tab.evaluate(LAYOUT_NOW) == tab.evaluate("window.__before")
    assert tab.evaluate("document.querySelectorAll('[id^=givefirst-]').length") == 0
