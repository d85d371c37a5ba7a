"""Refusals: the session cookie alone never changes anything, and the popup shell holds nothing.

A change needs the session, its CSRF token, the service's own origin, and no cross-site mark
from the browser. The API takes the session only with the X-CSRF-Token header.
"""

import re
from pathlib import Path

import pytest
from givefirst import dashboard
from givefirst.config import CHROME_EXTENSION_ORIGIN

TEMPLATES = Path(dashboard.__file__).parents[1] / "templates"


def interactions_of(db, person_id):
    return db.execute(
        "SELECT count(*) FROM interactions WHERE person_id = ?", [person_id]
    ).fetchone()[0]


@pytest.fixture
def ada(demo_people):
    return demo_people["Ada Quill"]


def log_form(browser, ada, headers=None, **overrides):
    data = {"csrf_token": browser.csrf, "kind": "gave", "summary": "Sent a job lead", **overrides}
    data = {k: v for k, v in data.items() if v is not None}
    return browser.post(f"/people/{ada}/interactions", data=data, headers=headers or {})


def test_a_form_post_with_the_session_and_its_csrf_token_is_accepted(browser, db, ada):
    before = interactions_of(db, ada)
    assert log_form(browser, ada, headers={"Origin": "http://127.0.0.1:7170"}).status_code == 303
    assert interactions_of(db, ada) == before + 1


@pytest.mark.parametrize("token", [None, "", "wrong-token"])
def test_a_form_post_without_the_right_csrf_token_is_refused_and_writes_nothing(
    browser, db, ada, token
):
    before = interactions_of(db, ada)
    response = log_form(browser, ada, csrf_token=token)
    assert response.status_code == 403
    assert b"CSRF token is missing or wrong" in response.data
    assert interactions_of(db, ada) == before


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "http://127.0.0.1:9999"},  # another local port: same site, so the cookie goes
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_a_cross_site_post_is_refused_even_with_cookie_and_token(browser, db, ada, headers):
    before = interactions_of(db, ada)
    assert log_form(browser, ada, headers=headers).status_code == 403
    assert interactions_of(db, ada) == before


def test_a_post_without_a_session_is_refused(anonymous, db, ada):
    before = interactions_of(db, ada)
    response = anonymous.post(f"/people/{ada}/interactions", data={"kind": "gave", "summary": "x"})
    assert response.status_code == 403
    assert interactions_of(db, ada) == before


def test_the_api_takes_a_session_only_with_its_csrf_header(browser, ada):
    assert browser.get("/api/v1/people").status_code == 403
    assert browser.get("/api/v1/people").json["error"]["code"] == "csrf_failed"
    headers = {"X-CSRF-Token": browser.csrf}
    assert browser.get("/api/v1/people", headers=headers).json["total"] == 7
    created = browser.post(
        f"/api/v1/people/{ada}/facts",
        headers=headers,
        json={"label": "tea", "value": "green, no sugar"},
    )
    assert created.status_code == 201


@pytest.mark.parametrize(
    "origin", ["https://www.linkedin.com", "http://localhost:7171", CHROME_EXTENSION_ORIGIN]
)
def test_a_session_call_to_the_api_from_another_origin_is_refused(browser, db, ada, origin):
    response = browser.post(
        f"/api/v1/people/{ada}/interactions",
        headers={"X-CSRF-Token": browser.csrf, "Origin": origin},
        json={"kind": "gave", "summary": "x"},
    )
    assert response.status_code == 403
    assert interactions_of(db, ada) == 6


def test_an_ended_session_calling_the_api_is_told_to_log_in(browser, ada):
    browser.post("/logout", data={"csrf_token": browser.csrf})
    browser.set_cookie("givefirst_session_7170", "stale-secret", domain="127.0.0.1")
    response = browser.get("/api/v1/people", headers={"X-CSRF-Token": browser.csrf})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "login_required"


def test_a_token_still_works_and_is_preferred_over_a_cookie(browser, token):
    response = browser.get("/api/v1/whoami", headers={"Authorization": f"Bearer {token}"})
    assert response.json == {"token_name": "tests"}


def test_the_popup_shell_holds_no_private_data(browser, anonymous, demo_people):
    for visitor in (anonymous, browser):
        page = visitor.get("/popup").get_data(as_text=True)
        assert all(name not in page for name in demo_people)
        assert browser.csrf not in page


def test_pages_send_a_strict_content_security_policy(browser):
    for path in ("/", "/people", "/network", "/transfer", "/settings", "/popup", "/login"):
        policy = browser.get(path).headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy, path
        assert browser.get(path).headers["Cache-Control"] == "no-store", path
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path


def test_templates_have_no_inline_script_or_style_and_never_mark_data_safe():
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text()
        scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", text)
        assert scripts == [], template.name
        assert not re.search(r"\sstyle=|\son[a-z]+=|\|\s*safe", text), template.name
