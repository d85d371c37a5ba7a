"""Takes docs/overlay.png: the overlay on a LinkedIn-shaped page, with the synthetic demo people.

Run through scripts/screenshot-overlay
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.browser import launch, serve_pages  # noqa: E402
from tests.support.extension import point_at, wait_for_verdict  # noqa: E402
from tests.support.live_service import givefirst, running_service  # noqa: E402
from tests.support.profile_pages import page  # noqa: E402

URL = "https://www.linkedin.com/in/demo-grace-ferrow/"
PROFILE = page(
    "(3) Grace Ferrow | LinkedIn",
    """<div style="font: 15px system-ui, sans-serif; background: #f4f2ee; min-height: 100vh;
    margin: -8px; padding: 24px 380px 24px 48px">
    <main style="background: #fff; border-radius: 8px; padding: 24px; max-width: 720px">
    <div style="height: 120px; background: linear-gradient(90deg, #a0b4b7, #d8e1e3);
    border-radius: 8px 8px 0 0; margin: -24px -24px 16px"></div>
    <h1 style="margin: 0; font-size: 24px">Grace Ferrow</h1>
    <div>Payments lead at Orbit · Building calm money software</div>
    <div style="color: #666; font-size: 14px">Lisbon, Portugal · 500+ connections</div>
    <p style="margin-top: 24px"><b>About</b><br>I lead the payments team at Orbit. Before that,
    product at two fintech start-ups. Mentor at a women-in-tech programme.</p>
    </main></div>""",
)


def main() -> None:
    with (
        tempfile.TemporaryDirectory() as scratch,
        sync_playwright() as playwright,
        running_service(Path(scratch)) as service,
    ):
        givefirst("demo", db_path=service.db_path)
        with launch(playwright, Path(scratch) / "chromium", with_extension=True) as context:
            point_at(context, service, service.token)
            serve_pages(context, {URL: PROFILE})
            tab = context.new_page()
            tab.set_viewport_size({"width": 1100, "height": 860})
            tab.goto(URL)
            wait_for_verdict(tab, "give_first")
            target = ROOT / "docs" / "overlay.png"
            target.parent.mkdir(exist_ok=True)
            tab.screenshot(path=str(target))
            print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
