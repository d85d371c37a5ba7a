"""Pairing end to end: the card shows a code, the real CLI (or one click in givefirst's Settings
page) approves it, the card appears; a revoked token sends the extension back to pairing; a token
saved elsewhere wakes a waiting card; and web pages' content scripts can never read the token."""

from tests.support.dashboard import new_login_link
from tests.support.extension import (
    ASKED_TWICE,
    get_storage,
    part,
    point_at,
    remember,
    set_storage,
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


READ_TOKEN = """(async () => {
  try {
    const found = await chrome.storage.local.get("token");
    return "read: " + JSON.stringify(found);
  } catch (error) {
    return "refused: " + error.message;
  }
})()"""


def in_content_scripts(tab, expression: str):
    """Evaluate in the extension's isolated world on this page, where its content scripts run."""
    cdp = tab.context.new_cdp_session(tab)
    worlds = []
    cdp.on("Runtime.executionContextCreated", lambda event: worlds.append(event["context"]))
    cdp.send("Runtime.enable")
    (world,) = [
        w for w in worlds if w["auxData"].get("type") == "isolated" and w["name"] == "givefirst"
    ]
    result = cdp.send(
        "Runtime.evaluate",
        {
            "expression": expression,
            "contextId": world["id"],
            "awaitPromise": True,
            "returnByValue": True,
        },
    )
    cdp.detach()
    return result["result"]["value"]


def test_content_scripts_cannot_read_the_token(paired, tab, fixture_pages):
    url, html = PROFILE_PAGES["bluesky"]("tokenreader", "Pia Laine")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    assert in_content_scripts(tab, "typeof GF.app") == "object"  # the right world
    said = in_content_scripts(tab, READ_TOKEN)
    assert said.startswith("refused: "), said
    assert get_storage(paired, "token")["token"]  # the worker and extension pages still can


def test_a_sidebar_waiting_to_pair_shows_the_card_once_paired_elsewhere(
    browser, service, fixture_pages
):
    point_at(browser, service)
    url, html = PROFILE_PAGES["instagram"]("pairedelsewhere", "Runa Voss")
    fixture_pages[url] = html
    tab = browser.new_page()
    tab.goto(url)
    part(tab, "gf-pair-start").wait_for()
    set_storage(browser, token=service.token)  # as the popup or options page pairing would
    wait_for_verdict(tab, "stranger")
    tab.close()


def test_pairing_is_approved_with_one_click_in_givefirsts_settings_page(
    browser, service, fixture_pages
):
    point_at(browser, service)  # no token
    browser.new_page().goto(new_login_link(service))  # the dashboard's session, from earlier
    url, html = PROFILE_PAGES["x"]("pairbyclick", "Ines Lund")
    fixture_pages[url] = html
    tab = browser.new_page()
    tab.goto(url)
    part(tab, "gf-pair-start").click()
    code = part(tab, "gf-pair-code").inner_text()
    assert part(tab, "gf-pair-copy").is_visible()  # the terminal's way stays, to copy
    with browser.expect_page() as opened:
        part(tab, "gf-pair-open-settings").click()
    settings = opened.value
    settings.wait_for_load_state()
    assert settings.url.startswith(f"{service.url}/settings")
    settings.get_by_test_id("pairing").filter(has_text=code).get_by_role(
        "button", name="Approve"
    ).click()
    wait_for_verdict(tab, "stranger")
    assert get_storage(browser, "token")["token"].startswith("gf_")
    settings.close()
    tab.close()
