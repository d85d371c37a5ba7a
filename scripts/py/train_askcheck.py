"""Train the ask check's two linear models from the corpus and write the shipped weights file.

The corpus is composed with a fixed seed and the solvers are deterministic, so running this again
on the same corpus writes the same file. Prints held-out figures on a split of the corpus itself.
"""

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import numpy as np  # noqa: E402
from askcheck_corpus.compose import corpus  # noqa: E402
from givefirst.core.askcheck import ASK_KINDS, model  # noqa: E402
from givefirst.core.askcheck.features import hashed  # noqa: E402
from givefirst.core.askcheck.text import bounded, without_quotes  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.multiclass import OneVsRestClassifier  # noqa: E402

# 2**16 buckets for the ask model, 2**14 for the kind model (the cues decide most kinds):
# collisions cost little here, and the file stays a few hundred kilobytes.
ASK_BITS = 16
KIND_BITS = 14
SEED = 14
STRENGTH = 10.0
SHIPPED = Path(model.__file__).with_name(model.WEIGHTS_FILE)


def prepared(text: str) -> str:
    """The text as the check sees it before scoring."""
    return without_quotes(bounded(text))


def matrix(texts: list[str], bits: int) -> csr_matrix:
    rows, columns, values = [], [], []
    for row, text in enumerate(texts):
        buckets, value = hashed(prepared(text), bits)
        rows += [row] * len(buckets)
        columns += buckets
        values += [value] * len(buckets)
    return csr_matrix((values, (rows, columns)), shape=(len(texts), 1 << bits), dtype=np.float64)


def regression() -> LogisticRegression:
    """Logistic regression by liblinear: fast on sparse features, and deterministic."""
    return LogisticRegression(
        C=STRENGTH, solver="liblinear", max_iter=2000, tol=1e-6, random_state=SEED
    )


def fit(texts: list[str], labels: list, bits: int) -> LogisticRegression:
    return regression().fit(matrix(texts, bits), labels)


def fit_kinds(texts: list[str], labels: list[str]) -> dict[str, dict]:
    """One scorer per kind, each against the rest, packed for the weights file."""
    fitted = OneVsRestClassifier(regression()).fit(matrix(texts, KIND_BITS), labels)
    assert tuple(sorted(fitted.classes_)) == tuple(sorted(ASK_KINDS)), fitted.classes_
    return {
        kind: model.pack(KIND_BITS, scorer.intercept_[0], scorer.coef_[0])
        for kind, scorer in zip(fitted.classes_, fitted.estimators_, strict=True)
    }


def held_out_figures(items: list[dict]) -> str:
    """Precision and recall on a fifth of the corpus the model was not fitted on."""
    shuffled = items[:]
    random.Random(SEED).shuffle(shuffled)
    cut = len(shuffled) // 5
    test, train = shuffled[:cut], shuffled[cut:]
    fitted = fit([i["text"] for i in train], [i["is_ask"] for i in train], ASK_BITS)
    guessed = fitted.predict(matrix([i["text"] for i in test], ASK_BITS))
    hits = sum(1 for i, g in zip(test, guessed, strict=True) if g and i["is_ask"])
    precision = hits / max(1, sum(guessed))
    recall = hits / max(1, sum(1 for i in test if i["is_ask"]))
    return f"held-out corpus: precision {precision:.3f}, recall {recall:.3f} ({len(test)} messages)"


def weights(items: list[dict]) -> dict:
    ask = fit([i["text"] for i in items], [i["is_ask"] for i in items], ASK_BITS)
    asks = [i for i in items if i["is_ask"]]
    return {
        "ask": model.pack(ASK_BITS, ask.intercept_[0], ask.coef_[0]),
        "kinds": fit_kinds([i["request"] for i in asks], [i["kind"] for i in asks]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SHIPPED, help="where to write the weights")
    parser.add_argument("--quiet", action="store_true", help="skip the held-out figures")
    args = parser.parse_args()
    items = corpus(SEED)
    if not args.quiet:
        print(f"corpus: {len(items)} messages, {sum(i['is_ask'] for i in items)} asks")
        print(held_out_figures(items))
    args.out.write_text(json.dumps(weights(items), sort_keys=True) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
