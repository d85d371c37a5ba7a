"""Does this message ask for something? Rule-based, English, explainable.

A sentence is an ask when it holds a phrase that is a request by itself ("refer me", "pick your
brain"), or when it is framed as a request to the reader ("could you…", "any chance…") and is
not an offer from the writer ("let me know if I can help"). The topic words then say which kind.
"""

import re
from dataclasses import dataclass

ASK_KINDS = ("referral", "introduction", "job", "funding", "advice", "favour")


def words(*patterns: str) -> re.Pattern:
    return re.compile("|".join(rf"\b(?:{p})\b" for p in patterns), re.IGNORECASE)


# Requests by themselves, whatever the framing.
STRONG = {
    "referral": words(r"refer me", r"referral for me", r"put in a (?:good )?word",
                      r"recommend me", r"(?:pass|forward) (?:along |on )?my (?:cv|resume|résumé)"),
    "introduction": words(r"introduc(?:e|ing) me", r"intro me", r"connect me (?:with|to)",
                          r"put (?:me|us) in touch", r"warm intro(?:duction)?"),
    "job": words(r"consider me for", r"any (?:open )?(?:roles?|positions?|openings?|vacanc\w+)",
                 r"(?:are you|is your (?:team|company)) hiring",
                 r"(?:(?:i'?m|i am) )?(?:looking for|seeking) (?:a |my next |new |a new )?(?:job|role|position)"),
    "funding": words(r"invest(?:ing)? in (?:us|our|my)", r"(?:we'?re|we are|i'?m|i am) raising",
                     r"(?:open|interested) (?:to|in) investing",
                     r"(?:join|lead|participate in) (?:our|my) (?:round|raise)"),
    "advice": words(r"pick (?:your|ur) brains?"),
}  # fmt: skip

# The reader is asked to do something.
REQUEST_FRAME = words(
    r"(?:could|can|would|will) (?:you|u)",
    r"(?:i|we) (?:was|were|am|are|'m|'re) (?:wondering|hoping) (?:if|whether)",
    r"any chance", r"is there any (?:way|chance)", r"would (?:you )?mind", r"mind if i",
    r"(?:i|we)(?:'d| would) (?:really )?(?:love|appreciate|be grateful)(?: it)? if you",
    r"(?:would|'d) appreciate (?:any|your)", r"do you know (?:anyone|someone|somebody|of)",
    r"please", r"pls", r"help me", r"(?:a|small|quick|big|huge) favou?r", r"need your help",
    r"(?:can|could|may) i (?:ask|get|borrow|have|grab|steal|bother)", r"if you (?:could|can)",
    r"let me know if you (?:know|hear|see)",
    r"(?:(?:i|we)(?:'d| would)|would) (?:really )?(?:love|appreciate|value) (?:your|some of your|"
    r"\d+ min\w*|a few min\w*|some time|a (?:quick |short )?(?:call|chat))",
    r"are you (?:open|available|free|interested)",
    r"do you have (?:time|a minute|a moment|a (?:few|couple of) minutes|\d+ min\w*)",
)  # fmt: skip

# Phrases where the writer offers, or "you" is not being asked for anything.
OFFER = words(
    r"let me know if (?:i|we|there'?s anything)", r"if you (?:ever )?need", r"happy to (?:help|share|introduce|intro|connect)",
    r"(?:can|could|shall|may) i help", r"(?:i|we) (?:can|could) (?:help|introduce|intro|connect)",
    r"would you like me to", r"(?:do you )?want me to", r"shall i", r"(?:can|could) you (?:believe|imagine)",
    r"thank(?:s| you)(?: so much)? for", r"hope you",
    r"let me know how (?:it|the|your|things|everything)", r"please find", r"keep me posted",
    r"no need to (?:reply|respond|answer)",
)  # fmt: skip

TOPICS = (
    ("referral", words(r"refer\w*", r"recommendation", r"good word")),
    ("introduction", words(r"intro\w*", r"connect (?:me|us)", r"in touch")),
    ("job", words(r"jobs?", r"roles?", r"positions?", r"openings?", r"vacanc\w+", r"hiring",
                  r"opportunit\w+", r"internships?", r"interviews?")),
    ("funding", words(r"invest\w*", r"funding", r"fundrais\w*", r"raise", r"raising", r"round",
                      r"angel", r"cheque", r"seed", r"capital", r"backing")),
    ("advice", words(r"advice", r"advise", r"thoughts", r"input", r"feedback", r"perspective",
                     r"mentor\w*", r"guidance", r"look (?:at|over)", r"review", r"call", r"chat",
                     r"coffee", r"\d+ min(?:ute)?s?")),
    ("introduction", words(r"know (?:anyone|someone|somebody)")),
)  # fmt: skip

SENTENCES = re.compile(r"(?<=[.!?\n])\s+|\s+[-–—]\s+|;\s*")


@dataclass(frozen=True)
class AskCheck:
    is_ask: bool
    ask_kind: str | None
    phrase: str | None


def check(text: str) -> AskCheck:
    """Whether the text asks the reader for something, and what kind of thing."""
    normalised = text.replace("’", "'").replace("‘", "'")
    for sentence in SENTENCES.split(normalised):
        found = check_sentence(sentence.strip())
        if found and found.ask_kind == "favour":  # the topic may sit in another sentence
            return AskCheck(True, topic_of(normalised) or "favour", found.phrase)
        if found:
            return found
    return AskCheck(False, None, None)


def topic_of(text: str) -> str | None:
    return next((kind for kind, pattern in TOPICS if pattern.search(text)), None)


def check_sentence(sentence: str) -> AskCheck | None:
    for kind, pattern in STRONG.items():
        match = pattern.search(sentence)
        if match:
            return AskCheck(True, kind, match.group(0))
    frame = REQUEST_FRAME.search(sentence)
    if not frame or OFFER.search(sentence):
        return None
    return AskCheck(True, topic_of(sentence) or "favour", sentence)
