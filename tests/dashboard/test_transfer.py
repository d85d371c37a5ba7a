"""The Import & export page: previews write nothing, imports write once, exports read back,
and imported asks are accepted or dismissed from the page."""

import csv
import html
import io
import json
import re
import zipfile

import pytest
from givefirst.dashboard.pages.transfer import FORMAT_LABELS
from givefirst.io import IMPORT_KINDS, import_file
from givefirst.store.connection import open_db

from tests.io.helpers import contents, fixture, linkedin_archive, load

CONNECTIONS = fixture("linkedin/Connections.csv").read_bytes()
BROKEN_ROW = b"Bo,Stone,,,,,yesterday\n"  # Connections.csv has 9 lines: this is line 10


def text_of(response) -> str:
    return response.get_data(as_text=True)


def visible_text(response) -> str:
    """The page as a person reads it: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text_of(response))).split())


def upload(
    client,
    data: bytes,
    name="Connections.csv",
    kind="linkedin",
    action="import",
    csrf: str | None = None,
):
    form = {"kind": kind, "action": action, "file": (io.BytesIO(data), name)}
    if csrf is not None:
        form["csrf_token"] = csrf
    return client.post("/transfer/import", data=form, content_type="multipart/form-data")


def headline(response) -> str:
    found = re.search(r'data-testid="summary-headline">([^<]*)<', text_of(response))
    assert found, text_of(response)
    return found.group(1)


def people_count(db) -> int:
    return db["people"].count


def test_the_page_offers_every_import_kind_the_exports_and_the_review_list(browser):
    page = text_of(browser.get("/transfer"))
    assert set(FORMAT_LABELS) == set(IMPORT_KINDS)
    for kind in IMPORT_KINDS:
        assert f'<option value="{kind}"' in page
    for kind in ("json", "vcard", "csv"):
        assert f'href="/transfer/export/{kind}" download' in page
    assert 'aria-current="page">Import &amp; export</a>' in page
    assert "No imported messages are waiting for review." in page


def test_the_page_and_its_downloads_need_the_login(anonymous, db):
    load(db, "linkedin", "linkedin/Connections.csv")
    assert anonymous.get("/transfer").status_code == 401
    for kind in ("json", "vcard", "csv"):
        response = anonymous.get(f"/transfer/export/{kind}")
        assert response.status_code == 401
        assert b"Orla" not in response.data
    refused = upload(anonymous, CONNECTIONS.replace(b"Orla", b"Olga"))
    assert refused.status_code == 403
    assert not list(db.query("SELECT 1 FROM people WHERE name LIKE 'Olga%'"))


@pytest.mark.parametrize("csrf", [None, "", "wrong-token"])
def test_an_import_without_the_csrf_token_is_refused_and_writes_nothing(browser, db, csrf):
    response = upload(browser, CONNECTIONS, csrf=csrf)
    assert response.status_code == 403
    assert b"CSRF token is missing or wrong" in response.data
    assert people_count(db) == 0


def test_a_preview_says_what_would_happen_and_writes_nothing(browser, db):
    before = contents(db)
    response = upload(browser, CONNECTIONS, action="preview", csrf=browser.csrf)
    assert response.status_code == 200
    assert headline(response) == (
        "Dry run, nothing written: Connections.csv: 4 people created, "
        "0 merged, 1 skipped (1 no name)."
    )
    assert 'data-dry-run="true"' in text_of(response)
    assert "Would be created" in text_of(response)
    assert "Orla Venn" in text_of(response)  # entry by entry
    assert contents(db) == before


def test_a_form_without_a_choice_of_button_only_previews(browser, db):
    form = {
        "csrf_token": browser.csrf,
        "kind": "linkedin",
        "file": (io.BytesIO(CONNECTIONS), "Connections.csv"),
    }
    response = browser.post("/transfer/import", data=form, content_type="multipart/form-data")
    assert headline(response).startswith("Dry run, nothing written")
    assert people_count(db) == 0


def test_an_import_writes_and_the_same_file_again_changes_nothing(browser, db):
    first = upload(browser, CONNECTIONS, csrf=browser.csrf)
    assert first.status_code == 200
    assert headline(first) == (
        "Imported: Connections.csv: 4 people created, 0 merged, 1 skipped (1 no name)."
    )
    assert people_count(db) == 4
    after_first = contents(db)
    again = upload(browser, CONNECTIONS, csrf=browser.csrf)
    assert "0 people created, 0 merged, 5 skipped (4 already up to date, 1 no name)" in (
        headline(again)
    )
    assert contents(db) == after_first


def test_a_broken_file_shows_the_file_line_and_reason_and_writes_nothing(browser, db):
    response = upload(browser, CONNECTIONS + BROKEN_ROW, csrf=browser.csrf)
    assert response.status_code == 422
    page = text_of(response)
    assert '<span data-testid="problem-file">Connections.csv</span>' in page
    assert '<span data-testid="problem-line">10</span>' in page
    assert "Connected On &#39;yesterday&#39; is not a date like 15 Mar 2024" in page
    assert "Nothing was written" in page
    assert people_count(db) == 0


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"kind": "linkedin"}, "Choose a file to import."),
        ({"kind": "linkedin", "file": (io.BytesIO(b""), "")}, "Choose a file to import."),
        (
            {"kind": "outlook", "file": (io.BytesIO(CONNECTIONS), "Connections.csv")},
            "kind must be one of linkedin, vcard, google, json",
        ),
        (
            {"kind": "vcard", "file": (io.BytesIO(CONNECTIONS), "Connections.csv")},
            "Connections.csv, line 1: a property outside BEGIN:VCARD",
        ),
    ],
)
def test_no_file_or_the_wrong_kind_is_a_message_on_the_page(browser, db, form, message):
    response = browser.post(
        "/transfer/import",
        data={"csrf_token": browser.csrf, **form},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert message in visible_text(response)
    assert people_count(db) == 0


def test_the_name_the_browser_sends_is_never_a_path(browser, db):
    response = upload(browser, CONNECTIONS, name="../../etc/Connections.csv", csrf=browser.csrf)
    assert headline(response).startswith("Imported: Connections.csv:")


def test_the_file_is_read_from_a_copy_only_its_owner_can_open(browser, monkeypatch):
    seen = {}

    def record(db, kind, path, **options):
        seen["file"], seen["folder"] = (
            path.stat().st_mode & 0o777,
            path.parent.stat().st_mode & 0o777,
        )
        return import_file(db, kind, path, **options)

    monkeypatch.setattr("givefirst.dashboard.pages.transfer.import_file", record)
    upload(browser, CONNECTIONS, csrf=browser.csrf)
    assert seen == {"file": 0o600, "folder": 0o700}


def test_an_import_leaves_no_copy_of_the_file_behind(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    upload(browser, CONNECTIONS, csrf=browser.csrf)
    upload(browser, CONNECTIONS + BROKEN_ROW, csrf=browser.csrf)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("givefirst-")] == []


@pytest.fixture
def imported(browser, db, tmp_path):
    """The LinkedIn archive imported through the page: connections, messages, one ask to review."""
    response = upload(
        browser,
        linkedin_archive(tmp_path).read_bytes(),
        name="Basic_LinkedInDataExport_01-15-2025.zip",
        csrf=browser.csrf,
    )
    assert 'data-testid="summary-reviews">1 sent message read like asks.' in text_of(response)
    return db


def download(browser, kind: str):
    response = browser.get(f"/transfer/export/{kind}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    extension = {"json": "json", "vcard": "vcf", "csv": "zip"}[kind]
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="givefirst-2026-06-15.{extension}"'
    )
    return response


def test_the_json_download_reimports_into_an_empty_database_exactly(browser, imported, tmp_path):
    document = tmp_path / "export.json"
    document.write_bytes(download(browser, "json").data)
    assert json.loads(document.read_text())["format"] == "givefirst"
    empty = open_db(str(tmp_path / "empty.db"))
    load(empty, "json", document)
    assert contents(empty) == contents(imported)
    empty.close()


def test_the_vcard_download_holds_every_person_and_reads_back(browser, imported, tmp_path):
    cards = tmp_path / "people.vcf"
    cards.write_bytes(download(browser, "vcard").data)
    assert cards.read_text().count("BEGIN:VCARD") == imported["people"].count
    empty = open_db(str(tmp_path / "empty.db"))
    load(empty, "vcard", cards)
    names = "SELECT name FROM people ORDER BY name"
    assert list(empty.execute(names)) == list(imported.execute(names))
    empty.close()


def test_notes_typed_in_the_dashboard_go_out_as_vcard_and_come_back_the_same(
    browser, db, demo_people, tmp_path
):
    grace = demo_people["Grace Ferrow"]
    typed = "Leads payments at Orbit.\r\nTwo kids; asks about school.\r\n\r\nMet at a meetup."
    form = {
        "csrf_token": browser.csrf,
        "name": "Grace Ferrow",
        "circle": "close",
        "how_met": "",
        "tags": "",
        "notes": typed,
    }
    assert browser.post(f"/people/{grace}", data=form).status_code == 303
    kept = "Leads payments at Orbit.\nTwo kids; asks about school.\n\nMet at a meetup."
    assert db["people"].get(grace)["notes"] == kept
    cards = tmp_path / "people.vcf"
    cards.write_bytes(download(browser, "vcard").data)
    assert "\r" not in cards.read_bytes().decode().replace("\r\n", "")
    empty = open_db(str(tmp_path / "empty.db"))
    load(empty, "vcard", cards)
    (notes,) = empty.execute("SELECT notes FROM people WHERE name = 'Grace Ferrow'").fetchone()
    assert notes == kept
    empty.close()


def test_the_csv_download_is_a_zip_of_one_file_per_table(browser, imported):
    archive = zipfile.ZipFile(io.BytesIO(download(browser, "csv").data))
    names = archive.namelist()
    assert "givefirst-2026-06-15/people.csv" in names
    assert "givefirst-2026-06-15/ask_reviews.csv" in names
    people = list(csv.DictReader(io.TextIOWrapper(archive.open("givefirst-2026-06-15/people.csv"))))
    assert sorted(row["name"] for row in people) == sorted(
        row[0] for row in imported.execute("SELECT name FROM people")
    )


@pytest.mark.parametrize("fetch_site", ["same-site", "cross-site"])
def test_a_download_asked_for_by_another_site_is_refused(browser, imported, fetch_site):
    response = browser.get("/transfer/export/json", headers={"Sec-Fetch-Site": fetch_site})
    assert response.status_code == 403
    assert b"Orla" not in response.data


def test_an_unknown_export_kind_is_not_found(browser):
    assert browser.get("/transfer/export/xlsx").status_code == 404


def pending_review(db) -> dict:
    return next(db.query("SELECT * FROM ask_reviews WHERE status = 'pending'"))


def test_an_imported_ask_is_listed_and_accepted_with_its_status(browser, imported):
    review = pending_review(imported)
    page = text_of(browser.get("/transfer"))
    listed = page.split('id="reviews"')[1]
    assert 'data-testid="review"' in listed and "could you refer me" in listed
    response = browser.post(
        f"/transfer/reviews/{review['id']}",
        data={"csrf_token": browser.csrf, "decision": "accept", "status": "granted"},
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/transfer#reviews"
    asked = imported["interactions"].get(review["id"])
    assert (asked["kind"], asked["status"]) == ("asked", "granted")
    assert asked["occurred_at"] == review["sent_at"]
    assert "No imported messages are waiting for review." in text_of(browser.get("/transfer"))


def test_an_imported_ask_is_dismissed_and_stays_out_of_the_ledger(browser, imported):
    review = pending_review(imported)
    asks = "SELECT count(*) FROM interactions WHERE kind = 'asked'"
    before = imported.execute(asks).fetchone()[0]
    browser.post(
        f"/transfer/reviews/{review['id']}",
        data={"csrf_token": browser.csrf, "decision": "dismiss"},
    )
    assert imported["ask_reviews"].get(review["id"])["status"] == "dismissed"
    assert imported.execute(asks).fetchone()[0] == before


@pytest.mark.parametrize(
    ("form", "status"),
    [
        ({"decision": "accept", "status": "maybe"}, 422),
        ({"decision": "shrug"}, 422),
        ({"decision": "accept", "status": "open", "csrf_token": "wrong"}, 403),
    ],
)
def test_a_review_decision_that_is_not_valid_changes_nothing(browser, imported, form, status):
    review = pending_review(imported)
    response = browser.post(
        f"/transfer/reviews/{review['id']}", data={"csrf_token": browser.csrf, **form}
    )
    assert response.status_code == status
    assert imported["ask_reviews"].get(review["id"])["status"] == "pending"


def test_a_review_decided_twice_says_so(browser, imported):
    review = pending_review(imported)
    form = {"csrf_token": browser.csrf, "decision": "dismiss"}
    browser.post(f"/transfer/reviews/{review['id']}", data=form)
    again = browser.post(f"/transfer/reviews/{review['id']}", data=form)
    assert again.status_code == 409
    assert "already dismissed" in text_of(again)
