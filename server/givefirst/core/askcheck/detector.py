"""The verdict: the message's score, its best sentence as the explaining phrase, and the kind."""

from dataclasses import dataclass

from givefirst.core.askcheck.cues import cue_scores
from givefirst.core.askcheck.features import folded
from givefirst.core.askcheck.kinds import ASK_KINDS
from givefirst.core.askcheck.model import models
from givefirst.core.askcheck.rules import calls_to_action, requests_only
from givefirst.core.askcheck.text import QUOTE_MARK, bounded, sentences, without_quotes

# Fixed when the check was designed, before the development set was scored; not tuned to it.
MESSAGE_THRESHOLD = 0.5
SENTENCE_THRESHOLD = 0.75
PHRASE_CHARS = 300
KIND_SENTENCES = 2
# A kind's model chance (0 to 1) counts for less than one verb cue, more than a tie.
CUE_MODEL_WEIGHT = 1.5
LEFTOVER_WORDS = 3
CALL_TO_ACTION_CHANCE = 0.9


@dataclass(frozen=True)
class AskCheck:
    is_ask: bool
    ask_kind: str | None
    phrase: str | None


NOT_AN_ASK = AskCheck(False, None, None)


def scored_sentences(text: str) -> list[tuple[float, str, str]]:
    """Each sentence with the chance it asks, once rhetoric, wishes and offers are cut out of it
    (and what is left of it)."""
    found = []
    for sentence in sentences(text):
        request = requests_only(sentence)
        if request != folded(sentence) and len(request.split()) < LEFTOVER_WORDS:
            continue  # what is left of "who would have thought, eh?" asks nothing
        if any(ch.isalnum() for ch in request):
            chance = models().ask_probability(request)
            if calls_to_action(request):
                chance = max(chance, CALL_TO_ACTION_CHANCE)
            found.append((chance, sentence, request))
    return found


def kind_of(asking: str, before: str) -> str:
    """The kind named by the asking sentences' cues; the kind model weighs in and breaks ties."""
    cues = cue_scores(asking)
    if not any(cues.values()):  # a bare "Interested?" asks about what the sentence before says
        cues = cue_scores(before)
    chances = models().kind_chances(asking)
    return max(ASK_KINDS, key=lambda kind: cues[kind] + CUE_MODEL_WEIGHT * chances[kind])


def check(text: str) -> AskCheck:
    """Whether the text asks the reader for something, what kind of thing, and where it asks."""
    if not isinstance(text, str):
        raise TypeError("the text to check must be a string")
    plain = without_quotes(bounded(text))
    scored = scored_sentences(plain)
    if not scored:
        return NOT_AN_ASK
    best = max(chance for chance, _, _ in scored)
    whole = models().ask_probability(" ".join(request for _, _, request in scored))
    if whole < MESSAGE_THRESHOLD and best < SENTENCE_THRESHOLD:
        return NOT_AN_ASK
    order = sorted(range(len(scored)), key=lambda index: -scored[index][0])
    asking = [scored[i][1] for i in order[:KIND_SENTENCES] if scored[i][0] >= MESSAGE_THRESHOLD]
    phrase = scored[order[0]][1]
    before = scored[order[0] - 1][1] if order[0] > 0 else ""
    kind = kind_of(" ".join(asking or [phrase]), before)
    phrase = " ".join(phrase.replace(QUOTE_MARK.strip(), "“…”").split())  # quoted words set aside
    return AskCheck(True, kind, phrase[:PHRASE_CHARS])
