"""The vocabulary and the palette as the files the browser reads: `vocabulary.js` (the words) and
`palette.css` (the colours, light and dark), the same in the extension and in the dashboard's
static folder. Run `python -m givefirst.shared_files` after changing core/vocabulary.py or
core/palette.py; a test fails while the written files differ from what this makes."""

import json
import sys
from pathlib import Path

from givefirst.core import palette, vocabulary

HEADER = "Written by `python -m givefirst.shared_files` from givefirst/core; do not edit."
# Relative to the repository's root: the extension's copy and the service's.
TARGETS = ("extension/shared", "server/givefirst/static")


def vocabulary_js() -> str:
    words = {
        "KIND_LABELS": vocabulary.KIND_LABELS,
        "LEDGER_LABELS": vocabulary.LEDGER_LABELS,
        "HISTORY_HEADING": vocabulary.HISTORY_HEADING,
        "BALANCE_WORDS": vocabulary.BALANCE_WORDS,
        "BALANCE_EVEN_WITHIN": vocabulary.BALANCE_EVEN_WITHIN,
        "CIRCLE_LABELS": vocabulary.CIRCLE_LABELS,
        "VERDICT_TITLES": vocabulary.VERDICT_TITLES,
        "VERDICT_BADGES": vocabulary.VERDICT_BADGES,
        "VERDICT_COLOURS": palette.VERDICT_COLOURS,
        "NOT_RUNNING_COLOUR": palette.NOT_RUNNING,
        "WEIGHTS": [[value, words] for value, words in vocabulary.WEIGHTS.items()],
    }
    body = json.dumps(words, indent=2, ensure_ascii=False)
    return (
        f"// {HEADER}\n"
        "// The product's words and verdict colours, for every page of the extension and the\n"
        "// dashboard's scripts: globalThis.GF.VOCABULARY.\n"
        f"(globalThis.GF ||= {{}}).VOCABULARY = Object.freeze({body});\n"
    )


def _properties(colours: dict[str, str], indent: str) -> str:
    return "\n".join(f"{indent}--{role}: {value};" for role, value in colours.items())


def palette_css() -> str:
    verdicts = {f"verdict-{name}": colour for name, colour in palette.VERDICT_COLOURS.items()}
    verdict_rules = "\n".join(
        f".verdict-{name} {{ --verdict: var(--verdict-{name}); }}"
        for name in palette.VERDICT_COLOURS
    )
    return (
        f"/* {HEADER} */\n"
        "/* The product's colours: light by default, dark when the system asks for it. */\n"
        f":root {{\n  color-scheme: light dark;\n{_properties(palette.LIGHT, '  ')}\n"
        f"{_properties(verdicts, '  ')}\n  --on-verdict: {palette.ON_VERDICT};\n}}\n"
        "@media (prefers-color-scheme: dark) {\n"
        f"  :root {{\n{_properties(palette.DARK, '    ')}\n  }}\n}}\n"
        f"{verdict_rules}\n"
    )


FILES = {"vocabulary.js": vocabulary_js, "palette.css": palette_css}


def expected(root: Path) -> dict[Path, str]:
    """Every shared file under `root` (the repository) with the text it must hold."""
    return {root / folder / name: make() for folder in TARGETS for name, make in FILES.items()}


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    for path, text in expected(root).items():
        path.write_text(text, encoding="utf-8")
        print(path.relative_to(root))


if __name__ == "__main__":
    main()
