"""Mail and calendars on the dashboard: upload an mbox or .ics, your addresses and the synced
sources in Settings, and the meetings coming up on Today."""

import io

from givefirst.store import emails, sources

from tests.conftest import NOW
from tests.io.helpers import fixture


def upload(browser, name: str, kind: str, action="import"):
    data = fixture(name).read_bytes()
    form = {
        "kind": kind,
        "action": action,
        "csrf_token": browser.csrf,
        "file": (io.BytesIO(data), name.rsplit("/", 1)[-1]),
    }
    return browser.post("/transfer/import", data=form, content_type="multipart/form-data")


def test_the_import_page_takes_mbox_and_ics_files(browser):
    page = browser.get("/transfer").get_data(as_text=True)
    assert '<option value="mbox"' in page and '<option value="ics"' in page
    accept = page.split('accept="', 1)[1].split('"', 1)[0].split(",")
    assert {".mbox", ".ics", ".zip", ".vcf", ".json"} <= set(accept)


def test_an_mbox_without_your_address_proposes_the_most_frequent_sender(browser, db):
    page = upload(browser, "mail/mailbox.mbox", "mbox").get_data(as_text=True)
    assert 'data-code="own_address_needed"' in page
    assert 'name="email" value="ada@example.org"' in page and db["people"].count == 0
    answer = browser.post(
        "/settings/me",
        data={"email": "ada@example.org", "next": "transfer", "csrf_token": browser.csrf},
    )
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/transfer#mail")
    assert emails.mine(db) == ["ada@example.org"]
    page = upload(browser, "mail/mailbox.mbox", "mbox").get_data(as_text=True)
    assert "Imported: mailbox.mbox" in page and db["people"].count == 3


def test_a_calendar_import_shows_its_meetings_on_today_with_the_nudge(browser, db, clock):
    emails.add_mine(db, "ada@example.org", NOW)
    assert upload(browser, "calendar/meetings.ics", "ics").status_code == 200
    page = browser.get("/").get_data(as_text=True)
    section = page.split('data-testid="coming-up"', 1)[1]
    assert "Lunch with Bea" in section and "Planning in autumn" not in section
    assert 'data-testid="meeting-person"' in section and "Bea Quinn" in section
    assert "and 1 person you do not know yet" in section
    bea = db.execute("SELECT person_id FROM person_emails WHERE email = 'bea@example.com'")
    person_page = browser.get(f"/people/{bea.fetchone()[0]}").get_data(as_text=True)
    assert 'data-testid="person-emails">Email: bea@example.com<' in person_page


def test_settings_lists_your_addresses_and_sources_without_a_calendar_secret(browser, db):
    emails.add_mine(db, "ada@example.org", NOW)
    source_id = sources.save(
        db, "ics", "https://cal.example.com/private-5ecret/basic.ics", {"every": 30}, NOW
    )
    sources.record_sync(db, source_id, NOW, "the server answered 404")
    page = browser.get("/settings").get_data(as_text=True)
    assert 'data-testid="my-email"' in page and "ada@example.org" in page
    assert "calendar at cal.example.com" in page and "5ecret" not in page
    assert "the server answered 404" in page and "30 min" in page
    gone = browser.post(
        "/settings/me/remove", data={"email": "ada@example.org", "csrf_token": browser.csrf}
    )
    assert gone.status_code == 303 and emails.mine(db) == []


def test_a_bad_address_in_settings_is_refused(browser, db):
    answer = browser.post(
        "/settings/me", data={"email": "not an address", "csrf_token": browser.csrf}
    )
    assert answer.status_code == 422 and emails.mine(db) == []
