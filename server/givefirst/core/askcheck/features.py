"""Hashed word and character n-grams: the same features for training and for the check."""

import re
import unicodedata
import zlib
from math import sqrt

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!]")
DIGIT = re.compile(r"[0-9]+")


def folded(text: str) -> str:
    """Lower case without accents or digits, so "recomendación" and "recomendacion" agree."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return DIGIT.sub("0", plain)


def hashed(text: str, bits: int, chars: bool = True) -> tuple[list[int], float]:
    """Feature buckets of a text, and the weight each gets (the set is L2-normalised)."""
    mask = (1 << bits) - 1
    crc = zlib.crc32
    words = WORD.findall(folded(text))
    found = {crc(b"^") & mask}
    previous = b"^"
    for word in words:
        encoded = word.encode()
        found.add(crc(encoded, 1) & mask)
        found.add(crc(previous + b" " + encoded, 2) & mask)
        previous = encoded
    found.add(crc(previous + b" $", 2) & mask)
    if chars:
        line = (" " + " ".join(words) + " ").encode()
        for size in (3, 4, 5):
            for start in range(len(line) - size + 1):
                found.add(crc(line[start : start + size], size) & mask)
    buckets = sorted(found)
    return buckets, 1.0 / sqrt(len(buckets))
