"""`givefirst open` (the dashboard, logged in) and `givefirst bookmarklet`."""

import urllib.request
import webbrowser

import click

from givefirst import bookmarklet as bookmarklet_code
from givefirst import login
from givefirst.cli.options import db_option, friendly_errors, open_database
from givefirst.clock import utcnow
from givefirst.config import DEFAULT_PORT
from givefirst.store import sessions

port_option = click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="The port `givefirst serve` listens on.",
)


def answers(port: int) -> bool:
    """Is a givefirst service listening on this port?"""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2):
            return True
    except OSError:
        return False


def new_login_url(db_path, port: int) -> str:
    return login.link_url(port, sessions.new_login_link(open_database(db_path), utcnow()))


@click.command("open")
@port_option
@click.option("--no-browser", is_flag=True, help="Print the link without opening a browser.")
@db_option
@friendly_errors
def open_dashboard(port: int, no_browser: bool, db_path) -> None:
    """Open the dashboard logged in: a one-time link, printed alone on the last line."""
    url = new_login_url(db_path, port)
    if not answers(port):
        click.echo(
            f"givefirst does not answer on port {port} yet: start it with `givefirst serve`.",
            err=True,
        )
    click.echo("One-time login link for the dashboard (works once, for 15 minutes):", err=True)
    click.echo(url)
    if not no_browser:
        webbrowser.open(url)


@click.command()
@port_option
@db_option  # accepted like every command's --db; the bookmarklet itself needs no database
def bookmarklet(port: int, db_path) -> None:
    """Print the bookmarklet (for browsers without the extension), alone on the last line."""
    click.echo("Save this as a bookmark (or drag it from the dashboard's Settings page), then")
    click.echo("click it on someone's profile page:")
    click.echo(bookmarklet_code.javascript_url(port))
