"""Every document the code, the tests, the scripts and the docs point to is in the repository: a
comment that says "see docs/product.md" is only worth something if the file is there."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).parent.parent
READ = {".py", ".js", ".html", ".css", ".md", ".toml", ".json", ""}  # "" for scripts/run and such
DOC_PATH = re.compile(r"(?<![\w./-])docs/[\w./-]*\w")
SHOUTED_DOC = re.compile(r"(?<![\w./-])[A-Z][A-Z0-9_-]*\.md\b")  # PRODUCT.md: a root-level note


def tracked_text_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [ROOT / name for name in names if Path(name).suffix in READ]


def dangling(text: str) -> list[str]:
    """The document paths the text names that do not exist (relative to the repository)."""
    named = DOC_PATH.findall(text) + SHOUTED_DOC.findall(text)
    return [name for name in named if not (ROOT / name).exists()]


def test_every_referenced_document_exists():
    missing = {}
    for path in tracked_text_files():
        if path.name == "CHANGELOG.md" or path == Path(__file__):  # history; the examples below
            continue
        try:
            found = dangling(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
            continue
        if found:
            missing[str(path.relative_to(ROOT))] = found
    assert missing == {}, f"these name documents that are not in the repository: {missing}"


def test_the_check_sees_a_missing_document():
    assert dangling("the verdicts of PRODUCT.md and docs/nowhere.md") == [
        "docs/nowhere.md",
        "PRODUCT.md",
    ]
    assert dangling("see docs/product.md, README.md and docs/overlay.png.") == []
