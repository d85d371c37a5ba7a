"""The Import & export page in a real Chromium: preview and import a synthetic Connections.csv,
accept the ask a messages.csv brings, and a file over the limit stopped before it is sent."""

import sqlite3

import pytest

from tests.io.helpers import fixture
from tests.support.dashboard import demo_service_and_browser, login_link_from_banner, screenshot

UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea")]
  .filter((c) => c.type !== "hidden" && !c.labels.length && !c.getAttribute("aria-label"))
  .map((c) => c.outerHTML)"""


@pytest.fixture(scope="module")
def setup(playwright, tmp_path_factory):
    with demo_service_and_browser(playwright, tmp_path_factory.mktemp("transfer")) as found:
        service, context = found
        page = context.new_page()
        page.goto(login_link_from_banner(service))
        page.wait_for_url(f"{service.url}/")
        yield service, page


def count(service, sql: str) -> int:
    with sqlite3.connect(service.db_path) as db:
        return db.execute(sql).fetchone()[0]


def send(page, path, button: str) -> str:
    """Choose the file and press a button; the text of the summary that comes back."""
    form = page.get_by_test_id("import-form")
    form.get_by_label("Kind").select_option("linkedin")
    form.get_by_label("File").set_input_files(path)
    form.get_by_role("button", name=button, exact=True).click()
    return page.get_by_test_id("import-summary").inner_text()


def test_preview_then_import_a_connections_csv(setup):
    service, page = setup
    people = count(service, "SELECT count(*) FROM people")
    page.goto(service.url + "/")
    page.get_by_role("link", name="Import & export").click()
    assert page.evaluate(UNLABELLED) == []

    preview = send(page, fixture("linkedin/Connections.csv"), "Preview")
    assert "Dry run, nothing written: Connections.csv: 4 people created" in preview
    assert "Orla Venn" in page.get_by_test_id("summary-entries").inner_text()
    screenshot(page, "transfer-preview")
    assert count(service, "SELECT count(*) FROM people") == people

    imported = send(page, fixture("linkedin/Connections.csv"), "Import")
    assert (
        "Imported: Connections.csv: 4 people created, 0 merged, 1 skipped (1 no name)" in imported
    )
    screenshot(page, "transfer-imported")
    assert count(service, "SELECT count(*) FROM people") == people + 4


def test_a_sent_ask_from_messages_waits_on_the_page_and_is_accepted(setup):
    service, page = setup
    summary = send(page, fixture("linkedin/messages.csv"), "Import")
    assert "1 sent message read like asks" in summary
    review = page.get_by_test_id("review")
    assert "could you refer me" in review.inner_text()
    assert page.evaluate(UNLABELLED) == []
    screenshot(page, "transfer-review")
    review.get_by_label("What became of it").select_option("granted")
    review.get_by_role("button", name="Accept as an ask").click()
    page.get_by_text("No imported messages are waiting for review.").wait_for()
    asked = "SELECT count(*) FROM interactions WHERE kind = 'asked' AND status = 'granted'"
    assert count(service, asked) >= 1
    assert count(service, "SELECT count(*) FROM ask_reviews WHERE status = 'pending'") == 0


def test_a_file_over_the_limit_is_stopped_before_it_is_sent(setup, tmp_path):
    service, page = setup
    big = tmp_path / "Basic_LinkedInDataExport.zip"
    with big.open("wb") as sparse:
        sparse.truncate(65 * 1024 * 1024)  # takes no disk space; only its size is read
    page.goto(service.url + "/transfer")
    form = page.get_by_test_id("import-form")
    form.get_by_label("File").set_input_files(big)
    problem = page.locator("#import-size-problem")
    assert "is larger than 64 MiB" in problem.inner_text()
    assert page.evaluate("document.getElementById('import-file').validity.valid") is False
    form.get_by_role("button", name="Import", exact=True).click()  # waits for any navigation
    assert page.url == service.url + "/transfer"
    screenshot(page, "transfer-too-large")
