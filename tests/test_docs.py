"""The README documents every command the CLI has (a command added without a row fails here)."""

import re
from pathlib import Path

import click
from givefirst.cli import main

README = Path(__file__).parent.parent / "README.md"


def commands(group: click.Group, prefix: str = "givefirst"):
    """Every command line a person can type: subcommands, and groups that run on their own."""
    context = click.Context(group)
    for name in group.list_commands(context):  # the CLI's group imports its commands by name
        command = group.get_command(context, name)
        full = f"{prefix} {name}"
        if isinstance(command, click.Group):
            if command.invoke_without_command:
                yield full
            yield from commands(command, full)
        else:
            yield full


def documented() -> set[str]:
    """The commands in the first cell of the README's command table rows: the words up to the
    first argument or option (`givefirst token new --name NAME` → `givefirst token new`)."""
    found = set()
    for cell in re.findall(r"^\| `(givefirst [^`]+)`", README.read_text(), re.MULTILINE):
        words = []
        for word in cell.split():
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            words.append(word)
        found.add(" ".join(words))
    return found


def test_every_command_has_a_row_in_the_readme():
    missing = [name for name in commands(main) if name not in documented()]
    assert missing == [], f"add these to the command table in README.md: {missing}"


def test_the_check_sees_a_missing_command():
    @click.group()
    def fake() -> None: ...

    @fake.command("frobnicate")
    def frobnicate() -> None: ...

    assert "givefirst frobnicate" not in documented()
    assert list(commands(fake)) == ["givefirst frobnicate"]
