"""The Flask application factory."""

from typing import Any

from flask import Flask

from givefirst import api, dashboard
from givefirst.clock import utcnow
from givefirst.config import (
    CHROME_EXTENSION_ORIGIN,
    DEFAULT_PORT,
    DORMANCY_DAYS,
    MAX_BODY_BYTES,
    MAX_UPLOAD_BYTES,
    default_db_path,
)
from givefirst.store import connection
from givefirst.store.profiles import SeenLater


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the service; `test_config` overrides settings (DATABASE, PORT, CLOCK, …)."""
    app = Flask(__name__)
    app.config.from_mapping(
        DATABASE=str(default_db_path()),
        PORT=DEFAULT_PORT,
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        MAX_UPLOAD_BYTES=MAX_UPLOAD_BYTES,
        DORMANCY_DAYS=DORMANCY_DAYS,
        CLOCK=utcnow,
        EXTENSION_ORIGINS=(CHROME_EXTENSION_ORIGIN,),
        CLI_COMMAND="givefirst {}",  # how hints name a command; `serve` sets the real one
    )
    if test_config:
        app.config.update(test_config)
    app.json.sort_keys = False  # keep the contract's field order readable
    connection.init_app(app)
    if app.config.get("KEEP_CONNECTIONS"):  # `givefirst serve`: see connection.get_db and SeenLater
        kept = app.extensions[connection.KEPT] = connection.Kept(app.config["DATABASE"])
        app.extensions["givefirst.seen_later"] = SeenLater(app.config["DATABASE"], kept=kept)
    api.init_app(app)
    dashboard.init_app(app)
    return app
