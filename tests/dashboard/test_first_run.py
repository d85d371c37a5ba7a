"""A new, empty memory: Today is a first-run page with three ways to start, network health says
there is not enough history, and the demo loads with one click."""

from tests.dashboard.test_pages import text_of


def test_an_empty_memory_gets_the_first_run_page_with_three_ways_to_start(browser):
    page = text_of(browser.get("/"))
    assert "Welcome to givefirst" in page
    assert 'href="/transfer"' in page and 'action="/demo"' in page and 'action="/people"' in page
    assert "networks rarely" not in page


def test_network_health_of_an_empty_memory_says_there_is_not_enough_history(browser):
    page = text_of(browser.get("/network"))
    assert "Not enough history yet" in page and 'data-kind="not_enough"' in page
    assert "You network rarely" not in page


def test_loading_the_demo_from_the_first_run_page_fills_today(browser, db):
    response = browser.post("/demo", data={"csrf_token": browser.csrf})
    assert response.status_code == 303 and response.headers["Location"].endswith("/")
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] >= 7
    page = text_of(browser.get("/"))
    assert "Welcome to givefirst" not in page and "Give to this week" in page


def test_adding_a_person_by_the_form_then_today_is_no_longer_first_run(browser, db):
    response = browser.post(
        "/people",
        data={
            "csrf_token": browser.csrf,
            "name": "Lucía Prado",
            "circle": "close",
            "profiles": "https://github.com/lucia-prado-fixture\n\n",
            "how_met": "A talk",
            "tags": "maps, data",
        },
    )
    assert response.status_code == 303
    (person,) = db.query("SELECT id, name, circle, how_met FROM people")
    assert (person["name"], person["circle"], person["how_met"]) == (
        "Lucía Prado",
        "close",
        "A talk",
    )
    assert response.headers["Location"].endswith(f"/people/{person['id']}")
    assert "Welcome to givefirst" not in text_of(browser.get("/"))


def test_adding_a_person_without_a_name_is_a_clear_error_and_writes_nothing(browser, db):
    response = browser.post("/people", data={"csrf_token": browser.csrf, "name": " "})
    assert response.status_code == 422
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 0
