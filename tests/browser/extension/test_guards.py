"""The ask guard in LinkedIn and X message boxes, and the connect guard on LinkedIn's Connect."""

from tests.support.composer_pages import linkedin_thread, linkedin_with_connect, x_conversation
from tests.support.extension import (
    ASK_GUARD,
    ASKED_TWICE,
    CONNECT_GUARD,
    api,
    part,
    remember,
    wait_for_verdict,
    worker,
)

ASK = "Hi! Could you refer me to the hiring manager for the design role on your team?"
NOT_AN_ASK = "Thanks for the talk yesterday, it was great to see you."


def test_an_ask_typed_to_a_known_person_on_linkedin_shows_the_guard_without_blocking_send(
    tab, service, fixture_pages
):
    remember(service, "Lina Ortiz", "https://www.linkedin.com/in/askee-lina/", ASKED_TWICE)
    url, html = linkedin_thread("/in/askee-lina/", "Lina Ortiz")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator(".msg-form__contenteditable")
    box.click()
    box.press_sequentially(ASK)
    chip = part(tab, "gf-ask-guard", host=ASK_GUARD)
    chip.wait_for()
    assert chip.get_attribute("data-verdict") == "give_first"
    assert "Have you given before asking?" in chip.inner_text()
    assert "no give logged yet" in chip.inner_text().lower()  # the reason that explains it

    tab.locator(".msg-form__send-button").click()  # fails if the chip covered it
    assert tab.evaluate("document.body.dataset.sent") == "yes"

    box.fill(NOT_AN_ASK)
    chip.wait_for(state="hidden")


def test_an_ask_typed_to_a_stranger_on_x_shows_the_guard(tab, fixture_pages):
    url, html = x_conversation("askee_x", "Jonas Perl")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator("[data-testid=dmComposerTextInput]")
    box.click()
    box.press_sequentially("Any chance you could introduce me to your editor?")
    chip = part(tab, "gf-ask-guard", host=ASK_GUARD)
    chip.wait_for()
    assert chip.get_attribute("data-verdict") == "stranger"


def test_connecting_with_a_stranger_suggests_a_note_and_records_how_you_know_them(
    tab, service, fixture_pages
):
    url, html = linkedin_with_connect("connect-pia", "Pia Solberg")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    tab.get_by_role("button", name="Invite Pia Solberg to connect").click()
    hint = part(tab, "gf-connect-guard", host=CONNECT_GUARD)
    hint.wait_for()
    assert "Add a personal note" in hint.inner_text()
    part(tab, "gf-connect-how", host=CONNECT_GUARD).fill("Read her paper on tidal energy")
    part(tab, "gf-connect-save", host=CONNECT_GUARD).click()
    wait_for_verdict(tab, "connection_only")
    found = api(service, "GET", "/api/v1/people?q=Pia")["people"]
    assert [p["how_met"] for p in found] == ["Read her paper on tidal energy"]


def test_the_ask_chip_goes_with_its_message_and_its_conversation(tab, service, fixture_pages):
    remember(service, "Mona Reyes", "https://www.linkedin.com/in/askee-mona/", ASKED_TWICE)
    url, html = linkedin_thread("/in/askee-mona/", "Mona Reyes")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator(".msg-form__contenteditable")
    chip = part(tab, "gf-ask-guard", host=ASK_GUARD)

    def ask():
        box.click()
        box.press_sequentially(ASK)
        chip.wait_for()

    ask()  # the site empties the box after sending, without an input event
    tab.evaluate("document.querySelector('.msg-form__contenteditable').replaceChildren()")
    chip.wait_for(state="hidden")

    ask()  # another conversation opens in the app
    tab.evaluate("history.pushState({}, '', '/messaging/thread/2-b3RoZXI/')")
    chip.wait_for(state="hidden")

    tab.evaluate("history.back()")
    ask()  # the message box goes away
    tab.evaluate("document.querySelector('.msg-form').remove()")
    chip.wait_for(state="hidden")


OVERLAPS = """([a, b]) => {
  const r = document.querySelector(a).getBoundingClientRect();
  const s = document.querySelector(b).getBoundingClientRect();
  return !(r.right <= s.left || s.right <= r.left || r.bottom <= s.top || s.bottom <= r.top);
}"""


def test_the_ask_chip_logs_the_ask_once_sent_and_opens_the_card(
    browser, tab, service, fixture_pages
):
    person = remember(service, "Tomas Vik", "https://www.linkedin.com/in/askee-tomas/", ASKED_TWICE)
    url, html = linkedin_thread("/in/askee-tomas/", "Tomas Vik")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator(".msg-form__contenteditable")
    box.click()
    box.press_sequentially(ASK)
    part(tab, "gf-ask-guard", host=ASK_GUARD).wait_for()
    # Announced, named, and beside the message box: not over the conversation or the Send button.
    chip = tab.frame_locator(f"{ASK_GUARD} iframe")
    assert chip.locator("[role=status][aria-live=polite]").count() == 1
    assert tab.locator(f"{ASK_GUARD} iframe").get_attribute("title")
    assert not tab.evaluate(OVERLAPS, [ASK_GUARD, ".msg-s-message-list-content"])
    assert not tab.evaluate(OVERLAPS, [ASK_GUARD, ".msg-form__send-button"])

    part(tab, "gf-chip-log-ask", host=ASK_GUARD).click()
    chip.get_by_text("logged as an ask once sent").wait_for()
    tab.locator(".msg-form__send-button").click()
    tab.evaluate("document.querySelector('.msg-form__contenteditable').replaceChildren()")  # sent
    for _ in range(100):
        history = api(service, "GET", f"/api/v1/people/{person['id']}")["history"]
        if len(history) > len(ASKED_TWICE):
            break
        tab.wait_for_timeout(50)
    # Logged once, by the ask's phrase: the message itself is not stored.
    assert [(h["kind"], h["status"]) for h in history[: -len(ASKED_TWICE)]] == [("asked", "open")]
    assert ASK not in [h["summary"] for h in history]
    said = tab.frame_locator("#givefirst-sent-chip iframe").locator("[data-testid=gf-sent-said]")
    assert said.inner_text().startswith("Logged an ask to Tomas Vik")

    box.click()
    box.press_sequentially(ASK)
    panels = "async () => (await chrome.runtime.getContexts({contextTypes: ['SIDE_PANEL']})).length"
    before = worker(browser).evaluate(panels)
    part(tab, "gf-chip-open-card", host=ASK_GUARD).click()
    for _ in range(100):
        if worker(browser).evaluate(panels) > before:
            break
        tab.wait_for_timeout(50)
    assert worker(browser).evaluate(panels) > before


def test_the_ask_chip_remembers_a_stranger(tab, service, fixture_pages):
    url, html = x_conversation("askee_new", "Vera Quist")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator("[data-testid=dmComposerTextInput]")
    box.click()
    box.press_sequentially("Any chance you could introduce me to your editor?")
    part(tab, "gf-ask-guard", host=ASK_GUARD).wait_for()
    part(tab, "gf-chip-name", host=ASK_GUARD).fill("Vera Quist")
    part(tab, "gf-chip-how", host=ASK_GUARD).fill("Her talk on small presses")
    part(tab, "gf-chip-save", host=ASK_GUARD).click()
    tab.frame_locator(f"{ASK_GUARD} iframe").get_by_text("Remembered.").wait_for()
    found = api(service, "GET", "/api/v1/people?q=Vera")["people"]
    assert [(p["name"], p["how_met"]) for p in found] == [
        ("Vera Quist", "Her talk on small presses")
    ]
