"""The browser harness itself: fixture pages at real URLs, nothing else leaves this computer."""

from tests.support.browser import launch, serve_pages

PAGE = "<html><head><title>Jane Doe | LinkedIn</title></head><body><h1>Jane Doe</h1></body></html>"


def test_a_fixture_page_is_served_at_its_real_url_and_other_traffic_is_aborted(
    playwright, tmp_path
):
    with launch(playwright, tmp_path / "profile") as context:
        aborted = serve_pages(context, {"https://www.linkedin.com/in/jane-doe/": PAGE})
        page = context.new_page()
        page.goto("https://www.linkedin.com/in/jane-doe/")
        assert page.locator("h1").inner_text() == "Jane Doe"
        page.evaluate("fetch('https://tracker.example/pixel').catch(() => null)")
        page.wait_for_timeout(100)
        assert "https://tracker.example/pixel" in aborted
