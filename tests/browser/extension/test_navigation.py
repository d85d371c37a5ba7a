"""In-app navigation: feed → A → B shows B, never A's data under B's URL, one request per profile.
And privacy: pages that are not a supported person's profile are never sent."""

import json

from tests.support.extension import (
    ASKED_TWICE,
    OVERLAY,
    part,
    record_service_calls,
    remember,
    wait_for_verdict,
)
from tests.support.spa_pages import CSP, RECORD_OVERLAY, spa

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


def test_feed_then_a_then_b_shows_b_and_asks_once_per_profile(
    browser, tab, service, fixture_pages
):
    serve_app(tab, spa(PEOPLE))
    remember(service, "Ada Quillon", BASE + "/in/spa-ada-quillon/", ASKED_TWICE)
    calls = record_service_calls(browser, service)
    tab.goto(BASE + "/feed/")
    tab.evaluate(RECORD_OVERLAY)

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

    shown = tab.evaluate("window.__shown")
    under_b = {(name, verdict) for path, name, verdict in shown if path == "/in/spa-bea-morrow/"}
    assert ("Ada Quillon", "give_first") not in under_b
    assert not any(name == "Ada Quillon" for name, _ in under_b)
    assert len(calls.to("/api/v1/context")) == 2  # A and B once each; the feed never; A again from memory


def test_two_people_with_the_same_name_never_show_one_under_the_others_url(
    browser, tab, service
):
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
    tab.evaluate(RECORD_OVERLAY)
    # The page cannot prove it changed person, so after a while only the URL is sent.
    tab.evaluate("go('/in/sam-lee-two/', 300)")
    wait_for_verdict(tab, "stranger")
    shown = tab.evaluate("window.__shown")
    assert not [v for path, _, v in shown if path == "/in/sam-lee-two/" and v == "give_first"]
    (for_two,) = [body for body in sent if body["url"].endswith("/in/sam-lee-two/")]
    assert "Baker" not in json.dumps(for_two)  # the first Sam's page never went out as the second's


def test_pages_that_are_not_a_supported_profile_are_never_sent(browser, tab, service, fixture_pages):
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
    assert tab.locator(OVERLAY).count() == 1


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
    assert 'content="Rhea Stone"' in html and '"@type": "Person"' in html and "<h1>Rhea Stone" in html
    for left_out in ("page code", "<style", "<img", "<svg", "Site menu", "Footer links"):
        assert left_out not in html
