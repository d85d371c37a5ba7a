"""The shipped linear models: is a text an ask, and which kind of thing does it ask for."""

import base64
import json
import sys
import zlib
from array import array
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from math import exp

from givefirst.core.askcheck.features import hashed

WEIGHTS_FILE = "weights.json"


@dataclass(frozen=True)
class Linear:
    """One linear scorer over hashed features, its weights quantised to 16-bit integers."""

    bits: int
    bias: float
    scale: float
    weights: array

    def score(self, buckets: list[int], value: float) -> float:
        weights = self.weights
        return self.bias + self.scale * value * sum([weights[i] for i in buckets])


@dataclass(frozen=True)
class Models:
    ask: Linear
    kinds: dict[str, Linear]
    kind_bits: int

    def ask_probability(self, text: str) -> float:
        buckets, value = hashed(text, self.ask.bits)
        return 1.0 / (1.0 + exp(-max(-30.0, min(30.0, self.ask.score(buckets, value)))))

    def kind_chances(self, text: str) -> dict[str, float]:
        """The chance of each kind for an asking text (a softmax over the kinds' scores)."""
        buckets, value = hashed(text, self.kind_bits)
        scores = {kind: scorer.score(buckets, value) for kind, scorer in self.kinds.items()}
        top = max(scores.values())
        weights = {kind: exp(score - top) for kind, score in scores.items()}
        total = sum(weights.values())
        return {kind: weight / total for kind, weight in weights.items()}


def unpack(entry: dict) -> Linear:
    weights = array("h")
    weights.frombytes(zlib.decompress(base64.b64decode(entry["weights"])))
    if sys.byteorder != "little":  # the file holds little-endian integers
        weights.byteswap()
    if len(weights) != 1 << entry["bits"]:
        raise ValueError("the ask-check weights file does not match its own size")
    return Linear(entry["bits"], entry["bias"], entry["scale"], weights)


def pack(bits: int, bias: float, values) -> dict:
    """The file form of one scorer: values quantised so the largest is ±32767, then zipped."""
    largest = max(abs(float(v)) for v in values) or 1.0
    scale = largest / 32767
    weights = array("h", [round(float(v) / scale) for v in values])
    if sys.byteorder != "little":
        weights.byteswap()
    encoded = base64.b64encode(zlib.compress(weights.tobytes(), 9)).decode()
    return {"bits": bits, "bias": round(float(bias), 6), "scale": scale, "weights": encoded}


@cache
def models() -> Models:
    data = json.loads(files(__package__).joinpath(WEIGHTS_FILE).read_text())
    kinds = {kind: unpack(entry) for kind, entry in data["kinds"].items()}
    bits = {scorer.bits for scorer in kinds.values()}
    if len(bits) != 1:
        raise ValueError("the ask-check kind scorers must share one feature size")
    return Models(unpack(data["ask"]), kinds, bits.pop())
