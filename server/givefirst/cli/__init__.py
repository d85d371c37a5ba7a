"""The `givefirst` command: a thin layer over the library, one module per command group.

The group names its commands and imports a command's module only when that command runs (or
help lists them): an import should not pay for Flask, the dashboard and mail at start.
"""

import importlib
import sys

import click

from givefirst import __version__

# name → "module:attribute" of the command in this package; help lists them by name.
COMMANDS = {
    "serve": "serve:serve",
    "token": "tokens:token",
    "pair": "pair:pair",
    "demo": "demo:demo",
    "open": "dashboard:open_dashboard",
    "bookmarklet": "dashboard:bookmarklet",
    "import": "transfer:import_command",
    "export": "transfer:export_command",
    "backup": "backups:backup",
    "restore": "backups:restore",
    "merge": "backups:merge",
    "review": "review:review",
    "today": "reminders:today",
    "reminders": "reminders:reminders_group",
    "autostart": "autostart:autostart",
    "me": "mail:me",
    "sync": "mail:sync_group",
    "doctor": "doctor:doctor",
}
# sqlite-utils imports these at start, when installed, only to map their types to columns;
# givefirst never hands it their values, and loading numpy costs every command a tenth of a
# second or more.
UNUSED_BY_SQLITE_UTILS = ("numpy", "pandas")


class LazyGroup(click.Group):
    """Click's documented lazy-loading group: commands are imported by name when needed."""

    def __init__(self, *args, lazy_commands: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy_commands])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy_commands:
            return self.load(name)
        return super().get_command(ctx, name)

    def load(self, name: str) -> click.Command:
        module_name, attribute = self.lazy_commands[name].split(":")
        module = importlib.import_module(f"{__name__}.{module_name}")
        command = getattr(module, attribute)
        if not isinstance(command, click.Command):
            raise ValueError(f"{self.lazy_commands[name]} is not a click command")
        return command


@click.group(
    cls=LazyGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="givefirst")
def main() -> None:
    """givefirst — a local relationship memory: have you given before asking?"""


def import_sqlite_utils_alone() -> None:
    """Import sqlite-utils with numpy and pandas hidden from it (it takes them as missing);
    both stay importable afterwards for anything that needs them."""
    hidden = [name for name in UNUSED_BY_SQLITE_UTILS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # importing it raises ImportError, as if it were not installed
    try:
        importlib.import_module("sqlite_utils")
    finally:
        for name in hidden:
            if sys.modules.get(name, "") is None:
                del sys.modules[name]


def run() -> None:
    """The console entry point: whatever goes wrong is one line on stderr and a non-zero status.

    Click would print usage lines around a usage error; scripts reading stderr want one line.
    """
    import_sqlite_utils_alone()
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
