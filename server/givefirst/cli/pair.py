"""`givefirst pair approve|deny|list`: approving an extension that asked to pair."""

import click

from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.clock import utcnow
from givefirst.store import pairing


@click.group()
def pair() -> None:
    """Approve or deny an extension's pairing request."""


@pair.command("approve")
@click.argument("code")
@db_option
@friendly_errors
def approve(code: str, db_path) -> None:
    """Approve the pairing the extension shows with CODE (e.g. K7PX-Q2MD)."""
    found = pairing.approve_or_deny(open_database(db_path), code, approve=True, now=utcnow())
    click.echo(
        f"Approved pairing {found['code']} for {found['client']}; the extension is now paired."
    )


@pair.command("deny")
@click.argument("code")
@db_option
@friendly_errors
def deny(code: str, db_path) -> None:
    """Refuse a pairing request."""
    found = pairing.approve_or_deny(open_database(db_path), code, approve=False, now=utcnow())
    click.echo(f"Denied pairing {found['code']}.")


@pair.command("list")
@db_option
def list_pending(db_path) -> None:
    """Pairing requests waiting for approval."""
    rows = pairing.pending(open_database(db_path), utcnow())
    if not rows:
        click.echo("No pairing requests are waiting.")
    for row in rows:
        click.echo(f"{row['code']}\t{row['client']}\texpires {row['expires_at']}")
