"""The overlay never breaks the page and the page never drives it: names show as text, no global
CSS, no layout shift whatever the page's rules, no shortcut fired by typing, no write by a script."""

from html import escape

from tests.support.extension import ASKED_TWICE, OVERLAY, api, part, remember, wait_for_verdict
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


# The page's own scripts reach into the open shadow root and try to act for the person.
PAGE_CLICKS = """() => {
  const root = document.getElementById("givefirst-overlay").shadowRoot;
  const at = (id) => root.querySelector(`[data-testid=${id}]`);
  at("gf-log-gave").click();
  at("gf-log-gave").dispatchEvent(new MouseEvent("click", {bubbles: true, composed: true}));
  const form = Boolean(at("gf-log-summary"));
  at("gf-collapse").click();
  const afterClick = root.host.dataset.collapsed;
  dispatchEvent(new KeyboardEvent("keydown", {altKey: true, shiftKey: true, code: "KeyG", bubbles: true}));
  return {form, collapsed: [afterClick, root.host.dataset.collapsed]};
}"""
PAGE_SUBMITS = """() => {
  const root = document.getElementById("givefirst-overlay").shadowRoot;
  const at = (id) => root.querySelector(`[data-testid=${id}]`);
  at("gf-log-summary").value = "Planted by the page";
  at("gf-log-save").click();
  at("gf-log-summary").closest("form").requestSubmit();
  at("gf-log-summary").dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
  return Boolean(at("gf-log-summary"));
}"""


def test_the_pages_own_scripts_cannot_log_or_click_in_the_overlay(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["linkedin"]("scripted-page", "Mira Tallis")
    fixture_pages[url] = html
    person = remember(service, "Mira Tallis", url, ASKED_TWICE)
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    assert tab.evaluate(PAGE_CLICKS) == {"form": False, "collapsed": ["false", "false"]}

    part(tab, "gf-log-gave").click()  # the person's own click
    assert tab.evaluate(PAGE_SUBMITS) is True  # the form is still open: nothing was sent
    part(tab, "gf-log-summary").fill("Introduced her to the harbour archive")
    part(tab, "gf-log-summary").press("Enter")
    part(tab, "gf-history").get_by_text("Introduced her to the harbour archive").wait_for()
    history = api(service, "GET", f"/api/v1/people/{person['id']}")["history"]
    assert [h["summary"] for h in history if h["kind"] == "gave"] == [
        "Introduced her to the harbour archive"
    ]


SHORTCUTS = """<input id="site-search" aria-label="Search"><script>
window.pageKeys = [];
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement || target.isContentEditable) return;
  window.pageKeys.push(event.key);
  if (event.key === "s") { event.preventDefault(); document.getElementById("site-search").focus(); }
});
document.addEventListener("input", () => window.pageKeys.push("input"));
</script>"""


def test_typing_in_the_overlay_never_reaches_the_pages_shortcuts(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["github"]("shortcutpage", "Ines Varga")
    fixture_pages[url] = html.replace("</body>", f"{SHORTCUTS}</body>")
    remember(service, "Ines Varga", url, ASKED_TWICE)
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    part(tab, "gf-log-gave").click()
    part(tab, "gf-log-summary").press_sequentially("sent slides, six stars")
    assert part(tab, "gf-log-summary").input_value() == "sent slides, six stars"
    assert tab.locator("#site-search").input_value() == ""
    assert tab.evaluate("window.pageKeys") == []


HOSTILE_CSS = (
    "<style>div { position: static !important; top: 900px !important; right: auto !important;"
    " display: block !important; margin: 40px !important; width: 3000px !important; }</style>"
)
RECORD_PAGE_SIZE = """
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("h1").getBoundingClientRect();
  const root = document.documentElement;
  window.__size = [box.x, box.y, root.scrollWidth, root.scrollHeight];
});
"""
PAGE_SIZE_NOW = """() => {
  const box = document.querySelector("h1").getBoundingClientRect();
  const root = document.documentElement;
  return [box.x, box.y, root.scrollWidth, root.scrollHeight];
}"""


def test_page_rules_aimed_at_divs_do_not_unpin_the_overlay(tab, fixture_pages):
    url, html = PROFILE_PAGES["facebook"]("hostile.css", "Oda Brenner")
    fixture_pages[url] = html.replace("</head>", f"{HOSTILE_CSS}</head>")
    tab.add_init_script(RECORD_PAGE_SIZE)
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    host = tab.locator(OVERLAY)
    assert host.evaluate("(el) => getComputedStyle(el).position") == "fixed"
    assert host.evaluate("(el) => el.getBoundingClientRect().top") == 72
    assert tab.evaluate(PAGE_SIZE_NOW) == tab.evaluate("window.__size")
