"""The extension's wiring (pinned ID, one handler per message), its options page (status, per-site
on/off, launcher and in-page card, service URL, unpair) and the card on a page that is not a
profile."""

from urllib.parse import urlsplit

from givefirst.config import CHROME_EXTENSION_ID

from tests.support.extension import (
    get_storage,
    part,
    record_service_calls,
    wait_for_verdict,
    worker,
)
from tests.support.profile_pages import PROFILE_PAGES

EXTENSION = f"chrome-extension://{CHROME_EXTENSION_ID}"


def test_the_manifest_key_pins_the_extension_id_the_service_trusts(browser):
    assert urlsplit(worker(browser).url).hostname == CHROME_EXTENSION_ID


def test_every_message_in_the_table_has_exactly_one_handler(browser):
    table = worker(browser).evaluate("Object.keys(globalThis.GF.MESSAGES).sort()")
    handlers = worker(browser).evaluate("[...globalThis.GF.handlerNames].sort()")
    assert table == handlers and "context" in table


def test_the_options_page_says_whether_givefirst_runs_and_is_paired(paired, service):
    options = paired.new_page()
    options.goto(f"{EXTENSION}/options/options.html")
    status = options.get_by_test_id("gf-options-status")
    status.get_by_text(f'Paired with givefirst at {service.url} as "').wait_for()
    options.close()


def test_a_site_switched_off_in_the_options_gets_no_sidebar_and_no_request(
    paired, service, fixture_pages
):
    options = paired.new_page()
    options.goto(f"{EXTENSION}/options/options.html")
    options.get_by_test_id("gf-options-status").get_by_text("Paired").wait_for()
    # In the page: no launcher on LinkedIn and Facebook unless chosen, one elsewhere; no card.
    launchers = {
        s: options.get_by_test_id(f"gf-launcher-{s}") for s in ("linkedin", "facebook", "github")
    }
    assert [box.is_checked() for box in launchers.values()] == [False, False, True]
    assert not options.get_by_test_id("gf-in-page-github").is_checked()
    options.get_by_test_id("gf-in-page-x").check()
    options.wait_for_function(
        "() => chrome.storage.local.get('siteOptions').then(s => s.siteOptions?.x?.inPage === true)"
    )
    options.get_by_test_id("gf-site-linkedin").uncheck()
    options.wait_for_function(
        "() => chrome.storage.local.get('disabledSites')"
        ".then(s => (s.disabledSites || []).includes('linkedin'))"
    )
    li_url, li_html = PROFILE_PAGES["linkedin"]("switched-off", "Rafa Kolb")
    gh_url, gh_html = PROFILE_PAGES["github"]("switchedon", "Rafa Kolb")
    fixture_pages.update({li_url: li_html, gh_url: gh_html})
    calls = record_service_calls(paired, service)
    linkedin, github = paired.new_page(), paired.new_page()
    linkedin.goto(li_url)
    github.goto(gh_url)
    wait_for_verdict(github, "stranger")  # GitHub still works, so LinkedIn had its chance
    assert linkedin.locator("[id^=givefirst-]").count() == 0
    assert len(calls.to("/api/v1/context")) == 1
    for page in (options, linkedin, github):
        page.close()


def test_the_options_page_refuses_a_service_url_that_is_not_this_computer_and_unpairs(
    paired, service
):
    options = paired.new_page()
    options.goto(f"{EXTENSION}/options/options.html")
    options.get_by_test_id("gf-options-status").get_by_text("Paired").wait_for()
    options.get_by_test_id("gf-service-url").fill("https://tracker.example")
    options.get_by_test_id("gf-service-save").click()
    options.get_by_text("must be http://127.0.0.1:PORT").wait_for()
    assert get_storage(paired, "serviceUrl")["serviceUrl"] == service.url
    options.get_by_test_id("gf-unpair").click()
    options.get_by_test_id("gf-pair-start").wait_for()
    assert get_storage(paired, "token") == {}
    options.close()


def test_the_overlay_asks_to_pair_after_unpairing(paired, service, fixture_pages):
    url, html = PROFILE_PAGES["youtube"]("afterunpair", "Wen Holt")
    fixture_pages[url] = html
    worker(paired).evaluate("() => chrome.storage.local.remove('token')")
    tab = paired.new_page()
    tab.goto(url)
    part(tab, "gf-pair-start").wait_for()
    tab.close()


def test_the_card_offers_to_read_a_page_that_is_not_a_profile_and_only_then_sends_it(
    paired, service, fixture_pages
):
    feed = "https://www.linkedin.com/feed/"
    fixture_pages[feed] = (
        "<html><head><title>Feed | LinkedIn</title></head><body><main><h1>Feed</h1></main></body></html>"
    )
    calls = record_service_calls(paired, service)
    tab = paired.new_page()
    tab.goto(feed)
    part(tab, "gf-show-here").wait_for()
    assert calls.to("/api/v1/context") == []
    part(tab, "gf-show-here").click()
    part(tab, "gf-status").get_by_text("not a person's profile").wait_for()
    assert len(calls.to("/api/v1/context")) == 1
    tab.close()
