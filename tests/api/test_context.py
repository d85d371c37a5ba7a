"""POST /api/v1/context: whose page is this, and what is our relationship?"""

from datetime import timedelta

import pytest

CONTEXT_KEYS = {
    "profile",
    "person",
    "ledger",
    "history",
    "facts",
    "changes",
    "nudge",
    "suggested_profiles",
    "namesakes",
}


def context(client, url, **extra):
    return client.post("/api/v1/context", json={"url": url, **extra})


def test_a_stranger_gets_the_stranger_nudge_and_nothing_is_stored(client, db):
    html = "<html><head><title>(3) Priya Raman | LinkedIn</title></head><body></body></html>"
    response = context(client, "https://www.linkedin.com/in/priya-raman-1a/?trk=x", html=html)
    assert response.status_code == 200
    body = response.json
    assert set(body) == CONTEXT_KEYS
    assert body["person"] is None
    assert (
        body["profile"]["key"] == "li:priya-raman-1a" and body["profile"]["name"] == "Priya Raman"
    )
    assert body["nudge"]["verdict"] == "stranger"
    assert "Priya Raman is not in your relationship memory." in body["nudge"]["reasons"]
    assert sum(db[t].count for t in ("people", "profiles", "profile_snapshots")) == 0


def test_a_stranger_named_as_someone_you_know_names_them_to_link_instead(client, person):
    lucia = person("Lucía Prado", ["https://github.com/lucia-prado"])["id"]
    person("Lucía Pradoso", ["https://github.com/lucia-pradoso"])
    html = "<html><head><title>LUCÍA PRADO | LinkedIn</title></head><body></body></html>"
    html = html.replace("LUCÍA PRADO", "Lucía prado")
    body = context(client, "https://www.linkedin.com/in/lucia-prado-x", html=html).json
    assert body["person"] is None and body["namesakes"] == [{"id": lucia, "name": "Lucía Prado"}]
    known = context(client, "https://github.com/lucia-prado").json
    assert known["person"]["id"] == lucia and known["namesakes"] == []
    other = "<html><head><title>Ana Prado | LinkedIn</title></head></html>"
    assert context(client, "https://www.linkedin.com/in/ana-p", html=other).json["namesakes"] == []


def test_a_known_person_gets_history_ledger_facts_and_nudge(client, person, log):
    pid = person("Jane Doe", ["https://www.linkedin.com/in/jane-doe"])["id"]
    log(pid, "gave", "intro to a designer", weight=2)
    log(pid, "asked", "feedback on my deck", status="granted")
    client.post(
        f"/api/v1/people/{pid}/facts", json={"label": "son", "value": "Sam — not a daughter"}
    )
    body = context(client, "https://uk.linkedin.com/in/Jane-Doe/details/experience/").json
    assert body["person"]["id"] == pid
    assert sorted(h["kind"] for h in body["history"]) == ["asked", "gave"]
    assert (
        body["ledger"]["gave"] == 1
        and body["ledger"]["asked"] == 1
        and body["ledger"]["balance"] == 1.0
    )
    assert body["facts"][0]["label"] == "son"
    assert body["nudge"]["verdict"] == "ready"
    assert "son: Sam — not a daughter" in body["nudge"]["remember"]


def test_history_is_newest_first(client, person, clock, log):
    pid = person()["id"]
    log(pid, "talked", "older", occurred_at=(clock() - timedelta(days=9)).isoformat())
    log(pid, "gave", "newer", occurred_at=(clock() - timedelta(days=1)).isoformat())
    history = context(client, "https://www.linkedin.com/in/jane-doe").json["history"]
    assert [h["summary"] for h in history] == ["newer", "older"]


def linkedin_page(name: str, headline: str) -> str:
    return f"<title>{name} - {headline} | LinkedIn</title><main><h1>{name}</h1></main>"


def test_a_changed_role_is_returned_and_suggested(client, person, clock, log):
    pid = person("Priya Raman", ["https://www.linkedin.com/in/priya"])["id"]
    log(pid, "gave", "x")
    url = "https://www.linkedin.com/in/priya"
    context(client, url, html=linkedin_page("Priya Raman", "Engineer at Acme"))
    clock.now += timedelta(days=2)
    body = context(client, url, html=linkedin_page("Priya Raman", "CTO at Stripe")).json
    assert {(c["field"], c["old"], c["new"]) for c in body["changes"]} == {
        ("role", "Engineer", "CTO"),
        ("company", "Acme", "Stripe"),
    }  # an edited headline alone is not news: the role and company in it are
    assert all(c["seen_at"] == clock().isoformat() for c in body["changes"])
    assert body["nudge"]["suggestions"][0]["kind"] == "congratulate"


def test_what_the_caller_claims_is_shown_but_never_stored(client, person, db):
    """A bookmarklet popup opened by another site carries whatever that site put in its URL."""
    person("Priya Raman", ["https://www.linkedin.com/in/priya"])
    url = "https://www.linkedin.com/in/priya"
    body = context(client, url, fields={"name": "Priya Raman", "company": "Evil Corp"}).json
    assert body["profile"]["company"] == "Evil Corp"  # shown for this page view only
    stored = db.execute("SELECT company, headline FROM profiles WHERE key = 'li:priya'").fetchone()
    assert stored == (None, None)
    assert db["profile_snapshots"].count == 0


def test_a_page_that_claims_someone_elses_account_never_writes_into_them(client, person, db):
    person("Linus Carver", ["https://mastodon.social/@linus"])
    claim = (
        '<meta property="og:title" content="Linus Carver (@linus@mastodon.social)">'
        '<meta property="profile:username" content="linus@mastodon.social">'
        '<meta property="og:description" content="CFO at Evil Corp">'
    )
    body = context(client, "https://evil.example/about", html=claim).json
    stored = db.execute("SELECT name, headline, last_seen_at FROM profiles").fetchone()
    assert stored == (None, None, None)
    assert body["changes"] == []


def test_the_name_comes_from_open_graph_when_there_is_no_title(client):
    html = '<meta property="og:title" content="Ada Quill (@ada@example.social)">'
    body = context(client, "https://example.social/@ada", html=html).json
    assert body["profile"]["name"] == "Ada Quill"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://www.linkedin.com/feed/", "not_a_profile"),
        ("https://github.com/torvalds/linux", "not_a_profile"),
        ("javascript:alert(1)", "invalid_url"),
        ("data:text/html,hi", "invalid_url"),
        (None, "invalid"),
        (12, "invalid_url"),
    ],
)
def test_pages_that_are_not_profiles_are_422(client, url, code):
    response = context(client, url)
    assert response.status_code == 422
    assert response.json["error"]["code"] == code


@pytest.mark.parametrize("extra", [{"html": 5}, {"title": ["x"]}, {"fields": "name"}])
def test_wrongly_typed_parts_are_422(client, extra):
    assert context(client, "https://x.com/jane", **extra).status_code == 422


def test_hostile_page_text_comes_back_as_plain_data(client):
    html = "<title>&lt;img src=x onerror=alert(1)&gt; | LinkedIn</title>"
    body = context(client, "https://www.linkedin.com/in/hostile", html=html).json
    assert body["profile"]["name"] == "<img src=x onerror=alert(1)>"  # the overlay renders text


def test_garbage_html_never_fails(client):
    for html in ["<<<>>>", "\x00\x01", "<title>" * 10_000, "<div>" * 50_000, "\u202e\u200b"]:
        assert context(client, "https://x.com/jane", html=html).status_code == 200
