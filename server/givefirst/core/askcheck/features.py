"""Hashed word and character n-grams: the same features for training and for the check."""

import re
import unicodedata
from itertools import repeat
from math import sqrt
from zlib import crc32

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!]")
DIGIT = re.compile(r"[0-9]+")


def folded(text: str) -> str:
    """Lower case without accents or digits, so "recomendación" and "recomendacion" agree."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return DIGIT.sub("0", plain)


def hashed(text: str, bits: int) -> tuple[list[int], float]:
    """Feature buckets of a text, and the weight each gets (the set is L2-normalised): words,
    word pairs (with the start and end of the text) and character 3- to 5-grams."""
    words = [word.encode() for word in WORD.findall(folded(text))]
    pairs = [a + b" " + b for a, b in zip([b"^", *words], [*words, b"$"], strict=True)]
    line = b" " + b" ".join(words) + b" "
    hashes = {crc32(b"^")}
    hashes.update(map(crc32, words, repeat(1)))
    hashes.update(map(crc32, pairs, repeat(2)))
    for size in (3, 4, 5):
        grams = [line[start : start + size] for start in range(len(line) - size + 1)]
        hashes.update(map(crc32, grams, repeat(size)))
    mask = (1 << bits) - 1
    buckets = list({found & mask for found in hashes})
    return buckets, 1.0 / sqrt(len(buckets))
