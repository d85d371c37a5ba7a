"""The dashboard's pages with the demo people: what each shows, and what each form changes."""

import html
import re

import pytest
from givefirst.store import pairing


def text_of(response) -> str:
    return response.get_data(as_text=True)


def test_today_lists_who_to_give_to_with_one_suggestion_each(browser, demo_people):
    page = text_of(browser.get("/"))
    nurture = page.split('data-testid="nurture-list"')[1].split("</ol>")[0]
    assert "Katherine Moss" in nurture  # she waits on you: first in line
    assert nurture.count('class="suggestion"') == nurture.count("<li ")
    assert nurture.index("Katherine Moss") < nurture.index("Linus Carver")


def test_today_shows_who_waits_on_you_your_open_asks_and_dates_this_week(browser, demo_people):
    page = text_of(browser.get("/"))
    waiting = re.findall(r'data-testid="waiting">\s*<a[^>]*>([^<]+)</a>', page)
    asks = re.findall(r'data-testid="open-ask">\s*You asked <a[^>]*>([^<]+)</a>', page)
    assert waiting == ["Katherine Moss"]
    assert sorted(asks) == ["Alan Brightwater", "Margaret Okafor"]
    assert 'data-testid="date"' in page and "birthday" in page  # Ada's, six days from now


def test_closing_an_ask_from_today_marks_it_and_returns_to_today(browser, db, demo_people):
    ask = db.execute("SELECT id FROM interactions WHERE kind = 'they_asked'").fetchone()[0]
    response = browser.post(
        f"/interactions/{ask}/status",
        data={"csrf_token": browser.csrf, "status": "done", "next": "/"},
    )
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert db["interactions"].get(ask)["status"] == "done"
    assert "Nobody is waiting on you." in text_of(browser.get("/"))


def test_closing_an_ask_never_redirects_to_another_site(browser, db, demo_people):
    ask = db.execute(
        "SELECT id FROM interactions WHERE kind = 'asked' AND status = 'open'"
    ).fetchone()[0]
    response = browser.post(
        f"/interactions/{ask}/status",
        data={"csrf_token": browser.csrf, "status": "granted", "next": "//evil.example/"},
    )
    assert response.headers["Location"].startswith("/people/")


@pytest.mark.parametrize("next_page", ["/\n/evil.example", "/\t/evil.example", "/x\r\ny: z"])
def test_a_control_character_in_next_goes_to_the_default_page_after_the_change(
    browser, db, demo_people, next_page
):
    ask = db.execute(
        "SELECT id FROM interactions WHERE kind = 'asked' AND status = 'open'"
    ).fetchone()[0]
    response = browser.post(
        f"/interactions/{ask}/status",
        data={"csrf_token": browser.csrf, "status": "declined", "next": next_page},
    )
    assert response.status_code == 303
    person_id = db["interactions"].get(ask)["person_id"]
    assert response.headers["Location"] == f"/people/{person_id}"
    assert db["interactions"].get(ask)["status"] == "declined"


def test_a_failure_after_a_committed_change_says_the_change_was_saved(
    browser, db, demo_people, monkeypatch
):
    from givefirst.dashboard.pages import today

    ask = db.execute(
        "SELECT id FROM interactions WHERE kind = 'asked' AND status = 'open'"
    ).fetchone()[0]

    def broken(*_args, **_kwargs):
        raise RuntimeError("the answer could not be made")

    monkeypatch.setattr(today, "redirect", broken)
    response = browser.post(
        f"/interactions/{ask}/status", data={"csrf_token": browser.csrf, "status": "declined"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Your change was saved" in page and "Nothing was changed" not in page
    assert db["interactions"].get(ask)["status"] == "declined"


def test_a_failure_before_any_change_says_nothing_was_changed(browser, demo_people, monkeypatch):
    from givefirst.dashboard.pages import today

    def broken(*_args, **_kwargs):
        raise RuntimeError("the page could not be made")

    monkeypatch.setattr(today.overview, "today", broken)
    response = browser.get("/")
    assert response.status_code == 500
    assert "Nothing was changed" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("verdict=give_first", ["Grace Ferrow"]),
        ("verdict=they_are_waiting", ["Katherine Moss"]),
        ("tie=connection", ["Hedy Lindqvist"]),
        ("circle=close&tag=python", ["Ada Quill", "Linus Carver"]),
        ("q=ferrow", ["Grace Ferrow"]),
    ],
)
def test_people_filter_by_search_circle_tag_verdict_and_tie(browser, demo_people, query, expected):
    page = text_of(browser.get(f"/people?{query}"))
    shown = re.findall(r'<td><a href="/people/\d+">([^<]+)</a></td>', page)
    assert shown == expected


def test_people_counts_connections_and_relationships_separately(browser, demo_people):
    page = text_of(browser.get("/people"))
    counts = page.split('data-testid="people-counts"')[1].split("</p>")[0]
    assert re.search(r"<strong>6</strong> relationships", counts)
    assert re.search(r"<strong>1</strong> connection\b", counts)


def test_an_unknown_filter_value_is_a_clear_422(browser):
    response = browser.get("/people?verdict=bestie")
    assert response.status_code == 422
    assert "verdict must be one of" in text_of(response)


def test_a_person_page_carries_the_card_the_timeline_and_the_ledger_chart(browser, demo_people):
    page = text_of(browser.get(f"/people/{demo_people['Grace Ferrow']}"))
    assert '<h1 data-testid="person-name">Grace Ferrow</h1>' in page
    assert '"verdict": "give_first"' in page or '"verdict":"give_first"' in page
    assert page.count('<li class="kind-') == 3
    assert '<path class="balance" d="M' in page
    assert page.count('class="mark mark-take"') == 2  # two asks, no gives


def test_an_unknown_person_is_a_404_page(browser):
    response = browser.get("/people/999")
    assert response.status_code == 404
    assert "there is no person 999" in text_of(response)


def test_logging_an_interaction_on_a_person_page(browser, db, demo_people):
    grace = demo_people["Grace Ferrow"]
    response = browser.post(
        f"/people/{grace}/interactions",
        data={
            "csrf_token": browser.csrf,
            "kind": "gave",
            "summary": "Shared a payments meetup",
            "occurred_at": "2026-06-14",
            "weight": "2",
        },
    )
    assert response.status_code == 303
    assert response.headers["Location"] == f"/people/{grace}#timeline"
    logged = db.execute(
        "SELECT kind, summary, weight, occurred_at, status FROM interactions "
        "WHERE summary = 'Shared a payments meetup'"
    ).fetchone()
    assert logged == ("gave", "Shared a payments meetup", 2, "2026-06-14T00:00:00+00:00", None)
    assert "Shared a payments meetup" in text_of(browser.get(f"/people/{grace}"))


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"kind": "gave"}, "summary is required"),
        ({"kind": "bragged", "summary": "x"}, "kind must be one of"),
        (
            {"kind": "gave", "summary": "x", "weight": "9"},
            "weight must be a whole number from 1 to 3",
        ),
        ({"kind": "gave", "summary": "x", "occurred_at": "yesterday"}, "occurred_at is not a date"),
    ],
)
def test_bad_input_is_a_clear_422_and_writes_nothing(browser, db, demo_people, form, message):
    before = db["interactions"].count
    response = browser.post(
        f"/people/{demo_people['Ada Quill']}/interactions",
        data={"csrf_token": browser.csrf, **form},
    )
    assert response.status_code == 422
    assert message in text_of(response)
    assert db["interactions"].count == before


def test_editing_a_person_and_clearing_a_field(browser, db, demo_people):
    hedy = demo_people["Hedy Lindqvist"]
    browser.post(
        f"/people/{hedy}",
        data={
            "csrf_token": browser.csrf,
            "name": "Hedy Lindqvist",
            "circle": "active",
            "how_met": "",
            "tags": "design, berlin",
            "notes": "Met again at a meetup",
        },
    )
    saved = browser.get(f"/api/v1/people/{hedy}", headers={"X-CSRF-Token": browser.csrf}).json
    assert (saved["circle"], saved["how_met"], saved["tags"]) == (
        "active",
        None,
        ["berlin", "design"],
    )


def test_adding_a_fact_and_linking_a_profile(browser, db, demo_people):
    hedy = demo_people["Hedy Lindqvist"]
    browser.post(
        f"/people/{hedy}/facts",
        data={"csrf_token": browser.csrf, "label": "dog", "value": "a greyhound called Pixel"},
    )
    browser.post(
        f"/people/{hedy}/profiles",
        data={"csrf_token": browser.csrf, "url": "https://github.com/demo-hedy"},
    )
    page = text_of(browser.get(f"/people/{hedy}"))
    assert "a greyhound called Pixel" in page and "gh:demo-hedy" in page


def test_merging_folds_the_other_person_in(browser, db, demo_people):
    ada, grace = demo_people["Ada Quill"], demo_people["Grace Ferrow"]
    response = browser.post(
        f"/people/{ada}/merge", data={"csrf_token": browser.csrf, "other_id": str(grace)}
    )
    assert response.status_code == 303
    assert db["people"].count == 6
    assert (
        db.execute("SELECT count(*) FROM interactions WHERE person_id = ?", [ada]).fetchone()[0]
        == 9
    )


def test_network_health_shows_the_kind_the_chart_and_circle_budgets(browser, demo_people):
    page = text_of(browser.get("/network"))
    assert re.search(r'data-kind="(rarely|only_when_needed|always)"', page)
    assert page.count('class="bar bar-gave"') == 12 and page.count('class="bar bar-asked"') == 12
    assert re.search(r"<strong>6</strong> relationships", page)
    assert "Acquaintance" in page


def test_settings_approves_a_pairing_and_revokes_a_token(browser, db, clock, token):
    started = pairing.request(db, "chrome", None, clock())
    page = text_of(browser.get("/settings"))
    assert started["code"] in page and "javascript:" in page
    browser.post(
        "/settings/pairings",
        data={"csrf_token": browser.csrf, "code": started["code"], "decision": "approve"},
    )
    assert pairing.claim(db, started["request_id"], clock())["status"] == "approved"
    browser.post("/settings/tokens/revoke", data={"csrf_token": browser.csrf, "name": "tests"})
    assert db["tokens"].get(1)["revoked_at"] is not None


def test_settings_shows_which_origin_asks_to_pair(browser, db, clock):
    firefox = "moz-extension://4b1c7e0a-1111-2222-3333-444455556666"
    from_firefox = pairing.request(db, "firefox", firefox, clock())
    from_a_program = pairing.request(db, "script", None, clock())
    page = browser.get("/settings").get_data(as_text=True)
    rows = re.findall(r'data-testid="pairing">(.*?)</form>', page, re.S)
    shown = {code: row for row in rows for code in re.findall(r"[A-Z2-9]{4}-[A-Z2-9]{4}", row)}
    assert firefox in shown[from_firefox["code"]]
    assert "no extension origin" in shown[from_a_program["code"]]


def test_hostile_text_is_escaped_everywhere(browser, person, log):
    hostile = "<img src=x onerror=alert(1)>"
    someone = person(name=hostile, tags=[hostile], how_met=hostile)
    log(someone["id"], "they_asked", summary=hostile)
    for path in ("/", "/people", f"/people/{someone['id']}"):
        page = text_of(browser.get(path))
        assert "<img" not in page, path
        assert "&lt;img src=x onerror=alert(1)&gt;" in page, path


@pytest.fixture
def many_connections(db, demo_people, monkeypatch):
    """More imported connections than the People page checks for a verdict at once, all named to
    sort before the demo people: a filter that looked only at the first ones would miss them."""
    from givefirst.dashboard import overview

    monkeypatch.setattr(overview, "MAX_LISTED", 5)
    stamp = "2026-06-01T00:00:00+00:00"
    db["people"].insert_all(
        {
            "uuid": f"00000000-0000-4000-8000-{n:012d}",
            "name": f"Aaron Connection {n:03d}",
            "circle": "acquaintance",
            "created_at": stamp,
            "updated_at": stamp,
        }
        for n in range(150)
    )
    return demo_people


def names_on(page: str) -> list[str]:
    return re.findall(r'<td><a href="/people/\d+">([^<]+)</a></td>', page)


def test_counts_and_filters_cover_everyone_however_many_connections(browser, many_connections):
    page = text_of(browser.get("/people"))
    counts = page.split('data-testid="people-counts"')[1].split("</p>")[0]
    assert re.search(r"<strong>6</strong> relationships", counts)
    assert re.search(r"<strong>151</strong> connections", counts)
    assert "Page 1 of 2" in page
    relationships = names_on(text_of(browser.get("/people?tie=relationship")))
    assert len(relationships) == 6 and not any(n.startswith("Aaron") for n in relationships)
    assert names_on(text_of(browser.get("/people?verdict=give_first"))) == ["Grace Ferrow"]
    assert names_on(text_of(browser.get("/people?verdict=they_are_waiting"))) == ["Katherine Moss"]
    waiting = text_of(browser.get("/people?verdict=they_are_waiting&tie=relationship"))
    assert names_on(waiting) == ["Katherine Moss"]
    connections = text_of(browser.get("/people?verdict=connection_only&page=2"))
    assert names_on(connections)[-1] == "Hedy Lindqvist" and "Page 2 of 2" in connections


def test_a_verdict_over_more_people_with_interactions_than_checked_says_so(
    browser, db, many_connections
):
    page = text_of(browser.get("/people?verdict=ready"))
    assert "Only the first 5 people with interactions were checked" in page


def test_closing_buttons_name_the_person_and_the_ask(browser, db, demo_people):
    today = html.unescape(text_of(browser.get("/")))
    labels = re.findall(r'<button [^>]*aria-label="([^"]+)">Mark (\w+)</button>', today)
    assert labels and all(label.startswith(f"Mark {status}, ") for label, status in labels)
    names = {label for label, _ in labels}
    assert "Mark done, Katherine Moss's ask: Review my conference talk draft" in names
    assert "Mark granted, your ask of Alan Brightwater: Asked if he'd blurb my article" in names
    margaret = html.unescape(text_of(browser.get(f"/people/{demo_people['Margaret Okafor']}")))
    assert (
        'aria-label="Mark withdrawn, your ask of Margaret Okafor: Asked for an introduction to '
        'her CTO">Mark withdrawn</button>' in margaret
    )


def test_the_merge_form_finds_people_by_name_instead_of_listing_everyone(
    browser, db, many_connections
):
    ada = many_connections["Ada Quill"]
    page = text_of(browser.get(f"/people/{ada}"))
    assert "Aaron Connection" not in page and 'name="other_id"' not in page
    found = text_of(browser.get(f"/people/{ada}?merge_q=aaron+connection"))
    assert found.count('name="other_id"') == 20 and "More people match" in found
    found = text_of(browser.get(f"/people/{ada}?merge_q=grace"))
    options = re.findall(r'<input type="radio" name="other_id" value="(\d+)"', found)
    assert options == [str(many_connections["Grace Ferrow"])]
    assert "Nobody else matches" in text_of(browser.get(f"/people/{ada}?merge_q=ada+quill"))
    response = browser.post(
        f"/people/{ada}/merge", data={"csrf_token": browser.csrf, "other_id": options[0]}
    )
    assert response.status_code == 303 and db["people"].count == 156


def test_logging_a_give_can_mark_what_they_asked_done(browser, db, demo_people):
    katherine = demo_people["Katherine Moss"]
    page = browser.get(f"/people/{katherine}").get_data(as_text=True)
    assert 'data-testid="log-done-asks"' in page and "Review my conference talk draft" in page
    assert "a small favour" in page and "real help" in page and "a big one" in page
    ask = db.execute(
        "SELECT id FROM interactions WHERE kind = 'they_asked' AND person_id = ?", [katherine]
    ).fetchone()[0]
    response = browser.post(
        f"/people/{katherine}/interactions",
        data={
            "csrf_token": browser.csrf,
            "kind": "gave",
            "summary": "Reviewed her talk draft",
            "weight": "2",
            "done": ask,
        },
    )
    assert response.status_code == 303
    assert db["interactions"].get(ask)["status"] == "done"
    after = browser.get(f"/people/{katherine}").get_data(as_text=True)
    assert 'data-testid="log-done-asks"' not in after


def test_only_their_own_asks_can_be_marked_done_and_nothing_is_half_written(
    browser, db, demo_people
):
    katherine, ada = demo_people["Katherine Moss"], demo_people["Ada Quill"]
    ask = db.execute(
        "SELECT id FROM interactions WHERE kind = 'they_asked' AND person_id = ?", [katherine]
    ).fetchone()[0]
    before = db["interactions"].count
    response = browser.post(
        f"/people/{ada}/interactions",
        data={"csrf_token": browser.csrf, "kind": "gave", "summary": "x", "done": ask},
    )
    assert response.status_code == 422
    assert db["interactions"].count == before
    assert db["interactions"].get(ask)["status"] == "open"
