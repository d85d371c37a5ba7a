"""The overlay never breaks the page: names show as text, no global CSS, no layout shift."""

from html import escape

from tests.support.extension import ASKED_TWICE, OVERLAY, part, remember, wait_for_verdict
from tests.support.profile_pages import PROFILE_PAGES

ATTACK = "<img src=x onerror=alert(1)>"

# Where the page's own content sat before any content script ran.
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


def test_markup_in_a_strangers_name_shows_as_text(tab, fixture_pages):
    url, html = PROFILE_PAGES["linkedin"]("markup-stranger", ATTACK)
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    assert part(tab, "gf-name").inner_text() == ATTACK
    assert tab.evaluate(
        f"document.querySelector('{OVERLAY}').shadowRoot.querySelectorAll('img').length"
    ) == 0  # fmt: skip


def test_markup_in_a_known_persons_name_and_facts_shows_as_text(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["x"]("markupknown", "Quinn Ash")
    fixture_pages[url] = html
    remember(service, ATTACK, url, ASKED_TWICE, [("note", "<b>bold</b><script>alert(2)</script>")])
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    assert part(tab, "gf-name").inner_text() == ATTACK
    assert "note: <b>bold</b><script>alert(2)</script>" in part(tab, "gf-remember").inner_text()
    assert tab.evaluate(
        f"document.querySelector('{OVERLAY}').shadowRoot.querySelectorAll('img, script').length"
    ) == 0  # fmt: skip


def test_the_overlay_adds_no_global_css_and_moves_nothing_on_the_page(tab, fixture_pages):
    url, html = PROFILE_PAGES["github"]("steadypage", "Lior Baptiste")
    html = html.replace("</head>", f"<style>{escape('h1 { margin: 40px; }')}</style></head>")
    fixture_pages[url] = html
    tab.add_init_script(RECORD_LAYOUT)
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    assert tab.evaluate(LAYOUT_NOW) == tab.evaluate("window.__before")
    assert tab.evaluate("document.querySelectorAll('style, link[rel=stylesheet]').length") == 1
    assert tab.evaluate("document.adoptedStyleSheets.length") == 0
    host = tab.locator(OVERLAY)
    assert host.evaluate("(el) => getComputedStyle(el).position") == "fixed"
    assert host.evaluate("(el) => el.shadowRoot.mode") == "open"
