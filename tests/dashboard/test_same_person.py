"""Fewer duplicates on the dashboard: a Person page offers the other profiles their own page links
to, one click each; adding someone whose name is already known asks "Is this the … you know?"."""

from pathlib import Path

from tests.dashboard.test_pages import text_of

FIXTURES = Path(__file__).parents[1] / "sites" / "fixtures"


def seen_with_links(client, url: str) -> None:
    """Their own page read once, as the extension does: it links to their other profiles."""
    html = (FIXTURES / "github" / "user-full.html").read_text(encoding="utf-8")
    assert client.post("/api/v1/context", json={"url": url, "html": html}).status_code == 200


def test_a_person_page_offers_the_profiles_their_own_page_links_to(browser, client, person, db):
    ada = person("Ada Lindqvist", ["https://github.com/octo-ada"])["id"]
    other = person("Someone Else", ["https://www.linkedin.com/in/ada-lindqvist"])["id"]
    seen_with_links(client, "https://github.com/octo-ada")
    page = text_of(browser.get(f"/people/{ada}"))
    assert 'data-testid="suggested-profiles"' in page
    assert 'name="url" value="https://x.com/octo_ada"' in page
    assert f'href="/people/{other}">Someone Else</a>’s' in page  # someone else's: named, no button
    assert 'value="https://www.linkedin.com/in/ada-lindqvist"' not in page
    response = browser.post(
        f"/people/{ada}/profiles",
        data={"csrf_token": browser.csrf, "url": "https://x.com/octo_ada"},
    )
    assert response.status_code == 303
    assert response.headers["Location"] == f"/people/{ada}#profiles"
    owner = db.execute("SELECT person_id FROM profiles WHERE key = 'x:octo_ada'").fetchone()
    assert owner == (ada,)
    assert 'value="https://x.com/octo_ada"' not in text_of(browser.get(f"/people/{ada}"))


def test_a_person_whose_page_links_nowhere_gets_no_offer(browser, person):
    ada = person("Ada Lindqvist", ["https://github.com/octo-ada"])["id"]
    assert 'data-testid="suggested-profiles"' not in text_of(browser.get(f"/people/{ada}"))


def add(browser, **fields):
    return browser.post("/people", data={"csrf_token": browser.csrf, "circle": "wider", **fields})


def test_adding_a_known_name_asks_first_and_yes_links_the_profile_to_them(browser, db, person):
    lucia = person("Lucía Prado", ["https://github.com/lucia-prado"])["id"]
    response = add(
        browser, name="lucía prado", profiles="https://www.linkedin.com/in/lucia-p\n", tags="maps"
    )
    page = text_of(response)
    assert response.status_code == 200 and "Is this the lucía you know?" in page
    assert "github.com/lucia-prado" in page  # what tells them apart
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 1
    yes = browser.post(
        f"/people/{lucia}/same-person",
        data={"csrf_token": browser.csrf, "profile": "https://www.linkedin.com/in/lucia-p"},
    )
    assert yes.status_code == 303 and yes.headers["Location"] == f"/people/{lucia}#profiles"
    keys = {r[0] for r in db.execute("SELECT key FROM profiles WHERE person_id = ?", [lucia])}
    assert keys == {"gh:lucia-prado", "li:lucia-p"}
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 1


def test_no_adds_a_second_person_of_the_same_name_with_everything_typed(browser, db, person):
    person("Lucía Prado", ["https://github.com/lucia-prado"])
    page = text_of(
        add(
            browser,
            name="Lucía Prado",
            how_met="A <b>talk</b>",
            tags="maps, data",
            profiles="https://www.linkedin.com/in/lucia-p",
        )
    )
    assert 'name="anyway" value="1"' in page and "A &lt;b&gt;talk&lt;/b&gt;" in page
    anyway = add(
        browser,
        name="Lucía Prado",
        how_met="A <b>talk</b>",
        tags="maps, data",
        profile="https://www.linkedin.com/in/lucia-p",
        anyway="1",
    )
    assert anyway.status_code == 303
    (made,) = db.query("SELECT id, how_met FROM people WHERE id != 1")
    assert made["how_met"] == "A <b>talk</b>"
    assert anyway.headers["Location"] == f"/people/{made['id']}"
    keys = {r[0] for r in db.execute("SELECT key FROM profiles WHERE person_id = ?", [made["id"]])}
    assert keys == {"li:lucia-p"}


def test_a_profile_someone_else_has_is_never_moved_and_nothing_is_half_linked(browser, db, person):
    lucia = person("Lucía Prado", ["https://github.com/lucia-prado"])["id"]
    person("Ana Prado", ["https://www.linkedin.com/in/ana-prado"])
    response = browser.post(
        f"/people/{lucia}/same-person",
        data={
            "csrf_token": browser.csrf,
            "profile": ["https://x.com/lucia_p", "https://www.linkedin.com/in/ana-prado"],
        },
    )
    assert response.status_code == 409
    assert db.execute("SELECT count(*) FROM profiles WHERE key = 'x:lucia_p'").fetchone()[0] == 0


def test_a_new_name_is_added_at_once(browser, db, person):
    person("Lucía Prado", [])
    response = add(browser, name="Lucía Pradera")
    assert response.status_code == 303
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 2
