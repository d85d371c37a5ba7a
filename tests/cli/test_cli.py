"""The CLI contract: --db everywhere, token on the last line, one-line errors, demo verdicts."""

import socket
import subprocess
import sys

import pytest
from givefirst.app import create_app
from givefirst.cli import main
from givefirst.clock import utcnow
from givefirst.store import tokens
from givefirst.store.connection import open_db

from tests.conftest import NOW


def run(runner, *args):
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_token_new_prints_the_token_alone_on_the_last_line(runner, db_path):
    result = run(runner, "token", "new", "--name", "script")
    assert result.exit_code == 0
    token = result.stdout.strip().splitlines()[-1]
    assert token.startswith("gf_") and " " not in token
    assert tokens.verify(open_db(db_path), token, NOW).name == "script"


def test_a_duplicate_token_name_fails_with_one_line(runner):
    run(runner, "token", "new", "--name", "script")
    result = run(runner, "token", "new", "--name", "script")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == ["Error: a token named 'script' already exists"]


def test_token_list_and_revoke(runner, db_path):
    token = run(runner, "token", "new", "--name", "laptop").stdout.strip().splitlines()[-1]
    assert "laptop\tactive" in run(runner, "token", "list").stdout
    assert run(runner, "token", "revoke", "laptop").exit_code == 0
    assert "revoked" in run(runner, "token", "list").stdout
    assert tokens.verify(open_db(db_path), token, NOW) is None
    missing = run(runner, "token", "revoke", "nope")
    assert missing.exit_code == 1 and "no token named 'nope'" in missing.stderr


def test_db_option_beats_the_environment(runner, tmp_path):
    other = tmp_path / "other.db"
    run(runner, "token", "new", "--name", "x", "--db", str(other))
    assert [t["name"] for t in tokens.listing(open_db(other))] == ["x"]


def test_pair_approve_with_a_wrong_code_fails_clearly(runner):
    result = run(runner, "pair", "approve", "ZZZZ-ZZZZ")
    assert result.exit_code == 1
    assert "no pending pairing has the code ZZZZ-ZZZZ" in result.stderr


def test_pair_approve_and_list(runner, anonymous, clock):
    clock.now = utcnow()  # the CLI judges expiry by the real clock
    started = anonymous.post("/api/v1/pair", json={"client": "chrome"}).json
    assert started["code"] in run(runner, "pair", "list").stdout
    result = run(runner, "pair", "approve", started["code"])
    assert result.exit_code == 0 and "Approved" in result.stdout
    assert (
        anonymous.post("/api/v1/pair/claim", json={"request_id": started["request_id"]}).status_code
        == 200
    )


def test_demo_shows_every_verdict_and_loading_twice_adds_nothing(runner, client, db):
    from givefirst.core.nudge import VERDICTS

    first = run(runner, "demo")
    assert first.exit_code == 0
    rows = [line.split() for line in first.stdout.splitlines() if line.startswith("  ")]
    shown = {row[0]: row[-1] for row in rows}
    assert set(shown) == set(VERDICTS)
    for verdict, url in shown.items():
        body = client.post("/api/v1/context", json={"url": url}).json
        assert body["nudge"]["verdict"] == verdict, (url, body["nudge"])
    people = db["people"].count
    run(runner, "demo")
    assert db["people"].count == people


def test_serve_says_clearly_when_the_port_is_taken(runner):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} is already in use" in result.stderr


def test_a_database_that_is_not_sqlite_is_a_one_line_error(runner, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    result = run(runner, "token", "list", "--db", str(broken))
    assert result.exit_code == 1 and "cannot open the database" in result.stderr


@pytest.mark.parametrize(
    "args", [["--help"], ["token", "--help"], ["pair", "--help"], ["--version"]]
)
def test_help_and_version(runner, args):
    assert run(runner, *args).exit_code == 0


def test_serve_names_commands_that_work_for_this_service(monkeypatch, tmp_path):
    """Hints carry the program as it was started and the --db the service runs on."""
    from givefirst.cli import invocation

    monkeypatch.setattr(sys, "argv", ["/opt/gf/.venv/bin/givefirst"])
    monkeypatch.setattr(invocation.shutil, "which", lambda name: None)
    template = invocation.command_template(tmp_path / "my {db}.db")
    command = template.format("pair approve K7PX-Q2MD")
    assert command.startswith("/opt/gf/.venv/bin/givefirst pair approve K7PX-Q2MD --db ")
    assert command.endswith("'" + str(tmp_path / "my {db}.db") + "'")
    assert invocation.command_template(None).format("demo") == "/opt/gf/.venv/bin/givefirst demo"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["token", "new"], "Error: Missing option '--name'."),
        (["frobnicate"], "Error: No such command 'frobnicate'."),
    ],
)
def test_usage_errors_are_one_line_on_stderr(args, message, db_path):
    result = subprocess.run(
        [sys.executable, "-m", "givefirst", *args, "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_on_a_broken_database_is_one_line(tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "givefirst", "serve", "--port", "1", "--db", str(broken)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: cannot open the database {broken}: file is not a database"
    ]


def test_demo_networker_years_show_each_kind_of_networker(runner, tmp_path):
    from givefirst import demo_networkers

    for kind in demo_networkers.YEARS:
        path = tmp_path / f"{kind}.db"
        result = run(runner, "demo", "--networker", kind, "--db", str(path))
        assert result.exit_code == 0 and kind in result.stdout
        run(runner, "demo", "--networker", kind, "--db", str(path))  # twice adds nothing
        other = create_app({"DATABASE": str(path), "PORT": 7170, "TESTING": True})
        database = open_db(str(path))
        secret = tokens.create(database, "t", utcnow())
        database.close()
        client = other.test_client()
        body = client.get(
            "/api/v1/network",
            base_url="http://127.0.0.1:7170",
            headers={"Authorization": f"Bearer {secret}"},
        ).json
        assert body["kind"] == kind, body["why"]
        assert body["people"] == len(demo_networkers.YEARS[kind])


def test_help_lists_every_command_with_its_short_help(runner):
    from givefirst.cli import COMMANDS

    listed = run(runner, "--help").stdout.split("Commands:")[1].splitlines()
    names = [line.split()[0] for line in listed if line.strip()]
    assert names == sorted(COMMANDS)
    assert all(len(line.split()) > 1 for line in listed if line.strip())


def test_an_import_loads_neither_flask_nor_the_other_commands():
    probe = (
        "import sys; from givefirst.cli import main; main.get_command(None, 'import'); "
        "print(sorted(m for m in ('flask', 'givefirst.cli.serve', 'givefirst.cli.mail') "
        "if m in sys.modules))"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert found.stdout.strip() == "[]", found.stderr
