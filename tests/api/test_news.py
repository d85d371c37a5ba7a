"""News that is news, through the context API: a new role or company, never a reworded page,
an error page or the other LinkedIn page of the same unchanged profile."""

from datetime import timedelta

from tests.api.test_context_pages import PRIYA, context, page, promoted


def congratulations(body):
    return [s for s in body["nudge"]["suggestions"] if s["kind"] == "congratulate"]


def test_the_public_and_signed_in_pages_of_an_unchanged_profile_are_no_news(
    client, person, log, clock, db
):
    pid = person("Priya Raman", [PRIYA])["id"]
    log(pid, "talked", "coffee", occurred_at=(clock() - timedelta(days=20)).isoformat())
    for case in ("member-full", "public-same-as-member", "member-full", "public-same-as-member"):
        clock.now += timedelta(days=2)
        body = context(client, PRIYA, page(f"linkedin/{case}"))
        assert body["changes"] == [], case
        assert congratulations(body) == []
    assert db["profile_snapshots"].count == 0


def test_a_not_found_page_at_the_profile_address_changes_nothing(client, person, log, clock, db):
    pid = person("Priya Raman", [PRIYA])["id"]
    log(pid, "talked", "coffee", occurred_at=(clock() - timedelta(days=20)).isoformat())
    context(client, PRIYA, page("linkedin/member-full"))
    for case in ("not-found", "login-wall", "profile-unavailable"):
        clock.now += timedelta(days=1)
        body = context(client, PRIYA, page(f"linkedin/{case}"), title="This page doesn't exist")
        assert body["profile"]["name"] is None and body["profile"]["headline"] is None
        assert body["person"]["name"] == "Priya Raman" and body["changes"] == []
    clock.now += timedelta(days=1)
    back = context(client, PRIYA, page("linkedin/member-full"))
    assert back["changes"] == [] and congratulations(back) == []
    stored = db.execute("SELECT headline FROM profiles WHERE key = 'li:priya-raman'").fetchone()
    assert stored[0].startswith("Staff Engineer at Stripe")


def test_one_congratulation_per_change_the_newest(client, person, log, clock):
    pid = person("Priya Raman", [PRIYA])["id"]
    log(pid, "talked", "coffee", occurred_at=(clock() - timedelta(days=20)).isoformat())
    context(client, PRIYA, page("linkedin/member-full"))
    clock.now += timedelta(days=30)
    context(client, PRIYA, promoted(page("linkedin/member-full")))
    clock.now += timedelta(days=30)
    again = promoted(page("linkedin/member-full")).replace(
        "Head of Payments Engineering", "VP Engineering"
    )
    body = context(client, PRIYA, again)
    found = congratulations(body)
    assert len(found) == 1 and "VP Engineering" in found[0]["text"]
    assert body["nudge"]["suggestions"][0]["kind"] == "congratulate"
    assert "VP Engineering" in body["nudge"]["suggestions"][0]["draft"]
