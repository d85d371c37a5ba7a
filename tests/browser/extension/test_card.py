"""The card's parts: the best way to give first, with its draft to edit and copy, above the rest;
the next check-in; a give carries its weight, and a give to someone waiting on you offers to mark
their ask done."""

import re
from datetime import UTC, datetime, timedelta

from tests.support.extension import api, card_for, part, remember, wait_for_verdict
from tests.support.profile_pages import PROFILE_PAGES


def test_a_weighed_give_offers_to_mark_their_open_ask_done(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["bluesky"]("waitingon", "Oona Reh")
    fixture_pages[url] = html
    person = remember(
        service,
        "Oona Reh",
        url,
        [
            ("talked", "Met at the print fair", None),
            ("they_asked", "A warm intro to a printer", "open"),
        ],
    )
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
    answer["nudge"]["suggestions"][0]["draft"] = (
        "Hi Eli, I saw this guide on kilns and thought of you."
    )
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


def test_a_give_offers_each_open_ask_even_one_older_than_the_history_shown(
    tab, service, fixture_pages
):
    url, html = PROFILE_PAGES["bluesky"]("longwaiting", "Ines Vale")
    fixture_pages[url] = html
    person = remember(service, "Ines Vale", url)
    logged = f"/api/v1/people/{person['id']}/interactions"
    now = datetime.now(UTC)

    def log(kind, summary, days_ago, status=None):
        body = {
            "kind": kind,
            "summary": summary,
            "occurred_at": (now - timedelta(days_ago)).isoformat(),
        }
        return api(service, "POST", logged, {**body, **({"status": status} if status else {})})

    old = log("they_asked", "A reader for her grant proposal", 90, "open")
    new = log("they_asked", "A name at the print museum", 30, "open")
    for day in range(25):  # more than the card's history shows: the old ask is not among them
        log("talked", f"Studio chat {day}", 25 - day)
    tab.goto(url)
    wait_for_verdict(tab, "they_are_waiting")
    part(tab, "gf-log-gave").click()
    part(tab, "gf-log-weight").select_option(label="real help")
    part(tab, "gf-log-summary").fill("Read her grant proposal and sent notes")
    part(tab, "gf-log-save").click()
    offers = part(tab, "gf-mark-done")
    offers.first.wait_for()
    assert sorted(offers.all_inner_texts()) == [
        "Mark done: A name at the print museum",
        "Mark done: A reader for her grant proposal",
    ]
    (gave,) = [
        h
        for h in api(service, "GET", f"/api/v1/people/{person['id']}")["history"]
        if h["kind"] == "gave"
    ]
    assert gave["weight"] == 2
    offers.and_(card_for(tab).locator(f"[data-interaction='{old['id']}']")).click()
    part(tab, "gf-note").get_by_text("Marked done.").wait_for()
    assert offers.all_inner_texts() == ["Mark done: A name at the print museum"]
    still_open = api(service, "POST", "/api/v1/context", {"url": url})["ledger"]["their_open_asks"]
    assert [ask["id"] for ask in still_open] == [new["id"]]


def test_the_services_own_draft_is_shown_as_text_and_copied_as_edited(
    browser, tab, service, fixture_pages
):
    url, html = PROFILE_PAGES["youtube"]("favourowed", "Rhea Lund")
    fixture_pages[url] = html
    favour = "Reviewed my <b>portfolio</b> & <img src=x> sent notes"
    person = remember(service, "Rhea Lund", url, [("received", favour, None)])
    opening = (datetime.now(UTC) + timedelta(days=5)).date().isoformat()
    api(
        service,
        "POST",
        f"/api/v1/people/{person['id']}/facts",
        {"label": "show opening", "value": "her first solo show", "date": opening},
    )
    written = api(service, "POST", "/api/v1/context", {"url": url})["nudge"]["suggestions"][0]
    assert written["kind"] == "return_favour" and favour in written["draft"]
    tab.goto(url)
    draft = part(tab, "gf-draft")
    draft.wait_for()
    assert draft.is_visible() and draft.is_editable()
    assert draft.input_value() == written["draft"]
    card = card_for(tab)
    suggestions = part(tab, "gf-suggestions")
    assert favour in suggestions.inner_text()  # the service's text, as text
    assert (
        card.locator("[data-testid=gf-suggestions] b, [data-testid=gf-suggestions] img").count()
        == 0
    )
    edited = written["draft"].replace("[what came of it]", "two galleries called back")
    draft.fill(edited)
    card.bring_to_front()
    part(tab, "gf-draft-copy").click()
    card.get_by_text("Copied.").wait_for()
    assert pasted(browser) == edited
    # The favour returned, the best way to give is now her opening: its own draft, not the edit.
    part(tab, "gf-log-gave").click()
    part(tab, "gf-log-summary").fill("Sent her the list of galleries")
    part(tab, "gf-log-save").click()
    part(tab, "gf-note").get_by_text("Saved.").wait_for()
    assert "her first solo show" in draft.input_value()
    assert "two galleries called back" not in draft.input_value()


def pasted(browser) -> str:
    """What Ctrl+V puts into a fresh text box: what the clipboard holds."""
    page = browser.new_page()
    try:
        page.set_content("<textarea></textarea>")
        page.locator("textarea").focus()
        page.keyboard.press("Control+V")
        return page.locator("textarea").input_value()
    finally:
        page.close()
