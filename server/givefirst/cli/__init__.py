"""The `givefirst` command: a thin layer over the library, one module per command group."""

import click

from givefirst import __version__
from givefirst.cli import (
    backups,
    dashboard,
    demo,
    pair,
    review,
    serve,
    tokens,
    transfer,
)

COMMANDS = (serve.serve, tokens.token, pair.pair, demo.demo)
COMMANDS += (dashboard.open_dashboard, dashboard.bookmarklet)
COMMANDS += (transfer.import_command, transfer.export_command, backups.backup, backups.restore,
             backups.merge, review.review)  # fmt: skip


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="givefirst")
def main() -> None:
    """givefirst — a local relationship memory: have you given before asking?"""


for command in COMMANDS:
    main.add_command(command)
