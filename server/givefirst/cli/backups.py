"""`givefirst backup`, `restore` and `merge`: keeping the database safe and in step."""

from pathlib import Path

import click

from givefirst.cli.options import database_path, db_option, friendly_errors, open_database
from givefirst.core.vocabulary import plural
from givefirst.io import backup as backups
from givefirst.io.reconcile import merge_database
from givefirst.io.summary import report


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@friendly_errors
def backup(path: Path, db_path) -> None:
    """Copy the database to PATH while the service keeps running; the copy is checked with
    SQLite's integrity check and readable by you only."""
    open_database(db_path).close()  # a missing or broken database fails here, in one line
    backups.backup(database_path(db_path), path)
    click.echo(f"Backed up to {path} (integrity checked; readable by you only).")


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@friendly_errors
def restore(path: Path, db_path) -> None:
    """Replace the database with the backup at PATH, after checking it; the current database
    is saved beside it first. Tokens and dashboard sessions stay as they are now: the backup
    never brings back a revoked token or a logged-out session."""
    done = backups.restore(database_path(db_path), path)
    click.echo(f"Restored from {path}.")
    if done.saved:
        click.echo(f"The database as it was before is saved as {done.saved}.")
        click.echo(
            f"Access stays as it was: {plural(done.tokens, 'API token')} and "
            f"{plural(done.sessions, 'dashboard session')} still work; tokens revoked and "
            "sessions ended since the backup stay so, and the backup's own were not brought back."
        )
    else:
        click.echo(
            f"Revoked the backup's {plural(done.revoked, 'API token')} and ended its "
            f"{plural(done.ended, 'dashboard session')}: pair the extension again "
            "(or run `givefirst token new`), and log in with `givefirst open`."
        )


@click.command()
@click.argument("other_db", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@db_option
@friendly_errors
def merge(other_db: Path, dry_run: bool, db_path) -> None:
    """Bring in another computer's database: people matched by profile keys and emails,
    interactions and facts by their ids. OTHER_DB is only read; merging twice changes nothing."""
    summary = merge_database(open_database(db_path), other_db, dry_run=dry_run)
    for line in report(summary, every_entry=dry_run):
        click.echo(line)
