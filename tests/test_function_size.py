"""Every function fits on a screen: under 80 lines, counted from its `def` (or its first decorator)
to its last line, blank lines and comments included (Python's ends at its last statement). The service's Python is measured here; the
extension's JavaScript by ESLint's `max-lines-per-function` (eslint.config.mjs), which this file
runs. A function that grows past the limit is split by concern, not exempted."""

import ast
import json
import subprocess
from pathlib import Path

from tests.extension.test_extension_code import needs

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "server"
MAX_LINES = 79  # the same limit as eslint.config.mjs
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"


def function_lengths(source: str) -> list[tuple[str, int, int]]:
    """(name, first line, length in lines) of every function and method in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            found.append((node.name, start, node.end_lineno - start + 1))
    return found


def too_long(source: str) -> list[tuple[str, int, int]]:
    return [found for found in function_lengths(source) if found[2] > MAX_LINES]


def test_the_measure_counts_every_line_of_a_function_decorators_and_methods_too():
    body = "    # a comment\n\n    x = 1\n" * 30  # 90 lines, a third blank, a third comments
    source = (
        f"@decorated\ndef long():\n{body}\nclass C:\n    async def short(self):\n        pass\n"
    )
    assert function_lengths(source) == [("long", 1, 92), ("short", 95, 2)]
    assert too_long(source) == [("long", 1, 92)]


def test_every_python_function_in_the_service_is_under_80_lines():
    offenders = [
        f"{path.relative_to(ROOT)}:{line} {name} ({length} lines)"
        for path in sorted(SERVER.rglob("*.py"))
        for name, line, length in too_long(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def eslint(*args: str, source: str | None = None) -> subprocess.CompletedProcess:
    needs(str(ESLINT), "scripts/test installs it into node_modules (npm ci)")
    return subprocess.run(
        [str(ESLINT), "--format", "json", *args],
        cwd=ROOT,
        input=source,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_eslint_passes_on_the_extension_so_every_function_is_under_80_lines():
    result = eslint("extension")
    problems = [
        f"{Path(report['filePath']).relative_to(ROOT)}:{message['line']} {message['message']}"
        for report in json.loads(result.stdout)
        for message in report["messages"]
    ]
    assert problems == [] and result.returncode == 0, result.stderr


def test_eslint_counts_every_line_of_an_extension_function():
    """The rule is on, at the same limit, for the extension's files: an 80-line function fails,
    one of 79 passes, comments and blank lines counted."""
    long = "function long() {\n" + "  // a comment\n\n" * 39 + "}\n"
    short = "function short() {\n" + "  // a comment\n\n" * 38 + "  return 1;\n}\n"
    result = eslint(
        "--stdin", "--stdin-filename", "extension/content/probe.js", source=long + short
    )
    messages = json.loads(result.stdout)[0]["messages"]
    assert [(m["ruleId"], m["line"]) for m in messages] == [("max-lines-per-function", 1)]
