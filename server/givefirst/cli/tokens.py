"""`givefirst token new|list|revoke`."""

import click

from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.clock import utcnow
from givefirst.store import tokens


@click.group()
def token() -> None:
    """API tokens for scripts and extensions."""


@token.command("new")
@click.option("--name", required=True, help="What the token is for, e.g. 'laptop-script'.")
@db_option
@friendly_errors
def new(name: str, db_path) -> None:
    """Create a token; it is printed once, alone on the last line."""
    value = tokens.create(open_database(db_path), name, utcnow())
    click.echo(f"Token {name!r} created. It is shown only now; keep it somewhere safe:", err=True)
    click.echo(value)


@token.command("list")
@db_option
def list_tokens(db_path) -> None:
    """Tokens with when they were made, last used and revoked."""
    rows = tokens.listing(open_database(db_path))
    if not rows:
        click.echo("No tokens yet. Create one with: givefirst token new --name NAME")
    for row in rows:
        state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
        used = row["last_used_at"] or "never"
        origin = f"  origin {row['origin']}" if row["origin"] else ""
        click.echo(f"{row['name']}\t{state}\tcreated {row['created_at']}\tlast used {used}{origin}")


@token.command("revoke")
@click.argument("name")
@db_option
@friendly_errors
def revoke(name: str, db_path) -> None:
    """Revoke a token by name; whoever holds it is refused from now on."""
    tokens.revoke(open_database(db_path), name, utcnow())
    click.echo(f"Token {name!r} revoked.")
