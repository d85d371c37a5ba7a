"""Gmail: reading a message shows its sender's card, composing shows the recipient's card and the
ask guard, and sending logs it; on synthetic pages shaped like Gmail's."""

import time

from tests.support.extension import (
    ASK_GUARD,
    EXTENSION,
    TIMEOUT_MS,
    api,
    history,
    part,
    wait_for_history,
    worker,
)
from tests.support.gmail_pages import ME, gmail_inbox, gmail_thread

ASK = "Hope the move went well! Could you refer me to the hiring manager for the design role?"
HELLO = "Thanks for the slides, they were a great help."


def known_by_address(service, name, address) -> dict:
    return api(service, "POST", "/api/v1/people", {"name": name, "emails": [address]})


def card_of(page, address):
    """The card page for the tab, found by the address its content script reported."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        ids = worker(page.context).evaluate(
            "(url) => GF.reportedPages().filter((p) => p.url === url).map((p) => p.tabId)",
            f"mailto:{address}",
        )
        if ids:
            break
        assert time.monotonic() < deadline, f"no tab shows {address}"
        time.sleep(0.05)
    card = page.context.new_page()
    card.goto(f"{EXTENSION}/card/card.html?tab={max(ids)}")
    page.on("close", lambda _: card.close())
    return card


def asked_twice_without_giving(service, person) -> None:
    for summary in ("Asked for a CV review", "Asked for an introduction"):
        api(
            service,
            "POST",
            f"/api/v1/people/{person['id']}/interactions",
            {"kind": "asked", "summary": summary, "status": "declined"},
        )


def type_an_ask(tab):
    """Write the ask in the open message body; returns the ask guard's chip once it shows."""
    body = tab.locator("div[aria-label='Message Body']")
    body.click()
    body.press_sequentially(ASK)
    guard = part(tab, "gf-ask-guard", host=ASK_GUARD)
    guard.wait_for()
    return guard


def test_reading_a_message_shows_its_senders_card_not_yours(tab, service, fixture_pages):
    api(service, "POST", "/api/v1/me/emails", {"email": ME})
    known_by_address(service, "Sara Lindqvist", "sara.l@example.org")
    url, html = gmail_thread("sara.l@example.org", "Sara Lindqvist")
    fixture_pages[url] = html
    tab.goto(url + "#inbox/FMfcgzSyntheticThreadA")
    card = card_of(tab, "sara.l@example.org")  # the newest message is yours: hers is shown
    card.locator("[data-testid=gf-name]").wait_for()
    assert card.locator("[data-testid=gf-name]").inner_text() == "Sara Lindqvist"
    assert card.locator("[data-testid=gf-verdict][data-verdict=connection_only]").count() == 1


def test_replying_shows_the_guard_logs_it_once_and_her_reply_makes_it_a_talk(
    tab, service, fixture_pages
):
    api(service, "POST", "/api/v1/me/emails", {"email": ME})
    sara = known_by_address(service, "Sara Ekdahl", "sara.e@example.org")
    url, html = gmail_thread("sara.e@example.org", "Sara Ekdahl")
    fixture_pages[url] = html
    tab.goto(url + "#inbox/FMfcgzSyntheticThreadB")
    tab.get_by_role("button", name="Reply").click()
    body = tab.locator("div[aria-label='Message Body']")
    body.click()
    body.press_sequentially(HELLO)
    body.press("Control+Enter")
    found = wait_for_history(tab, service, sara, lambda h: h)
    assert [(h["kind"], h["summary"]) for h in found] == [("messaged", "Message on Gmail")]
    tab.wait_for_timeout(1500)
    assert len(history(service, sara)) == 1

    tab.evaluate("theyReply('Glad they helped!')")
    found = wait_for_history(tab, service, sara, lambda h: h[0]["kind"] == "talked")
    assert [h["kind"] for h in found] == ["talked"]


def test_composing_shows_the_recipients_card_and_the_ask_guard_and_sending_logs_the_ask(
    tab, service, fixture_pages
):
    omar = known_by_address(service, "Omar Haddad", "omar.h@example.org")
    asked_twice_without_giving(service, omar)
    url, html = gmail_inbox("omar.h@example.org", "Omar Haddad")
    fixture_pages[url] = html
    tab.goto(url + "#inbox")
    tab.get_by_role("button", name="Compose").click()
    card = card_of(tab, "omar.h@example.org")
    card.locator("[data-testid=gf-name]").wait_for()
    assert card.locator("[data-testid=gf-name]").inner_text() == "Omar Haddad"

    assert type_an_ask(tab).get_attribute("data-verdict") == "give_first"
    tab.locator("[role=button][data-tooltip^='Send']").click()
    found = wait_for_history(tab, service, omar, lambda h: len(h) == 3)
    assert [(h["kind"], h["status"]) for h in found][0] == ("asked", "open")
    # The compose window closed on sending: the chip with Undo stands beside the page instead.
    said = tab.frame_locator("#givefirst-sent-chip iframe").locator("[data-testid=gf-sent-said]")
    said.wait_for()
    assert said.inner_text().startswith("Logged an ask to Omar Haddad")
    assert found[0]["summary"] != ASK and found[0]["summary"] in ASK  # its phrase, not the message


def test_a_message_to_an_unknown_address_is_not_logged(tab, service, fixture_pages):
    url, html = gmail_inbox("stranger.q@example.net", "Quinn Stray")
    fixture_pages[url] = html
    tab.goto(url + "#inbox")
    tab.get_by_role("button", name="Compose").click()
    card = card_of(tab, "stranger.q@example.net")
    card.locator("[data-testid=gf-verdict][data-verdict=stranger]").wait_for()
    body = tab.locator("div[aria-label='Message Body']")
    body.click()
    body.press_sequentially(HELLO)
    tab.locator("[role=button][data-tooltip^='Send']").click()
    tab.locator("div[aria-label='Message Body']").wait_for(state="detached")
    tab.wait_for_timeout(2500)
    assert api(service, "GET", "/api/v1/people?q=stranger.q")["people"] == []


def test_a_reply_in_the_reading_view_gets_the_ask_guard(tab, service, fixture_pages):
    api(service, "POST", "/api/v1/me/emails", {"email": ME})
    lea = known_by_address(service, "Lea Brandt", "lea.b@example.org")
    asked_twice_without_giving(service, lea)
    url, html = gmail_thread("lea.b@example.org", "Lea Brandt")
    fixture_pages[url] = html
    tab.goto(url + "#inbox/FMfcgzSyntheticThreadC")
    tab.get_by_role("button", name="Reply").click()
    assert type_an_ask(tab).get_attribute("data-verdict") == "give_first"
