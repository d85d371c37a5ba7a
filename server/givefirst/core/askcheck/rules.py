"""Clauses that read like requests but ask nothing of the reader: rhetoric and offers of help.

The model weighs the whole message; these rules take such a clause out of a sentence before the
sentence is scored, so "can you believe it?" or "let me know if I can help" is never named as the
ask (the `phrase`), while "we're raising our seed, happy to send the deck" still asks for money.
"""

import re

from givefirst.core.askcheck.features import folded


def any_of(*patterns: str) -> re.Pattern:
    return re.compile("|".join(rf"\b(?:{p})\b" for p in patterns))


RHETORICAL = any_of(
    r"(?:can|could) you (?:believe|imagine)", r"who (?:would(?: have|'ve)?|could(?: have)?) (?:thought|guessed)",
    r"guess what", r"how (?:cool|crazy|wild) is that", r"isn'?t (?:it|that) (?:wild|crazy|funny|amazing)",
    r"(?:te lo )?(?:puedes|podes) creer", r"quien lo (?:diria|iba a decir)", r"(?:te )?imaginas",
    r"wer hatte (?:das )?gedacht", r"kannst du (?:dir das vorstellen|das glauben)", r"ist das nicht (?:verruckt|irre)",
    r"qui l'?(?:aurait|eut) (?:cru|dit)", r"tu (?:te rends compte|imagines)", r"c'est (?:pas )?fou,? non",
    r"quem (?:diria|poderia imaginar)", r"da (?:pra|para) acreditar", r"(?:acredita|imagina) (?:so|isso)",
)  # fmt: skip

OFFER = any_of(
    r"let me know if (?:i|we) can", r"let me know if (?:there'?s|there is) anything", r"if you(?:'re| are)? (?:ever )?(?:need|recruiting|hiring)",
    r"happy to (?:help|share|introduce|intro|connect|send)", r"(?:can|could|shall|may) i help", r"always happy to",
    r"would you like me to", r"(?:do you )?want me to", r"shall i", r"i(?:'d| would) be (?:glad|happy) to",
    r"i (?:can|could|'ll|will) (?:introduce|intro|connect|send|share|put) you",
    r"si (?:alguna vez |algun dia )?(?:necesitas|necesitais|necesita|precisas)", r"(?:encantad[oa]|feliz) de ayudar",
    r"quieres que te", r"avisame si (?:puedo|te puedo)", r"te (?:presento|pongo en contacto)", r"cuenta conmigo",
    r"wenn (?:du|ihr|sie) (?:mal |jemals )?(?:\w+ )?(?:brauchst|braucht|brauchen)", r"(?:helfe|unterstutze) (?:dir|euch|ihnen) (?:jederzeit )?gerne?",
    r"soll ich", r"sag bescheid,? wenn ich", r"(?:stelle|bringe) ich dich", r"ich (?:stelle|bringe) dich",
    r"si (?:un jour |jamais )?(?:tu as|vous avez) besoin", r"(?:veux|voulez)-(?:tu|vous) que je", r"dis-moi si je peux",
    r"n'hesite[sz]? pas si", r"je (?:te|vous) (?:presente|mets en (?:contact|relation))", r"je suis (?:toujours )?partant",
    r"se (?:um dia |algum dia )?(?:precisar|precisares|voce precisar)", r"quer que eu", r"me avisa se eu puder",
    r"conte comigo", r"pode contar comigo", r"te (?:apresento|coloco em contato)",
)  # fmt: skip


CLAUSE_END = re.compile(r"[,.;:!?)]|$")


def requests_only(sentence: str) -> str:
    """The sentence (folded) with each rhetorical or offering clause cut out up to its end."""
    plain = folded(sentence)
    for pattern in (RHETORICAL, OFFER):
        while match := pattern.search(plain):
            end = CLAUSE_END.search(plain, match.end()).end()
            plain = plain[: match.start()] + " " + plain[end:]
    return plain.strip()
