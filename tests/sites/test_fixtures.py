"""Every site's saved pages: one synthetic page shaped like the real site, and its expected JSON."""

import json
import re
from pathlib import Path

import pytest
from givefirst.extract import NotAProfile, extract
from givefirst.sites import SITES, canonicalise

FIXTURES = Path(__file__).parent / "fixtures"
README = Path(__file__).parents[2] / "README.md"
CASES = sorted(FIXTURES.glob("*/*.html"))
# The issue's minimums: three pages each for these, one for every other site.
AT_LEAST = {"linkedin/member-": 3, "linkedin/public-": 3, "x/": 3, "github/": 3, "web/": 3}


def load(page: Path) -> tuple[str, dict]:
    return page.read_text(encoding="utf-8"), json.loads(page.with_suffix(".json").read_text())


@pytest.mark.parametrize("page", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_each_fixture_page_gives_its_expected_profile(page):
    html, expected = load(page)
    ref = canonicalise(expected["url"])
    if expected.get("not_a_profile"):
        with pytest.raises(NotAProfile):
            extract(ref, html, None, None)
        return
    profile = extract(ref, html, None, None)
    profile["links"] = [link["key"] for link in profile["links"]]
    assert profile == expected["profile"]


def test_every_fixture_has_its_expected_json_and_every_json_its_page():
    pages = {p.with_suffix("") for p in FIXTURES.glob("*/*.html")}
    answers = {p.with_suffix("") for p in FIXTURES.glob("*/*.json")}
    assert pages == answers


def test_every_registered_site_has_fixtures_and_the_issue_minimums_hold():
    for site in SITES:
        assert list((FIXTURES / site.name).glob("*.html")), f"no fixture page for {site.name}"
    names = [f"{p.parent.name}/{p.name}" for p in CASES]
    for prefix, minimum in AT_LEAST.items():
        people = [
            n
            for n in names
            if n.startswith(prefix)
            and not json.loads((FIXTURES / n).with_suffix(".json").read_text()).get("not_a_profile")
        ]
        assert len(people) >= minimum, f"{prefix}: {len(people)} person pages, want {minimum}"


def supported_sites_rows() -> dict[str, list[str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Supported sites", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    cells = [[c.strip() for c in row.strip("|").split("|")] for row in rows]
    return {row[0]: row[1:] for row in cells}


def test_every_registered_site_has_a_readme_row_saying_what_is_extracted():
    rows = supported_sites_rows()
    for site in SITES:
        assert site.label in rows, f"README's supported-sites table has no row for {site.label}"
        assert site.extract is not None, f"{site.name} has no extractor"
        extracted = rows[site.label][-1]
        assert re.search(r"\bname\b", extracted), f"{site.label}: say what is extracted"
