"""The README stays true: every CLI command is documented in it (as sqlite-utils' test_docs)."""

from pathlib import Path

from givefirst.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_every_cli_command_is_in_the_readme():
    missing = [name for name in main.commands if f"`givefirst {name}" not in README]
    assert missing == []
