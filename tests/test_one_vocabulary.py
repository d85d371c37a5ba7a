"""Every surface (the extension's card, chip, launcher, badge and options page; the dashboard, its
card and the bookmarklet's window) takes its words and colours from givefirst.core.vocabulary and
givefirst.core.palette: the shared files are current, and no surface keeps a copy of its own."""

import re
from pathlib import Path

import pytest
from givefirst import shared_files
from givefirst.core import palette, vocabulary
from givefirst.dashboard import templating

ROOT = Path(__file__).resolve().parents[1]
SURFACES = [
    *sorted((ROOT / "extension").rglob("*.js")),
    *sorted((ROOT / "extension").rglob("*.css")),
    *sorted((ROOT / "extension").rglob("*.html")),
    *sorted((ROOT / "server" / "givefirst" / "static").glob("*.js")),
    *sorted((ROOT / "server" / "givefirst" / "static").glob("*.css")),
    *sorted((ROOT / "server" / "givefirst" / "templates").glob("*.html")),
]
WRITTEN = set(shared_files.expected(ROOT))
HEX = re.compile(r"(?<=[:\s,(\"'])#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")


def test_the_written_files_hold_the_vocabulary_and_palette_of_today():
    for path, text in shared_files.expected(ROOT).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(ROOT)} is out of date: run python -m givefirst.shared_files"
        )


@pytest.mark.parametrize(
    "words",
    [
        *vocabulary.KIND_LABELS.values(),
        *vocabulary.VERDICT_TITLES.values(),
        *vocabulary.BALANCE_WORDS.values(),
        *vocabulary.WEIGHTS.values(),
    ],
)
def test_no_surface_writes_the_vocabularys_words_itself(words):
    """A label written out in a script or page would drift from the vocabulary's."""
    quoted = re.compile(r"[\"'`>]" + re.escape(words) + r"[\"'`<]")
    copies = [
        str(path.relative_to(ROOT))
        for path in SURFACES
        if path not in WRITTEN and quoted.search(path.read_text(encoding="utf-8"))
    ]
    assert copies == []


def test_no_stylesheet_or_script_has_a_colour_of_its_own():
    """Colours live in palette.css; the in-page launcher's white text and focus ring aside."""
    allowed = {"#fff", "#1f6feb", "#c4cdd5", "#7a4b00"}  # launcher, frame grip, reminder badge
    found = {
        str(path.relative_to(ROOT)): sorted(
            set(HEX.findall(path.read_text(encoding="utf-8"))) - allowed
        )
        for path in SURFACES
        if path not in WRITTEN and path.suffix in (".css", ".js", ".html")
    }
    assert {path: colours for path, colours in found.items() if colours} == {}


def test_the_dashboard_uses_the_vocabularys_labels():
    words = templating.globals_for_templates()
    assert words["KIND_LABELS"] is vocabulary.KIND_LABELS
    assert words["VERDICT_TITLES"] is vocabulary.VERDICT_TITLES
    assert words["CIRCLE_LABELS"] is vocabulary.CIRCLE_LABELS
    assert set(vocabulary.KIND_LABELS) == set(vocabulary.KINDS)
    assert set(vocabulary.CIRCLE_LABELS) == set(vocabulary.CIRCLES)
    assert set(vocabulary.VERDICT_TITLES) == set(palette.VERDICT_COLOURS)


@pytest.mark.parametrize("verdict", sorted(palette.VERDICT_COLOURS))
def test_white_text_reads_on_every_verdict_colour(verdict):
    assert palette.contrast(palette.VERDICT_COLOURS[verdict], palette.ON_VERDICT) >= 4.5


@pytest.mark.parametrize("scheme", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_text_reads_on_every_background_in_light_and_dark(scheme):
    backgrounds = (*palette.BACKGROUND_ROLES, "accent-soft", "warn-soft", "problem-soft")
    for text in palette.TEXT_ROLES:
        for background in backgrounds:
            assert palette.contrast(scheme[text], scheme[background]) >= 4.5, (text, background)
    assert palette.contrast(scheme["on-accent"], scheme["accent"]) >= 4.5
    for background in palette.BACKGROUND_ROLES:
        assert palette.contrast(scheme["field"], scheme[background]) >= 3, background
    assert set(scheme) == set(palette.LIGHT)


def test_contrast_is_wcags_ratio():
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast("#7b8794", "#ffffff") == pytest.approx(3.66, abs=0.01)
