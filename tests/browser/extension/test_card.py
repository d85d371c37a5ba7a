"""The card's parts: the best way to give first, with its draft to edit and copy, above the rest;
the next check-in; a give carries its weight, and a give to someone waiting on you offers to mark
their ask done."""

import re

from tests.support.extension import api, card_for, part, remember, wait_for_verdict
from tests.support.profile_pages import PROFILE_PAGES


def test_a_weighed_give_offers_to_mark_their_open_ask_done(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["bluesky"]("waitingon", "Oona Reh")
    fixture_pages[url] = html
    person = remember(
        service, "Oona Reh", url,
        [("talked", "Met at the print fair", None), ("they_asked", "A warm intro to a printer", "open")],
    )  # fmt: skip
    tab.goto(url)
    wait_for_verdict(tab, "they_are_waiting")
    part(tab, "gf-log-gave").click()
    part(tab, "gf-log-weight").select_option("3")
    part(tab, "gf-log-summary").fill("Introduced her to the Riverside press")
    part(tab, "gf-log-save").click()
    offer = part(tab, "gf-mark-done")
    offer.wait_for()
    assert "A warm intro to a printer" in offer.inner_text()
    history = api(service, "GET", f"/api/v1/people/{person['id']}")["history"]
    (gave,) = [h for h in history if h["kind"] == "gave"]
    assert gave["weight"] == 3
    offer.click()
    part(tab, "gf-note").get_by_text("Marked done.").wait_for()
    wait_for_verdict(tab, "ready")
    history = api(service, "GET", f"/api/v1/people/{person['id']}")["history"]
    assert [h["status"] for h in history if h["kind"] == "they_asked"] == ["done"]


def with_draft_and_next_due(route):
    """The service's real answer, with what the advice and reminders work add to it."""
    answer = route.fetch().json()
    answer["nudge"]["suggestions"][0]["draft"] = "Hi Eli, I saw this guide on kilns and thought of you."
    answer["person"]["next_due"] = "2031-05-04"
    route.fulfill(json=answer)


def test_the_best_suggestion_comes_first_with_its_draft_to_edit_and_copy(
    browser, tab, service, fixture_pages
):
    url, html = PROFILE_PAGES["youtube"]("draftfirst", "Eli Moor")
    fixture_pages[url] = html
    remember(service, "Eli Moor", url, [("talked", "Met at the kiln open day", None)])
    browser.route("**/api/v1/context", with_draft_and_next_due)
    try:
        tab.goto(url)
        wait_for_verdict(tab, "give_first")
    finally:
        browser.unroute("**/api/v1/context", with_draft_and_next_due)
    card = card_for(tab)
    order = card.evaluate(
        "() => ['gf-suggestions', 'gf-reasons', 'gf-ledger', 'gf-remember', 'gf-history']"
        ".map((id) => document.querySelector(`[data-testid=${id}]`).getBoundingClientRect().top)"
    )
    assert order == sorted(order)
    draft = part(tab, "gf-draft")
    assert draft.input_value().startswith("Hi Eli, I saw this guide")
    draft.fill("Hi Eli, here is the kiln guide I mentioned.")
    part(tab, "gf-draft-copy").click()
    card.get_by_text(re.compile(r"Copied\.|Selected: press Ctrl\+C")).wait_for()
    assert "Next check-in" in part(tab, "gf-next-due").inner_text()
    assert "2031" in part(tab, "gf-next-due").inner_text()
