"""One real service and one Chromium with the extension per test module; a fresh tab per test.

Each test uses its own synthetic people (own handles), so tests in a module do not see each
other's data. Every tab must end without an error in the page's console.
"""

import pytest

from tests.support.browser import launch, serve_pages
from tests.support.extension import point_at
from tests.support.live_service import running_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    with running_service(tmp_path_factory.mktemp("service")) as running:
        yield running


@pytest.fixture(scope="module")
def fixture_pages():
    """URL → HTML served in place of the real site; tests add their pages."""
    return {}


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory, service, fixture_pages):
    with launch(playwright, tmp_path_factory.mktemp("chromium"), with_extension=True) as context:
        serve_pages(context, fixture_pages)
        yield context


@pytest.fixture
def paired(browser, service):
    """The extension pointed at the service with a token, and nothing else remembered."""
    point_at(browser, service, service.token)
    return browser


@pytest.fixture
def tab(paired):
    """A new tab that fails the test if the page logs an error or throws."""
    page = paired.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    yield page
    page.close()
    assert errors == []
