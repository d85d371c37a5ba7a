"""Pairing end to end: the overlay shows a code, the real CLI approves it, the card appears; a
revoked token sends the extension back to pairing."""

from tests.support.extension import (
    ASKED_TWICE,
    get_storage,
    part,
    point_at,
    remember,
    wait_for_verdict,
)
from tests.support.live_service import givefirst
from tests.support.profile_pages import PROFILE_PAGES


def test_pairing_with_the_cli_then_revoking_the_token_asks_to_pair_again(
    browser, service, fixture_pages
):
    point_at(browser, service)  # no token: this browser was never paired
    url, html = PROFILE_PAGES["github"]("pairwithme", "Oskar Fenn")
    fixture_pages[url] = html
    remember(service, "Oskar Fenn", url, ASKED_TWICE)
    tab = browser.new_page()
    tab.goto(url)
    part(tab, "gf-status").get_by_text("not paired").wait_for()
    part(tab, "gf-pair-start").click()
    code = part(tab, "gf-pair-code").inner_text()
    # The very command that works for this service: its program and its database.
    command = part(tab, "gf-pair-command").inner_text()
    assert f"givefirst pair approve {code} --db " in command and str(service.db_path) in command
    assert code in service.log_path.read_text()  # `givefirst serve` logs the code too

    givefirst("pair", "approve", code, db_path=service.db_path)
    wait_for_verdict(tab, "give_first")
    assert part(tab, "gf-name").inner_text() == "Oskar Fenn"
    saved = get_storage(browser, "token", "tokenName")
    assert saved["token"].startswith("gf_") and saved["token"] != service.token

    givefirst("token", "revoke", saved["tokenName"], db_path=service.db_path)
    tab.reload()
    part(tab, "gf-pair-start").wait_for()
    assert "token" not in get_storage(browser, "token")
    tab.close()
