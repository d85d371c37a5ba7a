"""Does this message ask the reader for something, and for what? In five languages.

One entry point, `check(text)`, for every caller: the ask guard (through the API), the ask-check
route and the imports' review lists. A small linear model over hashed word and character n-grams
(trained offline by `scripts/train-askcheck` from the corpus in `scripts/py/askcheck_corpus/`)
scores the message and each of its sentences with quoted speech set aside; rules keep rhetorical
questions and offers from being named the ask; a second model reads the asking sentences alone to
say what is asked for, so a topic word elsewhere in the message does not decide the kind.
"""

from givefirst.core.askcheck.detector import AskCheck, check
from givefirst.core.askcheck.kinds import ASK_KINDS

__all__ = ["ASK_KINDS", "AskCheck", "check"]
