"""Takes docs/overlay.png and docs/overlay-dark.png: the card in the sidebar (light, and dark as
a system in dark mode shows it) beside a LinkedIn-shaped page, and the toolbar badge, with the
synthetic demo people.

Headless Chromium draws no browser frame, so the picture is put together from real parts: the
page as the tab shows it, the card page as the sidebar shows it for that tab (card.html?tab=N),
and the badge's own text and colour as the extension set them for the tab, on a plain toolbar.

Run through scripts/screenshot-overlay
"""

import base64
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.browser import launch, serve_pages  # noqa: E402
from tests.support.extension import (  # noqa: E402
    badge,
    card_for,
    point_at,
    tab_id,
    wait_for_verdict,
    worker,
)
from tests.support.live_service import givefirst, running_service  # noqa: E402
from tests.support.profile_pages import page  # noqa: E402

URL = "https://www.linkedin.com/in/demo-grace-ferrow/"
PROFILE = page(
    "(3) Grace Ferrow | LinkedIn",
    """<div style="font: 15px system-ui, sans-serif; background: #f4f2ee; min-height: 100vh;
    margin: -8px; padding: 24px 48px">
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


WINDOW = """<!doctype html><html><body style="margin:0;font:13px system-ui,sans-serif;background:#dee1e6">
<div style="display:flex;align-items:center;gap:10px;height:40px;padding:0 12px">
  <div style="flex:1;background:#fff;border-radius:16px;padding:6px 14px;color:#3c4043">{url}</div>
  <div style="position:relative;width:24px;height:24px;border-radius:6px;background:#15803d"
       title="givefirst"><span style="position:absolute;right:-8px;bottom:-6px;padding:0 3px;
       border-radius:3px;color:#fff;font:700 9px system-ui;background:{colour}">{badge}</span></div>
</div>
<div style="display:flex"><img src="data:image/png;base64,{page}" style="display:block">
<img src="data:image/png;base64,{card}" style="display:block;border-left:1px solid #c4c7c5"></div>
</body></html>"""
BADGE_COLOUR = """(tabId) => chrome.action.getBadgeBackgroundColor({tabId}).then(
  ([r, g, b]) => `rgb(${r}, ${g}, ${b})`)"""


def png(shot: bytes) -> str:
    return base64.b64encode(shot).decode()


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
            tab.set_viewport_size({"width": 760, "height": 820})
            tab.goto(URL)
            wait_for_verdict(tab, "give_first")
            card = card_for(tab)
            card.set_viewport_size({"width": 360, "height": 820})
            colour = worker(context).evaluate(BADGE_COLOUR, tab_id(tab))
            window = context.new_page()
            window.set_viewport_size({"width": 1121, "height": 860})
            for scheme, name in (("light", "overlay.png"), ("dark", "overlay-dark.png")):
                card.emulate_media(color_scheme=scheme)  # the card follows the system's scheme
                window.set_content(
                    WINDOW.format(
                        url=URL,
                        badge=badge(tab),
                        colour=colour,
                        page=png(tab.screenshot()),
                        card=png(card.screenshot()),
                    )
                )
                target = ROOT / "docs" / name
                target.parent.mkdir(exist_ok=True)
                window.screenshot(path=str(target))
                print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
