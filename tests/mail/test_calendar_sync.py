"""givefirst sync ics URL: a calendar's iCal address, served by a local HTTP server."""

import http.server
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from givefirst.cli import main
from givefirst.io import sync
from givefirst.io.reading import ImportProblem
from givefirst.store import emails, sources
from givefirst.store.connection import open_db

from tests.conftest import NOW
from tests.io.helpers import fixture, person_named

SECRET_PATH = "/calendar/ical/ada%40example.org/private-5ecret/basic.ics"


@pytest.fixture
def calendar_server():
    """Serves the fixture calendar at a secret-looking path; anything else is a 404."""
    body = fixture("calendar/meetings.ics").read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            if self.path != SECRET_PATH:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_calendar_address_is_fetched_and_imported(db, calendar_server):
    emails.add_mine(db, "ada@example.org", NOW)
    summary = sync.sync_calendar(db, calendar_server + SECRET_PATH, dry_run=False, now=NOW)
    assert summary.count("conversation", "created") > 0
    assert person_named(db, "Ivy Chen")["how_met"] == "Met at “Coffee with Bea” on 4 May 2026"
    assert [m["title"] for m in sources.meetings_between(db, NOW, NOW + timedelta(days=7))] == [
        "Lunch with Bea",
        "Intro call with Bea and Quinn",
    ]


def test_the_secret_address_stays_out_of_the_summary(db, calendar_server):
    emails.add_mine(db, "ada@example.org", NOW)
    summary = sync.sync_calendar(db, calendar_server + SECRET_PATH, dry_run=True, now=NOW)
    assert summary.source == "calendar at 127.0.0.1" and "5ecret" not in str(summary.as_json())


def test_a_missing_calendar_is_a_clear_error(db, calendar_server):
    emails.add_mine(db, "ada@example.org", NOW)
    with pytest.raises(ImportProblem, match="the server answered 404"):
        sync.sync_calendar(db, calendar_server + "/nothing.ics", dry_run=False, now=NOW)


def test_only_web_addresses_are_fetched():
    with pytest.raises(ImportProblem, match="must start with https://"):
        sync.checked_url("file:///etc/passwd")
    assert sync.checked_url("webcal://cal.example.com/x.ics") == "https://cal.example.com/x.ics"


def test_the_cli_saves_the_calendar_and_serve_syncs_it_when_due(runner, db_path, calendar_server):
    db = open_db(db_path)
    emails.add_mine(db, "ada@example.org", NOW)
    url = calendar_server + SECRET_PATH
    result = runner.invoke(main, ["sync", "ics", url, "--every", "60", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "5ecret" not in result.output
    saved = sources.all_sources(db, "ics")[0]
    assert saved["settings"] == {"every": 60} and saved["last_error"] is None
    assert (
        sync.sync_due(db, db_path, sync.from_db(saved["last_sync_at"]) + timedelta(minutes=5)) == 0
    )
    later = sync.from_db(saved["last_sync_at"]) + timedelta(minutes=61)
    assert sync.sync_due(db, db_path, later) == 1


def test_a_failing_source_keeps_its_error_for_settings(db, calendar_server):
    source_id = sources.save(db, "ics", calendar_server + "/gone.ics", {"every": 5}, NOW)
    sync.sync_due(db, Path("unused.db"), NOW)
    saved = sources.all_sources(db, "ics")[0]
    assert saved["id"] == source_id and "404" in saved["last_error"]
