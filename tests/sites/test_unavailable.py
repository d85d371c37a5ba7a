"""Pages at a profile's address that do not show the profile are recognised by each site."""

import json
from pathlib import Path

import pytest
from givefirst.extract import read
from givefirst.sites import SITES, canonicalise

FIXTURES = Path(__file__).parent / "fixtures"
NOT_THE_PROFILE = ("not-found", "login-wall", "profile-unavailable")


def expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


# A page that is not a person's at all (an organisation) is refused before this question.
PAGES = [p for p in sorted(FIXTURES.glob("*/*.html")) if not expected(p).get("not_a_profile")]


def reading(page: Path):
    return read(canonicalise(expected(page)["url"]), page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_only_pages_that_are_not_the_profile_are_recognised_as_such(page):
    found = reading(page)
    assert found.unavailable is (page.stem in NOT_THE_PROFILE)
    if found.unavailable:
        assert (found.fields, found.links, found.activity) == ({}, [], [])


def test_every_site_has_a_not_found_and_a_login_wall_fixture():
    for site in SITES:
        for case in ("not-found", "login-wall"):
            assert (FIXTURES / site.name / f"{case}.html").exists(), f"{site.name}/{case}"


@pytest.mark.parametrize(
    ("url", "html"),
    [
        (
            "https://x.com/signin_fan",
            "<title>Sam (@signin_fan) / X</title><div data-testid='UserDescription'>How to sign in "
            "to anything: a thread. Page not found? Log in again.</div>",
        ),
        (
            "https://jamie.example/about",
            "<title>Jamie Tanaka</title><h1>Jamie Tanaka</h1><aside><h2>Log in</h2></aside>",
        ),
        (
            "https://github.com/login-helper",
            "<title>login-helper (Lee Park) · GitHub</title><h1>Lee Park</h1>",
        ),
        (
            "https://www.linkedin.com/in/error-prone",
            "<title>Eve Error - Site Reliability Engineer | LinkedIn</title>",
        ),
        (
            "https://jamie.example/",
            "<title>Jamie Tanaka</title><h1>500 days of sketching</h1>"
            "<div class='h-card'><span class='p-name'>Jamie Tanaka</span></div>",
        ),
    ],
)
def test_a_profile_that_mentions_such_words_is_still_read(url, html):
    found = read(canonicalise(url), html)
    assert not found.unavailable and found.fields.get("name")
