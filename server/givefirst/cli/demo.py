"""`givefirst demo`: synthetic people that show every verdict."""

import click

from givefirst import demo as demo_data
from givefirst import demo_networkers
from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.clock import utcnow


@click.command()
@db_option
@click.option(
    "--networker",
    type=click.Choice(list(demo_networkers.YEARS)),
    help="Instead, load a synthetic year of this kind of networker (best in a --db of its own).",
)
@friendly_errors
def demo(db_path, networker) -> None:
    """Load synthetic demo people, one for each verdict and kind of advice (loading twice adds
    nothing)."""
    if networker:
        names = demo_networkers.load(open_database(db_path), networker, utcnow())
        click.echo(f"A year of the {networker} kind of networker: {', '.join(names)}.")
        click.echo("Open Network health in the dashboard (givefirst open) to see why.")
        return
    rows = demo_data.load(open_database(db_path), utcnow(), advice=True)
    click.echo("Demo people (all invented) — open these URLs with the extension, or POST them")
    click.echo("to /api/v1/context:")
    for row in rows:
        click.echo(f"  {row['verdict']:<17} {row['name']:<22} {row['url']}")
