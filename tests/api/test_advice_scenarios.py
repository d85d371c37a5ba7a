"""The README's advice scenarios, through the HTTP API with the demo people."""

import pytest
from givefirst import demo
from givefirst.core.dates import short_day


@pytest.fixture
def demo_loaded(db, clock):
    return {row["name"]: row["url"] for row in demo.load(db, clock(), advice=True)}


def nudge(client, url):
    response = client.post("/api/v1/context", json={"url": url})
    assert response.status_code == 200, response.json
    return response.json["nudge"]


@pytest.mark.parametrize(
    ("name", "verdict", "first", "words"),
    [
        ("Tomas Reyes", "give_first", "return_favour", "Introduced me to my first design client"),
        ("Noor Haddad", "reconnect_first", "reconnect", "Lena, started school last autumn"),
        ("Linus Carver", "reconnect_first", "return_favour", "my first client"),
        ("Margaret Okafor", "ask_pending", "congratulate", "VP Engineering"),
        ("Bruno Keller", "ready", "introduce", "Linus Carver"),
        ("Wen Zhao", "give_first", "follow_up", "Met at the climate-tech meetup last week"),
        ("Alan Brightwater", "give_space", "wait", "nothing new"),
    ],
)
def test_the_readme_examples_hold(client, demo_loaded, name, verdict, first, words):
    found = nudge(client, demo_loaded[name])
    assert found["verdict"] == verdict
    top = found["suggestions"][0]
    assert top["kind"] == first and words in top["text"]
    if verdict == "give_space":
        assert [s["kind"] for s in found["suggestions"]] == ["wait", "give_without_reply"]
    else:
        assert top["draft"].strip() and "[your name]" in top["draft"]
    assert all("draft" not in s for s in found["suggestions"][1:])


def test_linus_is_reminded_of_his_partner_after_the_favour(client, demo_loaded):
    kinds = [s["kind"] for s in nudge(client, demo_loaded["Linus Carver"])["suggestions"]]
    assert kinds[:2] == ["return_favour", "reconnect"]


def test_bruno_is_introduced_across_companies_before_his_colleague(client, demo_loaded):
    intros = [
        s
        for s in nudge(client, demo_loaded["Bruno Keller"])["suggestions"]
        if s["kind"] == "introduce"
    ]
    assert [s["text"].split(" (")[0] for s in intros] == [
        "Introduce Bruno to Linus Carver",
        "Introduce Bruno to Ada Quill",
    ]


def test_the_nurture_list_ranks_what_is_owed_and_new(client, demo_loaded):
    items = client.get("/api/v1/nurture").json["items"]
    reasons = {item["person"]["name"]: item["reason"] for item in items}
    order = [item["person"]["name"] for item in items]
    assert reasons["Katherine Moss"] == "waiting_on_you" and order[0] == "Katherine Moss"
    assert reasons["Tomas Reyes"] == "owe_return"
    assert reasons["Wen Zhao"] == "new_tie"
    assert order.index("Tomas Reyes") < order.index("Wen Zhao") < order.index("Noor Haddad")
    assert "Alan Brightwater" not in reasons
    assert items[0]["suggestion"]["kind"] == "help_their_ask"


def test_a_stranger_page_with_a_recent_hiring_post_gets_advice_from_it(client, clock):
    posted = clock().date().isoformat()
    html = (
        "<title>Rui Costa - Engineering Manager | LinkedIn</title>"
        '<script type="application/ld+json">{"@context": "http://schema.org", "@graph": ['
        '{"@type": "Person", "name": "Rui Costa", "url": "https://www.linkedin.com/in/rui-costa"},'
        '{"@type": "Article", "name": "We\'re hiring two platform engineers in Lisbon",'
        f'"datePublished": "{posted}"}}]}}</script>'
    )
    body = client.post(
        "/api/v1/context", json={"url": "https://www.linkedin.com/in/rui-costa", "html": html}
    ).json
    assert body["person"] is None
    top = body["nudge"]["suggestions"][0]
    assert top["kind"] == "hiring" and short_day(clock().date()) in top["text"]
    assert "We're hiring two platform engineers in Lisbon" in top["draft"]


def test_a_give_nobody_answered_does_not_make_an_ask_fair(client, person, log):
    pid = person("Jo Park", ["https://x.com/jopark"])["id"]
    log(pid, "gave", "sent a useful article")
    assert nudge(client, "https://x.com/jopark")["verdict"] == "give_first"
    check = client.post(
        "/api/v1/ask-check",
        json={"text": "Could you refer me for the staff role?", "url": "https://x.com/jopark"},
    ).json
    assert check["nudge"]["verdict"] == "give_first"
    log(pid, "talked", "she replied and we talked")
    assert nudge(client, "https://x.com/jopark")["verdict"] == "ready"
