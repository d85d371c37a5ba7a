"""The dashboard is complete in a real Chromium: add a person with the People page's form, then
log, edit and delete an interaction and add, edit and delete a fact (a yearly date entered as a
day and month) on their page."""

import pytest

from tests.support.dashboard import demo_service_and_browser, login_link_from_banner, screenshot


@pytest.fixture(scope="module")
def page(playwright, tmp_path_factory):
    with demo_service_and_browser(playwright, tmp_path_factory.mktemp("edits")) as found:
        service, context = found
        opened = context.new_page()
        opened.goto(login_link_from_banner(service))
        opened.wait_for_url(f"{service.url}/")
        opened.goto(f"{service.url}/people")
        yield opened


def add_person(page, name: str) -> None:
    page.get_by_text("Add a person").click()
    form = page.get_by_test_id("add-person-form")
    form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Profiles").fill("https://github.com/nadia-okafor-fixture")
    form.get_by_label("Circle", exact=True).select_option(label="Close")
    form.get_by_label("How you met").fill("Maps meetup, Lagos")
    form.get_by_label("Tags").fill("maps, open data")
    form.get_by_role("button", name="Add", exact=True).click()
    page.get_by_test_id("person-name").filter(has_text=name).wait_for()


def test_adding_a_person_opens_their_page_with_what_was_typed(page):
    add_person(page, "Nadia Okafor")
    head = page.locator(".person-head").inner_text()
    assert "Close" in head and "Maps meetup, Lagos" in head and "open data" in head
    assert "github.com/nadia-okafor-fixture" in page.locator("#profiles").inner_text()


def test_an_interaction_can_be_edited_then_deleted(page):
    page.locator("#log-kind").select_option("gave")
    page.locator("#log-summary").fill("Sent her the tiles guide")
    page.get_by_role("button", name="Log it").click()
    item = page.get_by_test_id("timeline").locator("li").filter(has_text="Sent her the tiles guide")
    item.wait_for()
    item.locator("summary").click()
    item.get_by_label("Summary").fill("Sent her the vector tiles guide")
    item.get_by_label("Weight").select_option("2")
    item.get_by_label("When").fill("2026-01-08")
    item.get_by_role("button", name="Save").click()
    edited = page.get_by_test_id("timeline").locator("li").filter(has_text="vector tiles guide")
    edited.wait_for()
    assert "8 Jan 2026" in edited.inner_text() and "×2" in edited.inner_text()
    screenshot(page, "person-edited-interaction")
    edited.locator("summary").click()
    edited.get_by_role("button", name="Delete this interaction").click()
    page.get_by_text("Nothing logged yet").wait_for()
    assert page.get_by_text("vector tiles guide").count() == 0


def test_a_yearly_fact_is_entered_and_shown_as_a_day_and_month_then_edited_and_deleted(page):
    facts = page.locator("#facts")
    facts.get_by_label("Label", exact=True).fill("birthday")
    facts.get_by_label("Value", exact=True).fill("loves a handwritten card")
    facts.get_by_label("Date", exact=True).fill("1990-12-08")
    facts.get_by_label("Every year (a birthday): only the day and month are kept").check()
    facts.get_by_role("button", name="Add fact").click()
    fact = page.locator("#facts .fact").filter(has_text="birthday")
    fact.wait_for()
    assert "every 8 December" in fact.inner_text()
    assert "--12-08" not in page.locator("body").inner_text()
    fact.locator("summary").click()
    fact.get_by_label("Value").fill("loves a postcard")
    fact.get_by_label("Date").fill("2000-12-09")
    fact.get_by_role("button", name="Save").click()
    edited = page.locator("#facts .fact").filter(has_text="loves a postcard")
    edited.wait_for()
    assert "every 9 December" in edited.inner_text()
    edited.locator("summary").click()
    edited.get_by_role("button", name="Delete this fact").click()
    page.get_by_text("No facts yet.").wait_for()
