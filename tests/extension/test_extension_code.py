"""The extension's code agrees with the service and keeps its promises, checked without a browser:
its sites match the service's registry (test_site_registry.py checks them in depth), its manifest
runs on exactly those sites, it never parses data as HTML, and `web-ext lint` finds nothing."""

import json
import os
import re
import shutil
import subprocess

import pytest
from givefirst.core.vocabulary import WEIGHTS
from givefirst.sites import SITES

from tests.support.browser import EXTENSION_DIR, ROOT

WEB_EXT = ROOT / "node_modules" / ".bin" / "web-ext"
UNSAFE = re.compile(
    r"\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function"
)


def needs(tool: str, hint: str) -> None:
    if shutil.which(tool) if "/" not in tool else os.path.exists(tool):
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{tool} is missing and CI must run this test: {hint}")
    pytest.skip(f"{tool} is missing ({hint})")


def in_node(expression: str, *more: str):
    """The JSON value of a JavaScript expression over the content scripts' `GF`, run in Node
    (with `more` scripts, relative to the extension's folder, loaded after them)."""
    needs("node", "scripts/test installs Node.js")
    script = ROOT / "tests" / "support" / "content_scripts.mjs"
    result = subprocess.run(
        ["node", str(script), str(EXTENSION_DIR), expression, *more],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


SITES_JS = """(() => {
  const describe = (site) => ({ name: site.name, hosts: site.hosts });
  return {
    registered: GF.SITES.map(describe),
    surfaces: GF.SURFACES.map((s) => ({ name: s.name, hosts: s.hosts })),
  };
})()"""


@pytest.fixture(scope="module")
def js_sites():
    return in_node(SITES_JS)


def manifest() -> dict:
    return json.loads((EXTENSION_DIR / "manifest.json").read_text())


def test_the_extension_supports_exactly_the_services_sites_with_the_same_hosts(js_sites):
    server = {site.name: set(site.hosts) for site in SITES if site.name != "web"}
    assert {s["name"]: set(s["hosts"]) for s in js_sites["registered"]} == server


def test_content_scripts_run_on_the_registered_sites_and_nowhere_else(js_sites):
    hosts = {host for site in js_sites["registered"] for host in site["hosts"]}
    # A messaging surface on a host of its own (Gmail) is matched on that host only.
    own = {h for s in js_sites["surfaces"] for h in s["hosts"] if h not in hosts}
    (content,) = manifest()["content_scripts"]
    wanted = [f"*://*.{host}/*" for host in hosts] + [f"*://{host}/*" for host in own]
    assert sorted(content["matches"]) == sorted(wanted)
    (frames,) = manifest()["web_accessible_resources"]
    assert sorted(frames["matches"]) == sorted(wanted)
    assert [s["name"] for s in js_sites["surfaces"]] == ["linkedin", "x", "gmail"]
    assert manifest()["host_permissions"] == ["http://127.0.0.1/*", "http://localhost/*"]


def test_no_extension_code_turns_strings_into_html_or_code():
    offenders = [
        f"{path.relative_to(EXTENSION_DIR)}:{number}"
        for path in EXTENSION_DIR.rglob("*.js")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if UNSAFE.search(line)
    ]
    assert offenders == []


# Chromium's side panel needs its permission; Firefox, which shows the same card through
# `sidebar_action`, does not know the name and ignores it. That one warning is expected (at the
# permission's place in the list, which other permissions may move).
def chromium_only() -> list[str]:
    at = manifest()["permissions"].index("sidePanel")
    return [f'MANIFEST_PERMISSIONS: /permissions: Invalid permissions "sidePanel" at {at}.']


def test_web_ext_lint_finds_nothing_but_the_chromium_side_panel_permission():
    needs(str(WEB_EXT), "scripts/test installs it with npm ci")
    result = subprocess.run(
        [
            str(WEB_EXT),
            "lint",
            "--no-config-discovery",
            "--source-dir",
            str(EXTENSION_DIR),
            "--output",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_UPDATE_NOTIFIER": "1"},
    )
    report = json.loads(result.stdout)
    found = [
        f"{m['code']}: {m['message']}"
        for m in report["errors"] + report["warnings"] + report["notices"]
    ]
    assert found == chromium_only()


def test_last_contact_reads_in_words():
    now = "Date.parse('2026-06-15T12:00:00Z')"
    moments = [
        "2026-03-10T09:00:00Z",
        "2026-06-14T11:00:00Z",
        "2026-06-15T11:59:30Z",
        "2024-01-01T00:00:00+02:00",
        "2026-06-01T12:00:00Z",
        "2026-07-01T00:00:00Z",
        None,
    ]
    words = in_node(f"{json.dumps(moments)}.map((m) => GF.timeAgo(m, {now}))")
    assert words == [
        "3 months ago",
        "yesterday",
        "just now",
        "2 years ago",
        "2 weeks ago",
        "upcoming",
        "",
    ]


def test_the_cards_weigh_a_give_in_the_dashboards_words():
    """The extension's card and the popup's card say a weight as the dashboard's log form does."""
    expected = [[value, words] for value, words in WEIGHTS.items()]
    assert in_node("GF.WEIGHTS", "card/actions.js") == expected
    popup_card = str(ROOT / "server" / "givefirst" / "static" / "card.js")
    popup = in_node("window.givefirstCard.WEIGHTS", popup_card)
    assert [[int(value), words] for value, words in popup] == expected


def test_content_scripts_never_touch_extension_storage():
    """The token lives there: web pages' scripts get settings from the background instead (in
    Firefox storage.local cannot be closed to content scripts, so they must simply not look)."""
    (content,) = manifest()["content_scripts"]
    offenders = [
        f"{file}:{number}"
        for file in content["js"]
        for number, line in enumerate((EXTENSION_DIR / file).read_text().splitlines(), 1)
        if re.search(r"\.storage\b", line)
    ]
    assert offenders == []
