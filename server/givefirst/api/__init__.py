"""The localhost API (v1): a blueprint whose routes live in `api/routes/`, one file per area."""

from flask import Blueprint, Flask

api = Blueprint("api", __name__, url_prefix="/api")

# Importing these registers their routes and hooks on the blueprint, once per process.
from givefirst.api import errors, openapi, security  # noqa: E402
from givefirst.api.routes import (  # noqa: E402, F401
    context,
    emails,
    facts,
    health,
    insights,
    interactions,
    pairing,
    people,
    reminders,
)

api.before_request(security.require_token)
__all__ = ["api", "init_app", "openapi"]


def init_app(app: Flask) -> None:
    app.register_blueprint(api)
    errors.init_app(app)
    security.init_app(app)
