"""In-app navigation: feed → A → B shows B on the tab's card, never A's data under B's URL, one
request per profile. And privacy: pages that are not a supported person's profile are never sent."""

import json

from tests.support.extension import (
    ASKED_TWICE,
    card_for,
    part,
    record_service_calls,
    remember,
    wait_for_verdict,
)
from tests.support.spa_pages import CSP, RECORD_CARD, spa

BASE = "https://www.linkedin.com"
PEOPLE = {
    "/in/spa-ada-quillon/": ("Ada Quillon", "Staff engineer at Fernwood"),
    "/in/spa-bea-morrow/": ("Bea Morrow", "Founder, Tidewater Studio"),
}


def serve_app(tab, shell: str) -> None:
    """Every LinkedIn URL in this tab gets the app's shell, under the app's strict CSP."""
    tab.route(
        BASE + "/**",
        lambda route: route.fulfill(body=shell, headers=CSP, content_type="text/html"),
    )


def test_feed_then_a_then_b_shows_b_and_asks_once_per_profile(browser, tab, service, fixture_pages):
    serve_app(tab, spa(PEOPLE))
    remember(service, "Ada Quillon", BASE + "/in/spa-ada-quillon/", ASKED_TWICE)
    calls = record_service_calls(browser, service)
    tab.goto(BASE + "/feed/")
    card_for(tab).evaluate(RECORD_CARD)

    tab.evaluate("go('/in/spa-ada-quillon/', 150)")
    wait_for_verdict(tab, "give_first")
    assert part(tab, "gf-name").inner_text() == "Ada Quillon"

    # B's page is drawn late: until then the page still shows A.
    tab.evaluate("go('/in/spa-bea-morrow/', 600)")
    wait_for_verdict(tab, "stranger")
    assert part(tab, "gf-name").inner_text() == "Bea Morrow"

    tab.go_back()
    wait_for_verdict(tab, "give_first")
    assert part(tab, "gf-name").inner_text() == "Ada Quillon"

    shown = card_for(tab).evaluate("window.__shown")
    under_b = {(name, verdict) for path, name, verdict in shown if path == "/in/spa-bea-morrow/"}
    assert ("Ada Quillon", "give_first") not in under_b
    assert not any(name == "Ada Quillon" for name, _ in under_b)
    assert (
        len(calls.to("/api/v1/context")) == 2
    )  # A and B once each; the feed never; A again from memory


def test_two_people_with_the_same_name_never_show_one_under_the_others_url(browser, tab, service):
    twins = {"/in/sam-lee-one/": ("Sam Lee", "Baker"), "/in/sam-lee-two/": ("Sam Lee", "Pilot")}
    serve_app(tab, spa(twins))
    remember(service, "Sam Lee", BASE + "/in/sam-lee-one/", ASKED_TWICE)
    sent = []
    browser.on(
        "request",
        lambda r: sent.append(r.post_data_json) if r.url.endswith("/api/v1/context") else None,
    )
    tab.goto(BASE + "/in/sam-lee-one/")
    wait_for_verdict(tab, "give_first")
    card_for(tab).evaluate(RECORD_CARD)
    # The page cannot prove it changed person, so after a while only the URL is sent.
    tab.evaluate("go('/in/sam-lee-two/', 300)")
    wait_for_verdict(tab, "stranger")
    shown = card_for(tab).evaluate("window.__shown")
    assert not [v for path, _, v in shown if path == "/in/sam-lee-two/" and v == "give_first"]
    (for_two,) = [body for body in sent if body["url"].endswith("/in/sam-lee-two/")]
    assert "Baker" not in json.dumps(for_two)  # the first Sam's page never went out as the second's


def test_pages_that_are_not_a_supported_profile_are_never_sent(
    browser, tab, service, fixture_pages
):
    fixture_pages["https://jane.example/"] = (
        "<html><head><title>Jane's site</title></head><body><h1>Jane Example</h1></body></html>"
    )
    serve_app(tab, spa({"/in/privacy-kit/": ("Kit Arden", "Editor")}))
    remember(service, "Kit Arden", BASE + "/in/privacy-kit/", ASKED_TWICE)
    calls = record_service_calls(browser, service)
    tab.goto("https://jane.example/")
    tab.goto(BASE + "/feed/")
    tab.goto(BASE + "/company/northwind/")
    # A profile opened afterwards proves the content scripts were running all along.
    tab.goto(BASE + "/in/privacy-kit/")
    wait_for_verdict(tab, "give_first")
    assert len(calls.to("/api/v1/context")) == 1
    assert (
        tab.locator("[id^=givefirst-]").count() == 0
    )  # on LinkedIn, nothing in the page by default


def test_what_leaves_the_page_is_a_trimmed_copy_capped_in_size(browser, tab, fixture_pages):
    url = f"{BASE}/in/big-page-person/"
    filler = "<p>" + "Worked on many things. " * 40 + "</p>"
    fixture_pages[url] = (
        "<html><head><title>Rhea Stone | LinkedIn</title>"
        '<meta property="og:title" content="Rhea Stone"><style>body { color: red }</style>'
        '<script>window.tracking = "page code"</script>'
        '<script type="application/ld+json">{"@type": "Person", "name": "Rhea Stone"}</script>'
        '</head><body><nav>Site menu</nav><main><h1>Rhea Stone</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=">'
        f"<svg><circle r='4'/></svg>{filler * 2000}</main><footer>Footer links</footer></body></html>"
    )
    bodies = []
    browser.on(
        "request",
        lambda r: bodies.append(r.post_data_json) if r.url.endswith("/api/v1/context") else None,
    )
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    (sent,) = bodies
    assert len(fixture_pages[url]) > 1_000_000
    assert len(sent["html"]) <= 400 * 1024
    assert sent["url"] == url and sent["title"] == "Rhea Stone | LinkedIn"
    assert sent["fields"] == {"name": "Rhea Stone"}
    html = sent["html"]
    assert (
        'content="Rhea Stone"' in html and '"@type": "Person"' in html and "<h1>Rhea Stone" in html
    )
    for left_out in ("page code", "<style", "<img", "<svg", "Site menu", "Footer links"):
        assert left_out not in html


THREE = {
    "/in/walk-zed-okafor/": ("Zed Okafor", "Harbour pilot"),
    "/in/walk-ana-pires/": ("Ana Pires", "Editor at Quayside Press"),
    "/in/walk-bo-lindqvist/": ("Bo Lindqvist", "Carpenter"),
    "/in/walk-cy-duarte/": ("Cy Duarte", "Sound engineer"),
    "/in/hold-ana-pires/": ("Ana Pires", "Editor at Quayside Press"),
    "/in/hold-bo-lindqvist/": ("Bo Lindqvist", "Carpenter"),
}
NAMES = {path: name for path, (name, _) in THREE.items()}


def context_bodies(browser) -> list[dict]:
    """The bodies of the context requests the extension sends from now on."""
    bodies: list[dict] = []
    browser.on(
        "request",
        lambda r: bodies.append(r.post_data_json) if r.url.endswith("/api/v1/context") else None,
    )
    return bodies


def asks_about(handle: str):
    """A predicate for the context request about this profile."""
    return lambda r: r.url.endswith("/api/v1/context") and handle in (r.post_data or "")


def assert_each_page_went_out_under_its_own_url(bodies: list[dict]) -> None:
    for body in bodies:
        path = body["url"].removeprefix(BASE)
        if "html" not in body:
            continue  # only the URL: allowed, never someone else's page
        assert body["fields"] == {"name": NAMES[path]}, path
        others = {name for name in NAMES.values() if name != NAMES[path]}
        assert not [name for name in others if name in body["html"]], path
        assert "Start a post" not in body["html"], path


def assert_no_one_shown_under_anothers_url(shown: list) -> None:
    wrong = [
        (path, name) for path, name, _ in shown if name and path in NAMES and name != NAMES[path]
    ]
    assert wrong == []
    assert not [name for path, name, _ in shown if path == "/feed/" and name]


def test_profile_to_feed_in_app_then_three_people_each_send_their_own_page(browser, tab, service):
    serve_app(tab, spa(THREE))
    remember(service, "Ana Pires", BASE + "/in/walk-ana-pires/", ASKED_TWICE)
    bodies = context_bodies(browser)
    tab.goto(BASE + "/in/walk-zed-okafor/")
    wait_for_verdict(tab, "stranger")
    card_for(tab).evaluate(RECORD_CARD)

    # Each page is drawn a while after its URL changed, as the real app does after a fetch.
    tab.evaluate("go('/feed/', 300)")
    part(tab, "gf-show-here").wait_for()  # the card says the feed is not a profile
    tab.get_by_role("heading", name="Start a post").wait_for()
    for path, verdict in [
        ("/in/walk-ana-pires/", "give_first"),
        ("/in/walk-bo-lindqvist/", "stranger"),
        ("/in/walk-cy-duarte/", "stranger"),
    ]:
        tab.evaluate(f"go({path!r}, 300)")
        wait_for_verdict(tab, verdict)
        part(tab, "gf-name").get_by_text(NAMES[path], exact=True).wait_for()
        if verdict == "stranger":  # what "Remember this person" starts from
            part(tab, "gf-remember-person").click()
            assert part(tab, "gf-remember-name").input_value() == NAMES[path]

    sent = {body["url"].removeprefix(BASE) for body in bodies}
    assert sent == {path for path in NAMES if path.startswith("/in/walk-")}
    assert_each_page_went_out_under_its_own_url(bodies)
    assert_no_one_shown_under_anothers_url(card_for(tab).evaluate("window.__shown"))


def test_a_click_on_the_next_person_during_a_lookup_never_sends_the_page_still_shown(
    browser, tab, service
):
    serve_app(tab, spa(THREE))
    remember(service, "Ana Pires", BASE + "/in/hold-ana-pires/", ASKED_TWICE)
    tab.goto(BASE + "/feed/")
    card_for(tab).evaluate(RECORD_CARD)
    bodies = context_bodies(browser)
    held = []

    def hold_ana(route):
        if "hold-ana-pires" in (route.request.post_data or ""):
            held.append(route)  # answered later: Ana's lookup is still on its way
        else:
            route.continue_()

    browser.route("**/api/v1/context", hold_ana)
    try:
        with browser.expect_event("request", asks_about("hold-ana-pires")):
            tab.evaluate("go('/in/hold-ana-pires/', 100)")
        part(tab, "gf-status").get_by_text("Looking this person up").wait_for()
        tab.evaluate("go('/in/hold-bo-lindqvist/', 300)")  # Ana's page stays drawn for a while
        wait_for_verdict(tab, "stranger")
        part(tab, "gf-name").get_by_text("Bo Lindqvist", exact=True).wait_for()
    finally:
        browser.unroute("**/api/v1/context", hold_ana)
        for route in held:
            route.continue_()

    (for_bo,) = [b for b in bodies if b["url"].endswith("/in/hold-bo-lindqvist/")]
    assert for_bo.get("fields") in (None, {"name": "Bo Lindqvist"})
    assert_each_page_went_out_under_its_own_url(bodies)
    assert_no_one_shown_under_anothers_url(card_for(tab).evaluate("window.__shown"))


def test_a_mastodon_account_on_another_server_is_not_taken_for_the_local_one(browser, tab):
    people = {
        "/@ada": ("Ada Local", "Knits", "Ada Local (@ada@mastodon.social) - Mastodon"),
        "/@ada@example.social": (
            "Ada Remote",
            "Sails",
            "Ada Remote (@ada@example.social) - Mastodon",
        ),
    }
    shell = spa(people)
    tab.route(
        "https://mastodon.social/**",
        lambda route: route.fulfill(body=shell, headers=CSP, content_type="text/html"),
    )
    bodies = context_bodies(browser)
    tab.goto("https://mastodon.social/@ada")
    wait_for_verdict(tab, "stranger")
    tab.evaluate("go('/@ada@example.social', 300)")
    part(tab, "gf-name").get_by_text("Ada Remote", exact=True).wait_for()
    (remote,) = [b for b in bodies if b["url"].endswith("/@ada@example.social")]
    assert remote.get("fields") in (None, {"name": "Ada Remote"})
    assert "Ada Local" not in remote.get("html", "")


def test_a_profile_that_links_to_its_own_parts_proves_whose_it_is_even_under_the_same_name(
    browser, tab
):
    twins = {"/in/sam-lee-three/": ("Sam Lee", "Baker"), "/in/sam-lee-four/": ("Sam Lee", "Pilot")}
    serve_app(tab, spa(twins, own_links=True))
    tab.goto(BASE + "/in/sam-lee-three/")
    wait_for_verdict(tab, "stranger")
    with browser.expect_event("request", asks_about("sam-lee-four")) as asked:
        tab.evaluate("go('/in/sam-lee-four/', 300)")
    body = asked.value.post_data_json
    assert body["fields"] == {"name": "Sam Lee"}
    assert "Pilot" in body["html"] and "Baker" not in body["html"]


def test_head_metadata_left_from_the_last_profile_never_goes_out_with_the_next(browser, tab):
    people = {
        "/in/head-zoe-park/": ("Zoe Park", "Architect"),
        "/in/head-uma-sen/": ("Uma Sen", "Chemist"),
    }
    serve_app(tab, spa(people))
    tab.goto(BASE + "/in/head-zoe-park/")
    wait_for_verdict(tab, "stranger")
    with browser.expect_event("request", asks_about("head-uma-sen")) as asked:
        tab.evaluate("go('/in/head-uma-sen/', 100, 500)")  # the body first, the head later
    html = asked.value.post_data_json["html"]
    assert "<h1>Uma Sen</h1>" in html and "Zoe Park" not in html
    assert "head-zoe-park" not in html  # the canonical link still naming Zoe's profile
