"""Fewer duplicates, in a real Chromium: a Person page offers the profiles their own page links to
with one click to link each, and adding someone whose name is already known asks "Is this the Ada
you know?" with one click to link the profile to them, or to add a new person anyway. Both pages
pass axe-core in light and dark."""

import json
import urllib.request
from pathlib import Path

import pytest

from tests.support.axe import SCHEMES, serious_violations
from tests.support.dashboard import demo_service_and_browser, login_link_from_banner, screenshot

PAGE = Path(__file__).parents[1] / "sites" / "fixtures" / "github" / "user-full.html"
ADA_URL = "https://github.com/octo-ada"
NAME = "Ada Lindqvist"


def api(service, method: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        service.url + path,
        method=method,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {service.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def setup(playwright, tmp_path_factory):
    with demo_service_and_browser(playwright, tmp_path_factory.mktemp("same")) as found:
        service, context = found
        ada = api(service, "POST", "/api/v1/people", {"name": NAME, "profiles": [ADA_URL]})
        api(service, "POST", "/api/v1/context", {"url": ADA_URL, "html": PAGE.read_text("utf-8")})
        page = context.new_page()
        page.goto(login_link_from_banner(service))
        page.wait_for_url(f"{service.url}/")
        yield service, page, ada["id"]


def test_the_person_page_links_a_suggested_profile_in_one_click(setup):
    service, page, ada = setup
    page.goto(f"{service.url}/people/{ada}")
    offers = page.get_by_test_id("suggested-profiles")
    assert "x.com/octo_ada" in offers.inner_text()
    screenshot(page, "person-suggested-profiles")
    offers.get_by_role("button", name="Link x.com/octo_ada to Ada Lindqvist").click()
    page.wait_for_url(f"{service.url}/people/{ada}#profiles")
    assert "x.com/octo_ada" in page.locator("#profiles ul.profiles").first.inner_text()
    assert "x.com/octo_ada" not in page.get_by_test_id("suggested-profiles").inner_text()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_person_page_with_suggested_profiles_passes_axe(setup, scheme):
    service, page, ada = setup
    page.goto(f"{service.url}/people/{ada}")
    page.get_by_test_id("suggested-profiles").wait_for()
    assert serious_violations(page, scheme) == []


def ask_to_add(page, service, profile: str) -> None:
    page.goto(f"{service.url}/people")
    page.get_by_text("Add a person").click()
    form = page.get_by_test_id("add-person-form")
    form.get_by_label("Name", exact=True).fill("Ada Lindqvist")
    form.get_by_label("Profiles").fill(profile)
    form.get_by_label("Tags").fill("compilers")
    form.get_by_role("button", name="Add", exact=True).click()
    page.get_by_test_id("same-name-question").wait_for()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_same_name_question_passes_axe(setup, scheme):
    service, page, _ = setup
    ask_to_add(page, service, "https://www.linkedin.com/in/ada-axe-check")
    assert serious_violations(page, scheme) == []


def test_adding_a_known_name_asks_and_yes_links_the_profile_to_them(setup):
    service, page, ada = setup
    ask_to_add(page, service, "https://www.linkedin.com/in/ada-lindqvist-2")
    assert page.get_by_test_id("same-name-question").inner_text() == "Is this the Ada you know?"
    assert "github.com/octo-ada" in page.get_by_test_id("namesake").inner_text()
    screenshot(page, "people-same-name")
    page.get_by_role("button", name="Yes: link the profile to Ada Lindqvist").click()
    page.wait_for_url(f"{service.url}/people/{ada}#profiles")
    assert "linkedin.com/in/ada-lindqvist-2" in page.locator("#profiles").inner_text()


def test_no_adds_a_second_ada_with_what_was_typed(setup):
    service, page, ada = setup
    ask_to_add(page, service, "https://www.linkedin.com/in/another-ada")
    page.get_by_role("button", name="No: add a new Ada Lindqvist").click()
    page.get_by_test_id("person-name").filter(has_text="Ada Lindqvist").wait_for()
    assert not page.url.endswith(f"/people/{ada}")
    assert "linkedin.com/in/another-ada" in page.locator("#profiles").inner_text()
    assert "compilers" in page.locator(".person-head").inner_text()
