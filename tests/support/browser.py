"""Driving Debian's Chromium with Playwright: launch flags, the unpacked extension, fixture pages.

Facts this relies on (measured): extensions load headless only with a persistent context and both
--disable-extensions-except and --load-extension; `context.route` can serve saved pages at their
real URLs, page CSP included; Playwright must never download a browser of its own.
"""

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXTENSION_DIR = ROOT / "extension"
QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    return os.environ.get("GIVEFIRST_CHROMIUM") or shutil.which("chromium")


@contextmanager
def launch(
    playwright, user_data_dir: Path, with_extension: bool = False, **options
) -> Iterator[object]:
    """A fresh persistent Chromium context, optionally with the unpacked extension loaded."""
    args = list(QUIET_FLAGS)
    if with_extension:
        args += [
            f"--disable-extensions-except={EXTENSION_DIR}",
            f"--load-extension={EXTENSION_DIR}",
        ]
    context = playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=chromium_path(),
        headless=True,
        args=args,
        **options,
    )
    try:
        yield context
    finally:
        context.close()


def is_local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")) or not (
        url.startswith(("http://", "https://"))
    )


def serve_pages(
    context, pages: dict[str, str | Callable[[], str]], headers: dict[str, str] | None = None
) -> list[str]:
    """Serve fixture pages at their real URLs; let loopback through; abort all else.

    Returns the list of URLs that were aborted, so a test can assert nothing left this computer.
    """
    aborted: list[str] = []

    def handle(route):
        url = route.request.url
        if is_local(url):
            return route.continue_()
        page = pages.get(url.split("#")[0])
        if page is None:
            aborted.append(url)
            return route.abort()
        body = page() if callable(page) else page
        return route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            headers=headers or {},
            body=body,
        )

    context.route("**/*", handle)
    return aborted
