"""`givefirst demo`: synthetic people that show every verdict."""

import click

from givefirst import demo as demo_data
from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.clock import utcnow


@click.command()
@db_option
@friendly_errors
def demo(db_path) -> None:
    """Load synthetic demo people, one for each verdict (loading twice adds nothing)."""
    rows = demo_data.load(open_database(db_path), utcnow())
    click.echo("Demo people (all invented) — open these URLs with the extension, or POST them")
    click.echo("to /api/v1/context:")
    for row in rows:
        click.echo(f"  {row['verdict']:<17} {row['name']:<22} {row['url']}")
