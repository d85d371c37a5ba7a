"""WCAG 2.2 AA checks with axe-core (the npm package `axe-core`, which scripts/test installs),
run inside a page in light and in dark. axe is evaluated through the DevTools protocol, which a
page's Content-Security-Policy does not govern, so the strict pages are checked as they are."""

import os

import pytest

from tests.support.browser import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = ("light", "dark")
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN = """async (rules) => {
  const found = await axe.run(document, { runOnly: { type: "tag", values: rules } });
  return found.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 5)
      .map((n) => `${n.target.join(" ")} — ${n.failureSummary.replace(/\\s+/g, " ")}`).join("; "));
}"""


def axe_source() -> str:
    if not AXE.exists():
        hint = "scripts/test installs it (npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"axe-core is missing and CI must run the accessibility checks: {hint}")
        pytest.skip(f"axe-core is missing ({hint})")
    return AXE.read_text(encoding="utf-8")


def serious_violations(page, scheme: str, frame=None) -> list[str]:
    """axe's serious and critical WCAG A/AA violations on `page` in `scheme` (light or dark), or
    in one `frame` of it (an extension's chip): the colour scheme is the page's, axe runs there."""
    page.emulate_media(color_scheme=scheme)
    target = frame or page
    target.wait_for_function(
        "(scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches", arg=scheme
    )
    if not target.evaluate("() => typeof axe === 'object'"):
        target.evaluate(axe_source())
    return target.evaluate(RUN, RULES)
