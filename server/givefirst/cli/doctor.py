"""`givefirst doctor`: check the derived data against what it is derived from."""

import click

from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.store import network, reminders, summaries


@click.command()
@click.option("--rebuild", is_flag=True, help="Build every summary again from the histories.")
@db_option
@friendly_errors
def doctor(rebuild: bool, db_path) -> None:
    """Check that each person's summary (what Today, nurture and network health read) and the
    network marks and day counts (what network health reads) match the histories, and each
    person's check-in clock (what Today reads) their cadence and summary; --rebuild
    builds them all again."""
    db = open_database(db_path)
    try:
        if rebuild:
            count = summaries.rebuild(db)
            click.echo(f"summaries: built again for {count:,} people with interactions")
            network.rebuild(db)
            click.echo("network marks and day counts: built again")
            clocks = reminders.rebuild_clocks(db)
            click.echo(f"check-in clocks: built again for {clocks:,} people")
        wrong = summaries.differences(db)
        network_wrong = network.differences(db)
        clocks_wrong = reminders.clock_differences(db)
    finally:
        db.close()
    if wrong:
        shown = ", ".join(str(pid) for pid in wrong[:10]) + (" …" if len(wrong) > 10 else "")
        raise click.ClickException(
            f"{len(wrong):,} people's summaries differ from their histories (ids {shown}); "
            "run `givefirst doctor --rebuild`"
        )
    if network_wrong:
        raise click.ClickException(
            f"{' and '.join(network_wrong)} differ from the histories; "
            "run `givefirst doctor --rebuild`"
        )
    if clocks_wrong:
        raise click.ClickException(
            f"{len(clocks_wrong):,} people's check-in clocks differ from their cadence, circle "
            "and last two-way contact; run `givefirst doctor --rebuild`"
        )
    click.echo("summaries: every one matches the histories")
    click.echo("network marks and day counts: they match the histories")
    click.echo("check-in clocks: they match the cadences and the histories")
