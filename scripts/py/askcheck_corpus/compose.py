"""Compose the training corpus: asks of every shape and hard negatives, in five languages.

Deterministic for a given seed, so `scripts/train-askcheck` rebuilds the same weights. Each
message is made of an optional greeting, optional context, the request (or the non-asking
sentences), an optional offer or pleasantry after it, and an optional sign-off; quoted asks,
offers, thanks, congratulations, invitations to celebrate, rhetorical questions, shared links,
good-luck wishes and "please" in a greeting make the negatives.
"""

import random
import re

from askcheck_corpus import de, en, es, fr, pt
from askcheck_corpus.handwritten import HANDWRITTEN

LANGUAGES = {"en": en, "es": es, "de": de, "fr": fr, "pt": pt}
KINDS = ("referral", "introduction", "job", "funding", "advice", "meeting", "sales", "favour")
SLOT = re.compile(r"\{(\w+)\}")
EMOJI = [" 🙏", " 🙂", " 😊", " !!", " :)", " 🚀"]


def fill(template: str, slots: dict, rng: random.Random) -> str:
    return SLOT.sub(lambda match: rng.choice(slots[match.group(1)]), template)


def vary(text: str, rng: random.Random) -> str:
    """The ways people actually type: all lower case, no final stop, an emoji."""
    roll = rng.random()
    if roll < 0.15:
        text = text.lower()
    elif roll < 0.25:
        text = text.rstrip(".!")
    elif roll < 0.3:
        text += rng.choice(EMOJI)
    return text


def maybe(rng: random.Random, chance: float, choices: list) -> list:
    return [rng.choice(choices)] if rng.random() < chance else []


def request(lang, kind: str, rng: random.Random) -> str:
    pool = lang.ASKS[kind] if rng.random() < 0.65 else lang.NEEDS[kind]
    sentence = fill(rng.choice(pool), lang.SLOTS, rng)
    if rng.random() < 0.12:
        sentence = f"{rng.choice(lang.HEDGES)} {sentence[0].lower()}{sentence[1:]}"
    return vary(sentence, rng)


def negative(lang, rng: random.Random) -> str:
    category = rng.choice([*lang.NEGATIVES, "quote", "quote"])
    if category == "quote":
        asked = fill(rng.choice(lang.ASKS[rng.choice(KINDS)]), lang.SLOTS, rng)
        return rng.choice(lang.QUOTE_FRAMES).replace("{quote}", asked)
    return vary(fill(rng.choice(lang.NEGATIVES[category]), lang.SLOTS, rng), rng)


def join(parts: list[str], rng: random.Random) -> str:
    return ("\n" if rng.random() < 0.3 else " ").join(parts)


def ask_message(code: str, rng: random.Random) -> dict:
    lang = LANGUAGES[code]
    kind = rng.choice(KINDS)
    asked = request(lang, kind, rng)
    before = maybe(rng, 0.55, lang.OPENERS) + maybe(rng, 0.35, lang.CONTEXT)
    after = maybe(rng, 0.2, lang.OFFER_TAILS) + maybe(rng, 0.1, [negative(lang, rng)])
    parts = [fill(p, lang.SLOTS, rng) for p in before] + [asked] + after
    parts += maybe(rng, 0.4, lang.CLOSERS)
    return {"lang": code, "text": join(parts, rng), "is_ask": True, "kind": kind, "request": asked}


def other_message(code: str, rng: random.Random) -> dict:
    lang = LANGUAGES[code]
    said = [negative(lang, rng) for _ in range(rng.choice((1, 1, 2)))]
    before = [
        fill(p, lang.SLOTS, rng)
        for p in maybe(rng, 0.5, lang.OPENERS) + maybe(rng, 0.15, lang.CONTEXT)
    ]
    parts = before + said + maybe(rng, 0.4, lang.CLOSERS)
    return {"lang": code, "text": join(parts, rng), "is_ask": False, "kind": None, "request": None}


def single_sentences(code: str, rng: random.Random, count: int) -> list[dict]:
    """Sentences on their own, so each sentence of a message can be scored like a message."""
    lang = LANGUAGES[code]
    found = []
    for _ in range(count):
        kind = rng.choice(KINDS)
        asked = request(lang, kind, rng)
        found.append({"lang": code, "text": asked, "is_ask": True, "kind": kind, "request": asked})
        plain = rng.choice(
            [
                negative(lang, rng),
                fill(rng.choice(lang.OPENERS + lang.CONTEXT + lang.OFFER_TAILS), lang.SLOTS, rng),
            ]
        )
        found.append({"lang": code, "text": plain, "is_ask": False, "kind": None, "request": None})
    return found


def corpus(seed: int = 14, messages_per_language: int = 1200) -> list[dict]:
    """The whole corpus, in a fixed order for a fixed seed."""
    rng = random.Random(seed)
    found = []
    for code in LANGUAGES:
        for _ in range(messages_per_language // 2):
            found.append(ask_message(code, rng))
            found.append(other_message(code, rng))
        found += single_sentences(code, rng, messages_per_language // 4)
    return found + [dict(item) for item in HANDWRITTEN]
