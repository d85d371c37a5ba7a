"""The nudge's rules are one table: the verdicts, their titles and their order come from `RULES`,
and every place that branches on a verdict names one the table has."""

import ast
from pathlib import Path

from givefirst.core import nudge, palette, vocabulary

CORE = Path(nudge.__file__).parent


def test_verdicts_and_titles_derive_from_the_rules_in_their_order():
    assert tuple(rule.name for rule in nudge.RULES) == nudge.VERDICTS
    assert list(nudge.TITLES) == list(nudge.VERDICTS)
    assert all(nudge.TITLES[rule.name] == rule.title for rule in nudge.RULES)


def test_the_vocabulary_titles_and_colours_exactly_the_rules_verdicts():
    """The words live in the vocabulary (the extension reads them from there), in the same order."""
    assert list(vocabulary.VERDICT_TITLES) == list(nudge.VERDICTS)
    assert set(palette.VERDICT_COLOURS) == set(nudge.VERDICTS)
    assert set(vocabulary.VERDICT_BADGES) <= set(nudge.VERDICTS)


def test_the_last_rule_always_applies():
    assert nudge.RULES[-1].name == "ready"


def compared_verdicts(source: str) -> set[str]:
    """The strings a `verdict` (a name or an attribute) is compared with in `source`."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if not any(getattr(side, "id", getattr(side, "attr", None)) == "verdict" for side in sides):
            continue
        for side in sides:
            for constant in ast.walk(side):
                if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
                    found.add(constant.value)
    return found


def test_the_measure_finds_names_and_tuples():
    source = "a = verdict == 'x'\nb = d.verdict in ('y', 'z')\nc = other == 'w'"
    assert compared_verdicts(source) == {"x", "y", "z"}


def test_every_verdict_the_core_branches_on_is_a_rule():
    """A renamed or removed rule cannot leave a branch behind that silently never runs."""
    named = {
        path.name: compared_verdicts(path.read_text(encoding="utf-8"))
        for path in sorted(CORE.rglob("*.py"))
    }
    assert named["suggestions.py"] and named["nurture.py"]
    unknown = {name: sorted(found - set(nudge.VERDICTS)) for name, found in named.items()}
    assert {name: found for name, found in unknown.items() if found} == {}
