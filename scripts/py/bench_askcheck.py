"""Score the ask check on a labelled set and time it in-process.

Prints precision, recall and F1 overall, per language and per kind, the kind accuracy on the asks
it found, and the latency of one check (p50, p99). The default set is the development set in
tests/data/, written apart from the training corpus.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

from givefirst.core.askcheck import ASK_KINDS, check

DEV_SET = Path(__file__).resolve().parents[2] / "tests" / "data" / "askcheck-dev.jsonl"


def figures(pairs: list[tuple[bool, bool]]) -> str:
    """Precision, recall and F1 of (expected, found) pairs."""
    hits = sum(1 for expected, found in pairs if expected and found)
    found = sum(1 for _, f in pairs if f)
    expected = sum(1 for e, _ in pairs if e)
    precision = hits / found if found else 1.0
    recall = hits / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (n={len(pairs)}, asks={expected})"


def latency(texts: list[str], rounds: int) -> tuple[float, float]:
    """p50 and p99 of one check, in milliseconds."""
    timings = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            check(text)
            timings.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(timings, n=100)
    return cuts[49], cuts[98]


def report(items: list[dict], show_misses: bool) -> None:
    results = [check(item["text"]) for item in items]
    pairs = [(item["is_ask"], result.is_ask) for item, result in zip(items, results, strict=True)]
    print(f"overall      {figures(pairs)}")
    for lang in sorted({item["lang"] for item in items}):
        chosen = [p for p, item in zip(pairs, items, strict=True) if item["lang"] == lang]
        print(f"  {lang:10} {figures(chosen)}")
    for kind in ASK_KINDS:
        kind_pairs = [
            (item["kind"] == kind, result.ask_kind == kind)
            for item, result in zip(items, results, strict=True)
        ]
        print(f"  {kind:12} {figures(kind_pairs)}")
    found = [(i, r) for i, r in zip(items, results, strict=True) if i["is_ask"] and r.is_ask]
    right = sum(1 for item, result in found if item["kind"] == result.ask_kind)
    print(f"kind accuracy {right / max(1, len(found)):.3f} ({right} of {len(found)} asks found)")
    if show_misses:
        for item, result in zip(items, results, strict=True):
            if item["is_ask"] != result.is_ask or (
                item["is_ask"] and item["kind"] != result.ask_kind
            ):
                print(
                    f"  miss [{item['lang']}] want {item['kind']} got {result.ask_kind}: {item['text'][:120]!r}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV_SET, help="a JSON-lines labelled set")
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds over the set")
    parser.add_argument("--misses", action="store_true", help="list the messages it got wrong")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    check("warm up: load the weights")
    report(items, args.misses)
    p50, p99 = latency([item["text"] for item in items], args.rounds)
    print(
        f"latency      p50 {p50:.2f} ms  p99 {p99:.2f} ms (in-process, {len(items)} messages x {args.rounds})"
    )


if __name__ == "__main__":
    main()
