"""Logging from the card: a give carries its weight, and a give to someone waiting on you offers
to mark their ask done."""

from tests.support.extension import api, part, remember, wait_for_verdict
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
