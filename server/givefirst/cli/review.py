"""`givefirst review`: sent messages from an import that read like asks, for you to decide."""

import click

from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.clock import utcnow
from givefirst.core.vocabulary import STATUSES
from givefirst.dashboard.templating import day as human_day
from givefirst.store import reviews


@click.group(invoke_without_command=True)
@db_option
@click.pass_context
def review(context: click.Context, db_path) -> None:
    """List imported messages you sent that read like asks; none is counted as an ask until
    you accept it."""
    if context.invoked_subcommand:
        return
    waiting = reviews.pending(open_database(db_path))
    if not waiting:
        click.echo("No messages are waiting for review.")
    for item in waiting:
        text = item["text"] if len(item["text"]) <= 100 else item["text"][:99] + "…"
        kind = item["ask_kind"] or "ask"
        click.echo(
            f"{item['id'][:8]}  {human_day(item['sent_at'])}  {item['name']} ({kind}): {text}"
        )
    if waiting:
        click.echo(
            "Accept one as an ask: givefirst review accept ID [--status granted]; "
            "or: givefirst review dismiss ID"
        )


@review.command("accept")
@click.argument("review_id")
@click.option(
    "--status",
    type=click.Choice(STATUSES["asked"]),
    default="open",
    show_default=True,
    help="What became of the ask.",
)
@db_option
@friendly_errors
def accept(review_id: str, status: str, db_path) -> None:
    """It was an ask: log it as `asked`, dated when you sent it."""
    asked = reviews.accept(open_database(db_path), review_id, status, utcnow())
    click.echo(f"Logged as an ask ({status}) on {human_day(asked['occurred_at'])}.")


@review.command("dismiss")
@click.argument("review_id")
@db_option
@friendly_errors
def dismiss(review_id: str, db_path) -> None:
    """It was not an ask: leave it out of the ledger."""
    reviews.dismiss(open_database(db_path), review_id, utcnow())
    click.echo("Dismissed; it stays out of the ledger.")
