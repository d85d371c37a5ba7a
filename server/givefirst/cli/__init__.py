"""The `givefirst` command: a thin layer over the library, one module per command group."""

import sys

import click

from givefirst import __version__
from givefirst.cli import (
    autostart,
    backups,
    dashboard,
    demo,
    doctor,
    mail,
    pair,
    reminders,
    review,
    serve,
    tokens,
    transfer,
)

COMMANDS = (serve.serve, tokens.token, pair.pair, demo.demo)
COMMANDS += (dashboard.open_dashboard, dashboard.bookmarklet)
COMMANDS += (
    transfer.import_command,
    transfer.export_command,
    backups.backup,
    backups.restore,
    backups.merge,
    review.review,
)
COMMANDS += (reminders.today, reminders.reminders_group, autostart.autostart)
COMMANDS += (mail.me, mail.sync_group)
COMMANDS += (doctor.doctor,)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="givefirst")
def main() -> None:
    """givefirst — a local relationship memory: have you given before asking?"""


for command in COMMANDS:
    main.add_command(command)


def run() -> None:
    """The console entry point: whatever goes wrong is one line on stderr and a non-zero status.

    Click would print usage lines around a usage error; scripts reading stderr want one line.
    """
    try:
        status = main.main(standalone_mode=False)
    except click.UsageError as error:
        hint = f" (see: {error.ctx.command_path} --help)" if error.ctx else ""
        click.echo(f"Error: {error.format_message()}{hint}", err=True)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("Error: aborted.", err=True)
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)
