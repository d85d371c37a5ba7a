"""`givefirst import` and `givefirst export`: bringing a network in and taking it out."""

import sys
from pathlib import Path
from typing import TextIO

import click

from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.io import EXPORT_KINDS, IMPORT_KINDS, import_file
from givefirst.io.summary import report


class ProgressBar:
    """A progress bar on stderr while a long import runs; silent when stderr is not a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30):
        self.label, self.width, self.drawn = label, width, False
        self.stream = stream or sys.stderr

    def __call__(self, done: int, total: int) -> None:
        if not self.stream.isatty() or not total:
            return
        filled = self.width * done // total
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done:,}/{total:,}")
        self.stream.flush()
        self.drawn = True

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *error) -> None:
        if self.drawn:
            self.stream.write("\n")


@click.command("import")
@click.argument("kind", type=click.Choice(IMPORT_KINDS))
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--dry-run",
    is_flag=True,
    help="Show who would be created, merged or skipped, and why; write nothing.",
)
@db_option
@friendly_errors
def import_command(kind: str, path: Path, dry_run: bool, db_path) -> None:
    """Import a LinkedIn export (Connections.csv, messages.csv or the whole ZIP), a vCard file,
    a Google Contacts CSV, or a givefirst JSON export. Importing the same file again adds
    nothing; a broken file adds nothing and says which line is wrong."""
    db = open_database(db_path)
    with ProgressBar(f"Importing {path.name}") as bar:
        summary = import_file(db, kind, path, dry_run=dry_run, progress=bar)
    for line in report(summary, every_entry=dry_run):
        click.echo(line)


@click.command("export")
@click.argument("kind", type=click.Choice(EXPORT_KINDS))
@click.argument("path", type=click.Path(path_type=Path))
@db_option
@friendly_errors
def export_command(kind: str, path: Path, db_path) -> None:
    """Export everything: json (one versioned document, which `import json` reads back), csv
    (a folder with one file per table) or vcard (people, vCard 4.0). Files are private (0600)."""
    from givefirst.io.exports import export_file  # the exporters, only when exporting

    click.echo(export_file(open_database(db_path), kind, path))
