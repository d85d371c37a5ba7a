"""The chain app → client → runner, a token, a fixed clock, and small action helpers."""

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from givefirst.app import create_app
from givefirst.store import tokens
from givefirst.store.connection import open_db

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
PORT = 7170


class LocalClient(FlaskClient):
    """Requests arrive as they would from the extension: Host 127.0.0.1:<port>."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("base_url", f"http://127.0.0.1:{PORT}")
        return super().open(*args, **kwargs)


class Clock:
    """A clock that stands still until a test moves it."""

    def __init__(self, now: datetime = NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "givefirst.db"


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def app(db_path, clock):
    app = create_app({"DATABASE": str(db_path), "PORT": PORT, "CLOCK": clock, "TESTING": True})
    app.test_client_class = LocalClient
    return app


@pytest.fixture
def db(app):
    database = open_db(app.config["DATABASE"])
    yield database
    database.close()


@pytest.fixture
def token(db, clock):
    return tokens.create(db, "tests", clock())


@pytest.fixture
def anonymous(app):
    return app.test_client()


@pytest.fixture
def client(app, token):
    """A client that sends the token on every request."""
    test_client = app.test_client()
    test_client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return test_client


@pytest.fixture
def runner(db_path):
    """The CLI, pointed at the test database through GIVEFIRST_DB."""
    cli_runner = CliRunner(env={"GIVEFIRST_DB": str(db_path)})
    return cli_runner


@pytest.fixture
def person(client):
    """Create a person from keyword fields and return their JSON."""

    def make(name="Jane Doe", profiles=("https://www.linkedin.com/in/jane-doe",), **fields):
        response = client.post(
            "/api/v1/people", json={"name": name, "profiles": list(profiles), **fields}
        )
        assert response.status_code == 201, response.json
        return response.json

    return make


@pytest.fixture
def log(client):
    """Log an interaction for a person id and return its JSON."""

    def make(person_id, kind, summary="something", **fields):
        response = client.post(
            f"/api/v1/people/{person_id}/interactions",
            json={"kind": kind, "summary": summary, **fields},
        )
        assert response.status_code == 201, response.json
        return response.json

    return make
