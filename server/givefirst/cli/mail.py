"""`givefirst me` (your own addresses) and `givefirst sync` (an IMAP account, a calendar)."""

import click

from givefirst.cli.options import database_path, db_option, friendly_errors, open_database
from givefirst.cli.transfer import ProgressBar
from givefirst.clock import utcnow
from givefirst.errors import GivefirstError
from givefirst.io import secrets, sync
from givefirst.io.mail import imap
from givefirst.io.summary import report
from givefirst.store import emails, sources


@click.group()
def me() -> None:
    """Your own email addresses: mail from them is yours, and mail to them is to you."""


@me.command("add")
@click.argument("email")
@db_option
@friendly_errors
def me_add(email: str, db_path) -> None:
    """Add one of your addresses."""
    added = emails.add_mine(open_database(db_path), email, utcnow())
    click.echo(f"Added {email.strip().lower()}." if added else "Already one of yours.")


@me.command("list")
@db_option
def me_list(db_path) -> None:
    """List your addresses."""
    found = emails.mine(open_database(db_path))
    for email in found:
        click.echo(email)
    if not found:
        click.echo("No addresses yet: givefirst me add EMAIL")


@me.command("remove")
@click.argument("email")
@db_option
@friendly_errors
def me_remove(email: str, db_path) -> None:
    """Forget one of your addresses."""
    emails.remove_mine(open_database(db_path), email)
    click.echo(f"Removed {email.strip().lower()}.")


@click.group("sync")
def sync_group() -> None:
    """Read new mail from an IMAP account, or a calendar from its iCal address."""


@sync_group.command("imap")
@click.option("--host", help="The IMAP server (first time; later the saved account is used).")
@click.option("--user", help="The account's user name, often your address.")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Default 993.")
@click.option(
    "--security",
    type=click.Choice(["ssl", "starttls", "plain"]),
    default="ssl",
    show_default=True,
    help="plain (no TLS) only to a server on this computer.",
)
@click.option(
    "--every",
    type=click.IntRange(0, 24 * 60),
    default=None,
    help="While givefirst serve runs, sync every N minutes (0: never).",
)
@click.option("--new-password", is_flag=True, help="Ask for the password again.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@db_option
@friendly_errors
def sync_imap(host, user, port, security, every, new_password, dry_run, db_path) -> None:
    """Read what is new in your sent folder and inbox (Gmail: All Mail). The password is asked
    for here and kept in a file only you can read, never on the command line."""
    db, db_file, now = open_database(db_path), database_path(db_path), utcnow()
    account = saved_account(db, host, user, port, security)
    settings = account.settings()
    if every is not None:
        settings["every"] = every
    source_id = known_source(db, "imap", account.address)  # a dry run saves nothing
    if not dry_run:
        source_id = sources.save(db, "imap", account.address, settings, now)
    password = None if new_password else secrets.password(db_file, account.address)
    if password is None:
        password = click.prompt(f"Password for {account.address}", hide_input=True)
    try:
        with ProgressBar("Reading mail") as bar:
            summary = imap.sync(
                db, source_id, account, password, dry_run=dry_run, now=now, progress=bar
            )
    except GivefirstError as error:
        if not dry_run:  # Settings shows why the last sync failed
            sources.record_sync(db, source_id, now, error.message)
        raise
    if not dry_run:
        secrets.save(db_file, account.address, password)  # only a password that worked
        sources.record_sync(db, source_id, now, None)
    for line in report(summary, every_entry=dry_run):
        click.echo(line)


def known_source(db, kind: str, address: str) -> int:
    """The id of a saved source, or 0 (no folder has been read for it) before it is saved."""
    found = [s["id"] for s in sources.all_sources(db, kind) if s["address"] == address]
    return found[0] if found else 0


def saved_account(db, host, user, port, security) -> imap.Account:
    if host and user:
        return imap.Account(host, port or (143 if security != "ssl" else 993), user, security)
    saved = sources.all_sources(db, "imap")
    if len(saved) != 1:
        raise click.UsageError("give --host and --user (the first time, or to choose an account)")
    return imap.Account.from_settings(saved[0]["settings"])


@sync_group.command("ics")
@click.argument("url")
@click.option(
    "--every",
    type=click.IntRange(0, 24 * 60),
    default=None,
    help="While givefirst serve runs, sync every N minutes (0: never).",
)
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@db_option
@friendly_errors
def sync_ics(url: str, every, dry_run: bool, db_path) -> None:
    """Read a calendar from its secret iCal address (Google: Settings → Secret address in
    iCal format)."""
    db, now = open_database(db_path), utcnow()
    url = sync.checked_url(url)
    summary = sync.sync_calendar(db, url, dry_run=dry_run, now=now)
    if not dry_run:
        settings = {"every": every} if every is not None else {}
        sources.record_sync(db, sources.save(db, "ics", url, settings, now), now, None)
    for line in report(summary, every_entry=dry_run):
        click.echo(line)
