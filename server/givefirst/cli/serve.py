"""`givefirst serve`: the service on waitress, on 127.0.0.1 only."""

import errno
import logging
import socket
import sys

import click
from waitress.server import create_server

from givefirst.app import create_app
from givefirst.cli.dashboard import new_login_url
from givefirst.cli.invocation import command_template
from givefirst.cli.memory import fewer_arenas
from givefirst.cli.options import database_path, db_option, open_database
from givefirst.cli.waitress_errors import JsonErrorChannel
from givefirst.config import DEFAULT_PORT, MAX_UPLOAD_BYTES
from givefirst.io import backup as backups
from givefirst.io import sync
from givefirst.store.connection import KEPT

THREADS = 8
# A page sent for its card is often hundreds of KB: read it in 64 KiB pieces, not waitress's 8.
RECV_BYTES = 64 * 1024


def banner(port: int, db_file, command: str, login_url: str = "") -> str:
    """What the person needs next; `command` formats a full givefirst command line."""
    url = f"http://127.0.0.1:{port}"
    with_port = " --port {port}" if port != DEFAULT_PORT else ""
    return f"""givefirst is running at {url}
  database: {db_file}
  dashboard: {login_url or url}
    (a one-time login link for 15 minutes; {command.format("open" + with_port.format(port=port))} makes a new one)

Load the extension (Chrome, Chromium, Edge, Brave):
  chrome://extensions → turn on Developer mode → Load unpacked → pick the extension/ folder
Firefox: about:debugging → This Firefox → Load Temporary Add-on → extension/manifest.json

Pair it: open any LinkedIn, GitHub or X profile (or the extension's popup); it shows a code.
  Approve it in another terminal with:  {command.format("pair approve CODE")}

Try it with synthetic people, one for each verdict:  {command.format("demo")}
Scripts and curl:  TOKEN=$({command.format("token new --name my-script")} | tail -1)
  curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
       -d '{{"url": "https://www.linkedin.com/in/demo-grace-ferrow"}}' {url}/api/v1/context
Press Ctrl+C to stop."""


def loopback_socket(port: int) -> socket.socket:
    """A socket bound to 127.0.0.1 only, or a clear message when the port is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise click.ClickException(
                f"port {port} is already in use — is givefirst already running? "
                f"Stop it, or choose another port with --port."
            ) from None
        raise click.ClickException(f"cannot listen on 127.0.0.1:{port}: {error}") from None
    return sock


@click.command()
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@db_option
def serve(port: int, db_path) -> None:
    """Run the service (127.0.0.1 only) for the extension, the bookmarklet and the API."""
    fewer_arenas()
    db_file = database_path(db_path)
    open_database(db_path).close()  # a broken or unreadable file: one line, not a traceback
    command = command_template(db_path)
    app = create_app(
        {"DATABASE": str(db_file), "PORT": port, "CLI_COMMAND": command, "KEEP_CONNECTIONS": True}
    )
    server = create_server(
        app,
        sockets=[loopback_socket(port)],
        threads=THREADS,
        # waitress reads a body whole before the app sees it and refuses one over this cap by its
        # Content-Length, before reading it (in the JSON error shape: waitress_errors.py). The
        # cap sits above the largest body the app takes (a file sent to the dashboard's import),
        # so the app itself refuses what is over its limit for that request (api/security.py;
        # 4 MiB for the API) with its JSON error or a page.
        max_request_body_size=MAX_UPLOAD_BYTES + 1024 * 1024,
        recv_bytes=RECV_BYTES,
        ident="givefirst",
    )
    server.channel_class = JsonErrorChannel
    app.extensions[KEPT].warm(THREADS)  # the first lookups need not open their connections
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    logging.getLogger("waitress").setLevel(logging.WARNING)
    folder = backups.default_folder(db_file)
    backups.keep_daily(db_file, folder)
    click.echo(f"Daily backups: {folder} (the newest {backups.KEEP_DAILY} are kept)")
    sync.keep_synced(db_file)  # mail and calendars set to sync every N minutes
    click.echo(banner(port, db_file, command, new_login_url(db_file, port)))
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("\ngivefirst stopped.")
