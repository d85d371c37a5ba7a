"""What every request needs, in the API and the dashboard alike: the database, the clock and
the settings, as the running app holds them."""

from datetime import datetime

from flask import current_app
from sqlite_utils import Database

from givefirst.store.connection import get_db


def db() -> Database:
    return get_db()


def now() -> datetime:
    return current_app.config["CLOCK"]()


def dormancy() -> int:
    return current_app.config["DORMANCY_DAYS"]
