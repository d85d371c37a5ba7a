"""Preparing a message for the check: bounded, cleaned, quotes set aside, cut into sentences."""

import re
import unicodedata

# An ask sits near the start or the end of a message; a long paste is read only there.
HEAD_CHARS = 4000
TAIL_CHARS = 1500
MAX_SENTENCES = 40

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})

# Text between double quotation marks (or guillemets) is someone else's words, not the writer's
# request: "she asked me 'could you refer me?'" reports an ask, it does not make one. The marker
# left behind lets the model see that something was quoted.
QUOTED = re.compile(
    r'"[^"\n]{3,400}"|“[^”\n]{3,400}”|„[^“”\n]{3,400}[“”]|«[^»\n]{3,400}»|»[^«\n]{3,400}«'
    r"|‚[^‘’\n]{3,400}[‘’]|(?<![\w'])'[^'\n]{3,400}[?!.]'(?![\w'])"
)
QUOTE_MARK = " qquote "

# Sentence ends, line breaks, dashes between clauses and semicolons.
BOUNDARY = re.compile(r"(?<=[.!?…])\s+|\n+|\s+[-–—]+\s+|;\s*|(?<=[?!])(?=[¿¡])")


def bounded(text: str) -> str:
    """The part of a message worth reading, with control characters and odd apostrophes gone."""
    if len(text) > HEAD_CHARS + TAIL_CHARS:
        text = text[:HEAD_CHARS] + "\n" + text[-TAIL_CHARS:]
    text = unicodedata.normalize("NFC", text)
    return CONTROL.sub(" ", text.replace("\r", "\n").replace("\t", " ")).translate(APOSTROPHES)


def without_quotes(text: str) -> str:
    return QUOTED.sub(QUOTE_MARK, text)


def sentences(text: str) -> list[str]:
    """The sentences of a message, the first and last ones kept when there are very many."""
    found = [part.strip() for part in BOUNDARY.split(text)]
    found = [part for part in found if part and any(ch.isalnum() for ch in part)]
    if len(found) > MAX_SENTENCES:
        found = found[: MAX_SENTENCES - 10] + found[-10:]
    return found
