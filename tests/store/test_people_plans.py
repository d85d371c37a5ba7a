"""People by verdict reads each listed person's summary alone, and the people in the order of
the names' index, without a sort."""

from givefirst.store import people, summaries

from tests.store.plans import plan, scans


def test_the_verdicts_read_the_summaries_alone(db):
    steps = plan(db, summaries.VERDICT_READ, ["[1, 2]"])
    assert any("SEARCH s USING INTEGER PRIMARY KEY" in step for step in steps), steps
    assert not any("interactions" in step for step in steps), f"a history is read: {steps}"


def statements(db, read) -> list[str]:
    """The statements `read` runs, as SQLite saw them (parameters bound)."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        read()
    finally:
        db.conn.set_trace_callback(None)
    return seen


def test_everyone_with_interactions_comes_in_the_names_order_from_its_index(db):
    listed = statements(db, lambda: summaries.searched(db, 9))
    sql = next(s for s in listed if "ORDER BY" in s)
    steps = plan(db, sql, [])
    assert any("COVERING INDEX people_name" in step for step in steps), steps
    assert any("SEARCH s USING INTEGER PRIMARY KEY" in step for step in steps), steps
    assert scans(steps) == [] and not any("TEMP B-TREE" in step for step in steps), steps


def test_the_counts_of_ties_with_nothing_narrowing_them_are_those_of_everyone(db, client):
    for n in range(3):
        made = client.post("/api/v1/people", json={"name": f"P{n}"}).json
        if n:
            kind = "talked" if n == 1 else "messaged"
            body = {"kind": kind, "summary": "s"}
            client.post(f"/api/v1/people/{made['id']}/interactions", json=body)
    assert people.count_ties(db) == (1, 2)
    assert people.count_ties(db, q="P") == (1, 2)  # the same, counted person by person
    rows, total = summaries.searched(db, limit=1)
    assert ([row[0] for row in rows], total) == ([2], 2)
    for two_way, expected in ((True, [2]), (False, [3])):
        rows, total = summaries.searched(db, 9, two_way=two_way)
        assert ([row[0] for row in rows], total) == (expected, 1)


def test_every_tag_is_read_a_search_a_tag(db, client):
    for n, tags in enumerate((["b", "a"], ["a"], ["c", "b"], [])):
        client.post("/api/v1/people", json={"name": f"T{n}", "tags": tags})
    assert people.all_tags(db) == ["a", "b", "c"]
    steps = plan(db, people.ALL_TAGS, [])
    assert scans(steps, ctes=("tags",)) == [], steps
    assert not any("SCAN person_tags" in step for step in steps), steps
