"""For browser tests of the dashboard: a demo service, its login link, and screenshots to look at."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.browser import ROOT, launch
from tests.support.live_service import Service, givefirst, running_service

SCREENSHOTS = ROOT / "test-output" / "screenshots"
LOGIN_LINK = re.compile(r"http://127\.0\.0\.1:\d+/login\?token=\S+")


def login_link_from_banner(service: Service) -> str:
    """The one-time link `givefirst serve` printed when it started."""
    found = LOGIN_LINK.search(service.log_path.read_text())
    assert found, service.log_path.read_text()
    return found.group(0)


def new_login_link(service: Service) -> str:
    """A fresh link, as `givefirst open` makes it."""
    result = givefirst("open", "--no-browser", "--port", str(service.port), db_path=service.db_path)
    return result.stdout.strip().splitlines()[-1]


def screenshot(page, name: str) -> Path:
    """Save the whole page for a person to look at (test-output/ is not committed)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@contextmanager
def demo_service_and_browser(playwright, workdir: Path) -> Iterator[tuple[Service, object]]:
    """A running service with the demo people, and a fresh Chromium (not logged in yet)."""
    with running_service(workdir) as service:
        givefirst("demo", db_path=service.db_path)
        with launch(
            playwright, workdir / "chromium", viewport={"width": 1280, "height": 900}
        ) as context:
            context.set_default_timeout(15_000)
            yield service, context
