"""The card's lookups: through indexes, never a scan whose size grows with the network."""

import sqlite3

import pytest
from givefirst.store import facts, interactions, introductions, people, reminders, summaries
from givefirst.store.connection import write

from tests.store.plans import plan, scans

HOT_QUERIES = {
    "profile by key": ("SELECT * FROM profiles WHERE key = ?", ["li:jane-doe"]),
    "person": ("SELECT * FROM people WHERE id = ?", [1]),
    "a person with their profiles, tags, emails and clock": (people.ONE_PERSON, [1]),
    "history": (
        f"SELECT {interactions.COLUMNS} FROM interactions WHERE person_id = ? "
        "ORDER BY occurred_at DESC, created_at DESC",
        [1],
    ),
    "facts": ("SELECT * FROM facts WHERE person_id = ?", [1]),
    # Today's and the reminders' lists: open asks, dates coming up, a person's last two-way.
    "open asks": (
        "SELECT i.id, p.name FROM interactions i JOIN people p ON p.id = i.person_id "
        "WHERE i.kind = ? AND i.status = 'open' ORDER BY i.occurred_at",
        ["they_asked"],
    ),
    "dates coming up": (
        f"SELECT {facts.COLUMNS} FROM facts WHERE date IS NOT NULL AND substr(date, -5) IN (?, ?)",
        ["06-15", "06-16"],
    ),
    "last two-way": (f"SELECT {reminders.LAST_TWO_WAY} FROM people p WHERE p.id = ?", [1]),
    # The card's part of a history beside the summary (interactions.recent_core).
    "the nth newest": (interactions.NTH_NEWEST, [1, 29]),
    "history since": (interactions.part_of_history("occurred_at >= ?"), [1, "2026-01-01"]),
    "a person's open asks": (interactions.part_of_history(interactions.OPEN_ASKS_OF), [1]),
    "history at moments": (interactions.part_of_history("occurred_at IN (?, ?)"), [1, "a", "b"]),
    "the recent parts together": (
        interactions.recent_parts(2),
        interactions.recent_params(1, "2026-01-01", ["a", "b"]),
    ),
    # People by verdict: each listed person's summary and unanswered streak.
    "verdicts": (summaries.VERDICT_READ, ["[1, 2]"]),
    # Introductions: the person's own tags and employers, in one statement.
    "own tags and employers": (introductions.OWN_VALUES, {"me": 1, "small": 300}),
}


@pytest.mark.parametrize("name", HOT_QUERIES)
def test_each_hot_query_reads_through_an_index(db, name):
    sql, params = HOT_QUERIES[name]
    steps = plan(db, sql, params)
    assert steps, "EXPLAIN QUERY PLAN said nothing"
    assert scans(steps, ctes=("json_each",)) == [], f"{name} scans a table: {steps}"


INTRODUCTION_PARAMS = {
    "me": 1,
    "value": "x",
    "tags": "[]",
    "employers": "[]",
    "need": 3,
    "ids": "[]",
}


@pytest.mark.parametrize("group", introductions.GROUPS, ids=lambda g: f"{g.kind}-{g.same_company}")
def test_introductions_read_through_indexes(db, group):
    """Each way of reading a tag's or an employer's people goes through an index: read whole by
    the tag or the employer, walked busiest first, or those without interactions by name."""
    member_index = "person_tags_tag_nocase" if group.kind == "tag" else "profiles_employer_person"
    expected = {
        "read whole": (introductions.read_whole(group.kind), member_index),
        "accepted": (introductions.accepted(group.accept), "people_id_name"),
        "busiest first": (
            introductions.busiest_first(group.kind, group.accept),
            "person_summaries_interactions",
        ),
        "untouched": (introductions.untouched_by_name(group.kind, group.accept), "people_name"),
    }
    for name, (query, index) in expected.items():
        steps = plan(db, query, INTRODUCTION_PARAMS)
        assert any(index in step for step in steps), (name, steps)
        assert scans(steps, ctes=("m", "json_each")) == [], (name, steps)


@pytest.mark.parametrize("group", introductions.GROUPS, ids=lambda g: f"{g.kind}-{g.same_company}")
def test_introductions_look_each_person_up_in_narrow_indexes(db, group):
    """Each person who shares a tag or an employer is looked up (their count of interactions,
    their name, their employers, their tags) in an index that holds the answer, never in their
    wide row: these lookups run hundreds of times for a tag shared by hundreds."""
    for query in (
        introductions.read_whole(group.kind),
        introductions.accepted(group.accept),
        introductions.busiest_first(group.kind, group.accept),
        introductions.untouched_by_name(group.kind, group.accept),
    ):
        steps = plan(db, query, INTRODUCTION_PARAMS)
        lookups = [step for step in steps if step.startswith("SEARCH")]
        assert lookups, (query, steps)
        assert all("COVERING INDEX" in step for step in lookups), (query, steps)


def test_a_person_in_one_statement_reads_as_the_lists_show_them(client, db):
    """The card reads one person in one statement (people.get); the lists read many at once
    (people.as_json): both show the same person, with the same order of every list."""
    answer = client.post(
        "/api/v1/people",
        json={
            "name": "Ada Lovelace",
            "profiles": [
                "https://www.linkedin.com/in/ada-l",
                "https://github.com/ada",
                "https://x.com/ada",
            ],
            "tags": ["zeta", "Alpha", "beta", "Émile", "alpha2"],
            "emails": ["b@example.org", "A@example.org", "c@example.com"],
            "cadence_days": 45,
        },
    )
    assert answer.status_code == 201, answer.json
    ada = answer.json["id"]
    bo = make(client, "Bo Tran")
    for pid in (ada, bo):
        one = people.get(db, pid)
        assert one == people.as_json(db, [people.row(db, pid)])[0]
        assert list(one) == list(people.as_json(db, [people.row(db, pid)])[0])
    assert people.get(db, ada)["cadence_days"] == 45
    assert len(people.get(db, ada)["profiles"]) == 3


def test_plans_name_a_scan_when_there_is_one(db):
    """The check above can fail: a LIKE with a leading wildcard scans people."""
    assert scans(plan(db, "SELECT id FROM people WHERE notes LIKE ?", ["%x%"]))


def make(client, name, tags=()):
    slug = name.lower().replace(" ", "-")
    answer = client.post(
        "/api/v1/people",
        json={
            "name": name,
            "profiles": [f"https://www.linkedin.com/in/{slug}"],
            "tags": list(tags),
        },
    )
    assert answer.status_code == 201, answer.json
    return answer.json["id"]


def test_introductions_match_tags_without_case_and_employers_without_legal_forms(client, db):
    ada = make(client, "Ada Lovelace", tags=["Climbing"])
    bo = make(client, "Bo Tran", tags=["climbing"])
    cy = make(client, "Cy Park", tags=["chess"])
    with write(db):
        db.execute("UPDATE profiles SET company = 'Helio Grid GmbH' WHERE person_id = ?", [ada])
        db.execute("UPDATE profiles SET company = 'helio grid' WHERE person_id = ?", [cy])
    found = {r["person_id"]: r for r in introductions.introductions(db, ada, limit=10)}
    assert set(found) == {bo, cy}
    assert found[bo]["shared"] == "tag" and not found[bo]["same_company"]
    assert found[cy]["shared"] == "company" and found[cy]["same_company"]
    with write(db):
        db.execute("UPDATE profiles SET company = 'Elsewhere Ltd' WHERE person_id = ?", [cy])
    assert {r["person_id"] for r in introductions.introductions(db, ada, limit=10)} == {bo}


def test_relationships_come_before_strangers_and_the_busiest_first(client, db, log):
    me = make(client, "Ada Lovelace", tags=["go"])
    quiet = make(client, "Aaron Quiet", tags=["GO"])
    busy = make(client, "Zed Busy", tags=["go"])
    busier = make(client, "Yan Busier", tags=["Go"])
    log(busy, "talked")
    for _ in range(3):
        log(busier, "gave")
    ranked = [r["person_id"] for r in introductions.introductions(db, me, limit=3)]
    assert ranked == [busier, busy, quiet]


def test_the_employer_key_follows_every_write_of_a_company(db, db_path, client):
    pid = make(client, "Ada Lovelace")
    key = people.get(db, pid)["profiles"][0]["key"]
    employer = "SELECT employer_key FROM profiles WHERE key = ?"
    assert db.execute(employer, [key]).fetchone()[0] is None
    with write(db):
        db.execute("UPDATE profiles SET company = 'The Quill Works, Inc.' WHERE key = ?", [key])
    assert db.execute(employer, [key]).fetchone()[0] == "quill works"
    # Another program (the sqlite3 shell) can still write a company; our next write keys it.
    with sqlite3.connect(db_path) as other:
        other.execute("UPDATE profiles SET company = 'Helio Grid GmbH' WHERE key = ?", [key])
    other.close()
    assert db.execute(employer, [key]).fetchone()[0] is None
    with write(db):
        pass
    assert db.execute(employer, [key]).fetchone()[0] == "helio grid"
    with write(db):
        db.execute("UPDATE profiles SET company = NULL WHERE key = ?", [key])
    assert db.execute(employer, [key]).fetchone()[0] is None


def test_filling_employer_keys_reads_only_the_stale_ones(db):
    steps = plan(
        db,
        "UPDATE profiles INDEXED BY profiles_employer_stale SET employer_key = "
        "company_key(company) WHERE employer_key IS NULL AND company IS NOT NULL",
        [],
    )
    assert any("profiles_employer_stale" in step for step in steps)
