"""POST /api/v1/context with real-shaped pages: what changed, strangers, non-persons, suggested
profiles, big pages, and keys the page refines."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.sites.synthetic import filler

FIXTURES = Path(__file__).parents[1] / "sites" / "fixtures"
PRIYA = "https://www.linkedin.com/in/priya-raman/"
TABLES = ("people", "profiles", "profile_snapshots", "interactions", "facts")


def page(case: str) -> str:
    return (FIXTURES / f"{case}.html").read_text(encoding="utf-8")


def promoted(html: str) -> str:
    """The same signed-in page after Priya's promotion and move to another company."""
    return (
        html.replace("Current company: Stripe", "Current company: Plaid")
        .replace(
            '<span aria-hidden="true">Staff Engineer</span>',
            '<span aria-hidden="true">Head of Payments Engineering</span>',
        )
        .replace("Stripe · Full-time", "Plaid · Full-time")
        .replace(
            "Staff Engineer at Stripe | Payments",
            "Head of Payments Engineering at Plaid | Payments",
        )
    )


def context(client, url, html=None, **extra):
    body = {"url": url, **extra} | ({"html": html} if html is not None else {})
    response = client.post("/api/v1/context", json=body)
    assert response.status_code == 200, response.json
    return response.json


def test_a_new_role_seen_on_the_page_comes_back_as_a_change_and_a_congratulation(
    client, person, log, clock
):
    pid = person("Priya Raman", [PRIYA])["id"]
    log(pid, "talked", "coffee in SF", occurred_at=(clock() - timedelta(days=30)).isoformat())
    first = context(client, PRIYA, page("linkedin/member-full"))
    assert first["changes"] == []  # the first look is not news
    assert (first["profile"]["role"], first["profile"]["company"]) == ("Staff Engineer", "Stripe")
    clock.now += timedelta(days=40)
    later = clock()
    second = context(client, PRIYA, promoted(page("linkedin/member-full")))
    fields = {c["field"]: c for c in second["changes"]}
    assert fields["role"] == {
        "field": "role",
        "old": "Staff Engineer",
        "new": "Head of Payments Engineering",
        "seen_at": later.isoformat(),
    }
    assert fields["company"]["old"] == "Stripe" and fields["company"]["new"] == "Plaid"
    assert set(fields) == {"role", "company"}  # the headline's wording is not news of its own
    congratulations = [s for s in second["nudge"]["suggestions"] if s["kind"] == "congratulate"]
    assert congratulations[0]["text"] == (
        "Congratulate Priya on the new role: Head of Payments Engineering at Plaid "
        "(was Staff Engineer at Stripe)."
    )
    assert (
        len(congratulations) == 1
    )  # role, company and headline seen together are one piece of news
    clock.now += timedelta(days=3)
    third = context(client, PRIYA, promoted(page("linkedin/member-full")))
    assert {c["seen_at"] for c in third["changes"]} == {later.isoformat()}  # first seen, kept once


def test_a_change_you_already_gave_for_is_listed_but_not_suggested_again(
    client, person, log, clock
):
    pid = person("Priya Raman", [PRIYA])["id"]
    context(client, PRIYA, page("linkedin/member-full"))
    clock.now += timedelta(days=2)
    context(client, PRIYA, promoted(page("linkedin/member-full")))
    clock.now += timedelta(hours=2)
    log(pid, "gave", "congratulated her on the new role")
    answer = context(client, PRIYA, promoted(page("linkedin/member-full")))
    assert answer["changes"]
    assert not [s for s in answer["nudge"]["suggestions"] if s["kind"] == "congratulate"]


def test_a_field_the_page_no_longer_shows_or_only_recases_is_not_a_change(client, person, clock):
    person("Priya Raman", [PRIYA])
    context(client, PRIYA, page("linkedin/member-full"))
    clock.now += timedelta(days=1)
    recased = page("linkedin/member-full").replace(
        "San Francisco Bay Area", "san francisco  bay area."
    )
    without_experience = recased.replace('id="experience"', 'id="x"').replace(">Experience<", ">X<")
    answer = context(client, PRIYA, without_experience.replace("Current company: Stripe", "x"))
    assert answer["changes"] == []


def test_a_strangers_page_is_read_and_nothing_is_stored(client, db):
    answer = context(client, PRIYA, page("linkedin/member-full"))
    assert answer["person"] is None and answer["suggested_profiles"] == []
    assert answer["profile"]["role"] == "Staff Engineer"
    assert answer["nudge"]["verdict"] == "stranger"
    assert sum(db[t].count for t in TABLES) == 0


@pytest.mark.parametrize(
    ("url", "case"),
    [
        ("https://github.com/acme-compilers", "github/organization"),
        ("https://www.facebook.com/orbitalcoffee", "facebook/page-not-a-person"),
    ],
)
def test_a_page_that_shows_no_person_is_422_not_a_profile(client, db, url, case):
    response = client.post("/api/v1/context", json={"url": url, "html": page(case)})
    assert response.status_code == 422
    assert response.json["error"]["code"] == "not_a_profile"
    assert (
        "organisation" in response.json["error"]["message"]
        or "Page" in response.json["error"]["message"]
    )


def test_suggested_profiles_are_the_pages_other_profiles_not_yet_linked(client, person):
    pid = person("Ada Lindqvist", ["https://github.com/octo-ada", "https://ada.example/"])["id"]
    other = person("Someone Else", ["https://www.linkedin.com/in/ada-lindqvist"])["id"]
    answer = context(client, "https://github.com/octo-ada", page("github/user-full"))
    suggested = {s["key"]: s["belongs_to"] for s in answer["suggested_profiles"]}
    assert suggested == {
        "x:octo_ada": None,
        "acct:ada@hachyderm.io": None,
        "li:ada-lindqvist": {"id": other, "name": "Someone Else"},  # shown, never merged
    }
    linked = client.post(
        f"/api/v1/people/{pid}/profiles", json={"url": "https://twitter.com/octo_ada"}
    )
    assert linked.status_code == 201
    taken = client.post(
        f"/api/v1/people/{pid}/profiles", json={"url": "https://www.linkedin.com/in/ada-lindqvist"}
    )
    assert taken.status_code == 409
    again = context(client, "https://github.com/octo-ada", page("github/user-full"))
    assert "x:octo_ada" not in {s["key"] for s in again["suggested_profiles"]}


def test_recent_posts_on_the_page_become_a_react_suggestion(client, person, log):
    pid = person("Nadia Haddad", ["https://x.com/nadia_codes"])["id"]
    log(pid, "gave", "shared her talk")
    answer = context(client, "https://x.com/nadia_codes", page("x/stale-schema"))
    react = [s for s in answer["nudge"]["suggestions"] if s["kind"] == "react"]
    assert react and "Released v2 of our type-checker" in react[0]["text"]


def test_a_page_just_under_the_body_limit_is_read(client, person):
    person("Priya Raman", [PRIYA])
    base, limit = page("linkedin/member-full"), 4 * 1024 * 1024
    size = limit
    for _ in range(3):  # JSON escaping grows the page: shrink it until the body fits
        html = base.replace("</main>", filler(size - len(base)) + "</main>")
        body = json.dumps({"url": PRIYA, "html": html}).encode()
        size -= len(body) - (limit - 8 * 1024)
    assert limit - 64 * 1024 < len(body) < limit
    response = client.post("/api/v1/context", data=body, content_type="application/json")
    assert response.status_code == 200
    assert response.json["profile"]["name"] == "Priya Raman"


def test_a_known_fediverse_account_is_found_whether_linked_by_its_web_url_or_its_account(
    client, person
):
    url = "https://social.janssen.example/users/rolf"
    pid = person("Rolf Janssen", [url])["id"]
    answer = context(client, url, page("mastodon/custom-domain"))
    assert answer["profile"]["key"] == "acct:rolf@janssen.example"
    assert answer["person"]["id"] == pid
    other = person("Rolf (account)", ["@rolf@janssen.example"])["id"]
    assert context(client, url, page("mastodon/custom-domain"))["person"]["id"] == other
