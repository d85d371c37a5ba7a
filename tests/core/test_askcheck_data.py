"""The ask check's shipped weights, its training corpus and its development set."""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from givefirst.core.askcheck import ASK_KINDS, check, model

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "data" / "askcheck-dev.jsonl"
SCRIPTS = ROOT / "scripts" / "py"
LANGUAGES = {"en", "es", "de", "fr", "pt"}


def dev_set() -> list[dict]:
    return [json.loads(line) for line in DEV_SET.read_text().splitlines() if line.strip()]


def test_the_shipped_weights_are_what_the_trainer_builds_from_the_corpus(tmp_path):
    rebuilt = tmp_path / "weights.json"
    subprocess.run(
        [sys.executable, str(SCRIPTS / "train_askcheck.py"), "--quiet", "--out", str(rebuilt)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    shipped = Path(model.__file__).with_name(model.WEIGHTS_FILE)
    assert json.loads(rebuilt.read_text()) == json.loads(shipped.read_text())


def test_the_corpus_is_large_varied_and_labelled():
    sys.path.insert(0, str(SCRIPTS))
    try:
        from askcheck_corpus.compose import corpus
    finally:
        sys.path.remove(str(SCRIPTS))
    items = corpus()
    assert len(items) >= 5000
    assert {item["lang"] for item in items} == LANGUAGES
    assert {item["kind"] for item in items if item["is_ask"]} == set(ASK_KINDS)
    assert 0.4 < sum(item["is_ask"] for item in items) / len(items) < 0.6
    assert len({item["text"] for item in items}) > 0.8 * len(items)
    dev_texts = {item["text"] for item in dev_set()}
    assert not dev_texts & {item["text"] for item in items}, "the development set leaked"


def test_the_development_set_covers_five_languages_and_every_kind():
    items = dev_set()
    assert len(items) >= 400
    per_language = Counter(item["lang"] for item in items)
    assert set(per_language) == LANGUAGES and min(per_language.values()) >= 60
    assert {item["kind"] for item in items if item["is_ask"]} == set(ASK_KINDS)
    assert all((item["kind"] in ASK_KINDS) == item["is_ask"] for item in items)


def test_the_development_set_scores_within_the_targets():
    items = dev_set()
    results = [check(item["text"]) for item in items]
    pairs = list(zip(items, results, strict=True))
    hits = sum(1 for item, result in pairs if item["is_ask"] and result.is_ask)
    assert hits / sum(result.is_ask for result in results) >= 0.95  # precision
    assert hits / sum(item["is_ask"] for item in items) >= 0.90  # recall
    right = sum(1 for item, result in pairs if item["is_ask"] and item["kind"] == result.ask_kind)
    assert right / hits >= 0.85  # kind accuracy on the asks found
