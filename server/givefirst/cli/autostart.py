"""`givefirst autostart enable|disable|status`: the service at every login, for this user."""

import os
import sys
from pathlib import Path

import click

from givefirst import autostart as login_entry
from givefirst.cli.options import database_path, db_option, friendly_errors
from givefirst.config import DEFAULT_PORT

NOT_RUNNING = 3  # `status` when the service does not answer, as `systemctl is-active` says


def system():
    return login_entry.system_for(sys.platform)


@click.group()
def autostart() -> None:
    """Start givefirst at login (systemd on Linux, a LaunchAgent on macOS, Startup on Windows)."""


@autostart.command("enable")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@db_option
@friendly_errors
def enable(port: int, db_path) -> None:
    """Start the service now and at every login, with this database and port."""
    chosen = system()
    command = login_entry.serve_command(database_path(db_path), port)
    path = login_entry.enable(chosen, command, os.environ, Path.home(), login_entry.run_command)
    click.echo(f"givefirst now starts at login ({chosen.NAME}: {path}).")
    click.echo(f"It serves http://127.0.0.1:{port} with {database_path(db_path)}.")


@autostart.command("disable")
@friendly_errors
def disable() -> None:
    """Stop starting at login, and stop the service that started so."""
    chosen = system()
    path = login_entry.disable(chosen, os.environ, Path.home(), login_entry.run_command)
    click.echo(f"givefirst no longer starts at login ({chosen.NAME} {path} removed).")


@autostart.command("status")
@friendly_errors
def status() -> None:
    """Whether givefirst starts at login and answers now (exit status 3 when it does not)."""
    chosen = system()
    found = login_entry.status(chosen, os.environ, Path.home())
    if not found["installed"]:
        click.echo(f"Not set to start at login (no {chosen.NAME} at {found['path']}).")
        click.echo("Set it up with: givefirst autostart enable")
        sys.exit(NOT_RUNNING)
    state = "answers" if found["running"] else "does not answer"
    click.echo(f"Starts at login: {chosen.NAME} {found['path']}")
    click.echo(f"The service on port {found['port']} {state}.")
    if not found["running"]:
        sys.exit(NOT_RUNNING)
