"""What every command shares: the --db option and turning errors into one line on stderr."""

import functools
from pathlib import Path

import click
from sqlite_utils import Database

from givefirst.config import default_db_path
from givefirst.errors import GivefirstError
from givefirst.store.connection import open_db


def db_option(command):
    """--db PATH (or GIVEFIRST_DB); otherwise the database in the user's data directory."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file (default: GIVEFIRST_DB, or givefirst.db in your data directory).",
    )(command)


def database_path(db_path: Path | None) -> Path:
    return db_path or default_db_path()


def open_database(db_path: Path | None) -> Database:
    try:
        return open_db(database_path(db_path))
    except Exception as error:  # a corrupt or unreadable file: say so, in one line
        message = f"cannot open the database {database_path(db_path)}: {error}"
        raise click.ClickException(message) from None


def friendly_errors(command):
    """A GivefirstError becomes `Error: <message>` on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except GivefirstError as error:
            raise click.ClickException(error.message) from None

    return wrapper
