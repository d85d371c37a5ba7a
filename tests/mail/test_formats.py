"""Formats are one registry: the CLI, the dashboard's Import page and the README follow it."""

import re
from pathlib import Path

from givefirst.io import IMPORT_KINDS
from givefirst.io.formats import FORMATS

README = (Path(__file__).parents[2] / "README.md").read_text()


def test_every_format_declares_a_name_a_label_extensions_and_a_reader():
    for found in FORMATS:
        assert found.name and found.label and found.extensions
        assert all(ext.startswith(".") for ext in found.extensions)
        assert (found.read is None) != (found.run is None)
    assert tuple(f.name for f in FORMATS) == IMPORT_KINDS


def test_the_readme_lists_every_format_with_its_extensions():
    rows = dict(re.findall(r"^\| [^|]+ \| `([a-z]+)` \| ([^|]+) \|$", README, re.MULTILINE))
    for found in FORMATS:
        assert found.name in rows, f"add {found.name} to the formats table in README.md"
        for ext in found.extensions:
            assert f"`{ext}`" in rows[found.name], (found.name, ext)
