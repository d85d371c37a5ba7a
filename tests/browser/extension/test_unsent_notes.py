"""What happens to a note the service does not take at once: it waits while givefirst is away,
slow, failing or refusing this browser, and is never called "Saved."; a note refused for good or
failing again and again is shown with its text, to copy or log again, and holds up nothing; a
note for someone merged into another person goes to that person; a revoked token leads back to
pairing and the note goes out after it. And what is typed but not sent survives a redraw."""

import re

import pytest

from tests.support.extension import (
    ASKED_TWICE,
    api,
    get_storage,
    part,
    point_at,
    remember,
    set_storage,
    wait_for_verdict,
)
from tests.support.faulty_proxy import HANG, faulty_proxy
from tests.support.live_service import givefirst
from tests.support.profile_pages import PROFILE_PAGES
from tests.support.spa_pages import CSP, spa

SLOW_ANSWER_MS = 25_000  # the extension gives up on a request after 10 s


@pytest.fixture(scope="module")
def proxy(service):
    with faulty_proxy(service) as running:
        yield running


@pytest.fixture
def via_proxy(browser, service, proxy):
    """The extension talks to the service through the proxy, with the test token."""
    proxy.heal()
    proxy.released.clear()
    point_at(browser, proxy, service.token)
    yield proxy
    proxy.heal()


def gave(service, person) -> list[str]:
    history = api(service, "GET", f"/api/v1/people/{person['id']}")["history"]
    return [h["summary"] for h in history if h["kind"] == "gave"]


def open_known(tab, service, fixture_pages, handle, name, site="github"):
    url, html = PROFILE_PAGES[site](handle, name)
    fixture_pages[url] = html
    person = remember(service, name, url, ASKED_TWICE)
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    return url, person


def log_gave(tab, summary):
    part(tab, "gf-log-gave").click()
    part(tab, "gf-log-summary").fill(summary)
    part(tab, "gf-log-save").click()


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        (403, "givefirst refused this browser"),
        (500, "givefirst could not answer"),
        (HANG, "did not answer in time"),
    ],
)
def test_a_note_the_service_does_not_take_now_waits_and_goes_out_later(
    fault, words, browser, tab, service, fixture_pages, via_proxy
):
    handle = f"waits{fault}"
    _, person = open_known(tab, service, fixture_pages, handle, "Aino Hart")
    via_proxy.fail("POST", "/interactions", fault)
    log_gave(tab, "Shared the grant calendar")
    status = part(tab, "gf-status")
    status.get_by_text("will be sent when it is back").wait_for(timeout=SLOW_ANSWER_MS)
    assert words in status.inner_text()
    assert "not running" not in status.inner_text()
    assert part(tab, "gf-note").inner_text() == "Kept in this browser: not in givefirst yet."
    assert len(get_storage(browser, "queue")["queue"]) == 1

    via_proxy.heal()
    part(tab, "gf-history").get_by_text("Shared the grant calendar").wait_for()
    assert gave(service, person) == ["Shared the grant calendar"]
    assert get_storage(browser, "queue")["queue"] == []


def test_a_note_refused_for_good_is_shown_with_its_text_and_can_be_logged_again(
    browser, tab, service, fixture_pages, via_proxy
):
    _, person = open_known(tab, service, fixture_pages, "refusednote", "Bruno Salo")
    via_proxy.fail("POST", "/interactions", 422)
    log_gave(tab, "Reviewed his pitch deck")
    note = part(tab, "gf-note")
    note.get_by_text("Not saved").wait_for()
    assert "Saved." not in note.inner_text()
    assert part(tab, "gf-unsent-text").inner_text() == "Reviewed his pitch deck"
    assert get_storage(browser, "queue")["queue"] == []
    part(tab, "gf-unsent-copy").click()
    copied = re.compile(r"Copied\.|Selected: press Ctrl\+C")  # when the page allows no clipboard
    part(tab, "gf-unsent-copied").filter(has_text=copied).wait_for()

    via_proxy.heal()
    part(tab, "gf-unsent-again").click()
    assert part(tab, "gf-log-summary").input_value() == "Reviewed his pitch deck"
    part(tab, "gf-log-summary").press("Enter")
    part(tab, "gf-history").get_by_text("Reviewed his pitch deck").wait_for()
    assert part(tab, "gf-unsent").count() == 0
    assert gave(service, person) == ["Reviewed his pitch deck"]


def test_a_note_the_service_keeps_failing_on_is_set_aside_and_holds_up_nothing(
    browser, tab, service, fixture_pages, via_proxy
):
    _, person = open_known(tab, service, fixture_pages, "stucknote", "Carla Ines")
    via_proxy.fail("POST", "/interactions", 500, when="poison")
    log_gave(tab, "A poison note")
    # Tried again by itself (after 1 s, then 2 s) until it counts as stuck.
    part(tab, "gf-unsent").get_by_text("failed on it 3 times").wait_for()
    assert part(tab, "gf-unsent-text").inner_text() == "A poison note"
    log_gave(tab, "Sent her the venue list")
    part(tab, "gf-history").get_by_text("Sent her the venue list").wait_for()
    assert part(tab, "gf-note").inner_text() == "Saved."
    assert gave(service, person) == ["Sent her the venue list"]

    via_proxy.heal()
    part(tab, "gf-unsent-retry").click()
    part(tab, "gf-history").get_by_text("A poison note").wait_for()
    assert sorted(gave(service, person)) == ["A poison note", "Sent her the venue list"]


def test_a_note_for_someone_merged_away_goes_to_whom_the_profile_belongs_now(
    tab, service, fixture_pages, via_proxy
):
    _, merged = open_known(tab, service, fixture_pages, "mergedaway", "Dana Rook")
    kept = remember(service, "Dana Rook-Ahl", "https://x.com/danarookahl")
    api(service, "POST", f"/api/v1/people/{kept['id']}/merge", {"other_id": merged["id"]})
    log_gave(tab, "Recommended her for the panel")
    part(tab, "gf-note").get_by_text("Saved for Dana Rook-Ahl").wait_for()
    assert part(tab, "gf-name").inner_text() == "Dana Rook-Ahl"
    assert gave(service, kept) == ["Recommended her for the panel"]


def test_a_note_for_someone_deleted_is_not_called_saved_and_its_text_stays(
    tab, service, fixture_pages, via_proxy
):
    _, person = open_known(tab, service, fixture_pages, "deletedmeanwhile", "Edda Moor")
    api(service, "DELETE", f"/api/v1/people/{person['id']}")
    part(tab, "gf-add-fact").click()
    part(tab, "gf-fact-label").fill("dog")
    part(tab, "gf-fact-value").fill("a spaniel called Fig")
    part(tab, "gf-fact-save").click()
    part(tab, "gf-note").get_by_text("no longer in givefirst").wait_for()
    assert part(tab, "gf-unsent-text").inner_text() == "dog: a spaniel called Fig"
    part(tab, "gf-unsent-dismiss").click()
    part(tab, "gf-unsent").wait_for(state="detached")


def test_a_revoked_token_leads_to_pairing_and_the_note_goes_out_after_it(
    browser, tab, service, fixture_pages
):
    token = givefirst("token", "new", "--name", "soon-revoked", db_path=service.db_path)
    point_at(browser, service, token.stdout.strip().splitlines()[-1])
    _, person = open_known(tab, service, fixture_pages, "revokedmidway", "Fenna Dahl")
    givefirst("token", "revoke", "soon-revoked", db_path=service.db_path)
    log_gave(tab, "Lent her the field recorder")
    part(tab, "gf-pair-start").wait_for()
    assert "1 note kept in this browser" in part(tab, "gf-status").inner_text()
    assert len(get_storage(browser, "queue")["queue"]) == 1

    part(tab, "gf-pair-start").click()
    givefirst("pair", "approve", part(tab, "gf-pair-code").inner_text(), db_path=service.db_path)
    part(tab, "gf-history").get_by_text("Lent her the field recorder").wait_for()
    assert gave(service, person) == ["Lent her the field recorder"]
    assert get_storage(browser, "queue")["queue"] == []


def test_what_is_typed_survives_the_card_redrawn_when_the_queue_drains(
    tab, service, fixture_pages, via_proxy
):
    _, person = open_known(tab, service, fixture_pages, "draftkept", "Gus Amari")
    via_proxy.fail("POST", "/interactions", 403)  # waits without counting as a failure
    log_gave(tab, "Forwarded the job post")
    part(tab, "gf-status").get_by_text("will be sent when it is back").wait_for()
    part(tab, "gf-log-talked").click()
    part(tab, "gf-log-summary").press_sequentially("Talked about his move to")
    via_proxy.heal()
    part(tab, "gf-history").get_by_text("Forwarded the job post").wait_for()  # redrawn
    part(tab, "gf-log-summary").press_sequentially(" Porto")
    assert part(tab, "gf-log-summary").input_value() == "Talked about his move to Porto"


def test_what_is_typed_survives_going_to_another_profile_and_back(browser, tab, service):
    people = {
        "/in/draft-hana-ito/": ("Hana Ito", "Translator"),
        "/in/draft-ivo-berg/": ("Ivo Berg", "Glassblower"),
    }
    shell = spa(people)
    tab.route(
        "https://www.linkedin.com/**",
        lambda route: route.fulfill(body=shell, headers=CSP, content_type="text/html"),
    )
    remember(service, "Hana Ito", "https://www.linkedin.com/in/draft-hana-ito/", ASKED_TWICE)
    tab.goto("https://www.linkedin.com/in/draft-hana-ito/")
    wait_for_verdict(tab, "give_first")
    part(tab, "gf-add-fact").click()
    part(tab, "gf-fact-label").fill("book")
    part(tab, "gf-fact-value").fill("translating a Finnish novel")
    tab.evaluate("go('/in/draft-ivo-berg/', 100)")
    wait_for_verdict(tab, "stranger")
    part(tab, "gf-remember-person").click()
    part(tab, "gf-remember-how").fill("Glass workshop in May")
    tab.go_back()
    wait_for_verdict(tab, "give_first")
    assert part(tab, "gf-fact-label").input_value() == "book"
    assert part(tab, "gf-fact-value").input_value() == "translating a Finnish novel"
    tab.go_forward()
    wait_for_verdict(tab, "stranger")
    assert part(tab, "gf-remember-name").input_value() == "Ivo Berg"
    assert part(tab, "gf-remember-how").input_value() == "Glass workshop in May"

    tab.go_back()  # a card shown from memory refreshes like any other once the fact is saved
    part(tab, "gf-fact-save").click()
    part(tab, "gf-remember").get_by_text("book: translating a Finnish novel").wait_for()
    assert part(tab, "gf-fact-label").count() == 0  # sent: the draft is gone


def test_notes_queued_without_their_own_id_are_each_kept_until_sent(
    browser, tab, service, fixture_pages, via_proxy
):
    url, html = PROFILE_PAGES["youtube"]("legacyqueue", "Jo Brandt")
    fixture_pages[url] = html
    person = remember(service, "Jo Brandt", url, ASKED_TWICE)
    set_storage(
        browser,
        queue=[  # as an earlier version queued them: facts had no id
            {"type": "fact", "personId": person["id"], "body": {"label": "tea", "value": "oolong"}},
            {"type": "fact", "personId": person["id"], "body": {"label": "team", "value": "Lions"}},
        ],
    )
    via_proxy.fail("POST", "/facts", 500, when="Lions")
    tab.goto(url)
    part(tab, "gf-remember").get_by_text("tea: oolong").wait_for()
    (waiting,) = get_storage(browser, "queue")["queue"]
    assert waiting["body"]["value"] == "Lions" and waiting["id"] == waiting["body"]["id"]

    via_proxy.heal()
    tab.reload()
    part(tab, "gf-remember").get_by_text("team: Lions").wait_for()
    assert get_storage(browser, "queue")["queue"] == []
