"""Clauses that read like requests but ask nothing of the reader: rhetoric, thanks, wishes, offers.

The model weighs the whole message; these rules take such a clause out of a sentence before the
sentence is scored, so "can you believe it?" or "let me know if I can help" is never named as the
ask (the `phrase`), while "we're raising our seed, happy to send the deck" still asks for money.
"""

import re

from givefirst.core.askcheck.features import folded


def any_of(*patterns: str) -> re.Pattern:
    return re.compile("|".join(rf"\b(?:{p})\b" for p in patterns))


RHETORICAL = any_of(
    r"(?:can|could) you (?:believe|imagine)",
    r"who (?:would(?: have|'ve)?|could(?: have)?) (?:thought|guessed)",
    r"guess what",
    r"how (?:cool|crazy|wild) is that",
    r"isn'?t (?:it|that) (?:wild|crazy|funny|amazing)",
    r"(?:te lo )?(?:puedes|podes) creer",
    r"quien lo (?:diria|iba a decir)",
    r"(?:te )?imaginas",
    r"wer hatte (?:das )?gedacht",
    r"kannst du (?:dir das vorstellen|das glauben)",
    r"ist das nicht (?:verruckt|irre)",
    r"qui l'?(?:aurait|eut) (?:cru|dit)",
    r"tu (?:te rends compte|imagines)",
    r"c'est (?:pas )?fou,? non",
    r"quem (?:diria|poderia imaginar)",
    r"da (?:pra|para) acreditar",
    r"(?:acredita|imagina) (?:so|isso)",
    r"quien (?:nos |me |te )?(?:lo )?(?:iba a decir|diria|hubiera dicho)",
    r"qui (?:l'|l)?(?:aurait|eut) (?:cru|dit)",
    r"(?:do you )?ever wonder",
    r"who knew",
    r"wer hatte (?:das )?gewusst",
    r"qui savait",
    r"quem sabia",
    r"why\b[^?]{0,40}\balways",
    r"por ?que\b[^?]{0,40}\b(?:siempre|sempre)",
    r"warum\b[^?]{0,40}\bimmer",
    r"pourquoi\b[^?]{0,40}\btoujours",
)

# Thanks for what was already done: "thanks for thinking of me" asks nothing.
THANKS = any_of(
    r"thanks? (?:you )?(?:so much |again |a lot )?for",
    r"(?:muchas |mil )?gracias (?:de nuevo |otra vez )?por",
    r"(?:vielen )?dank(?:e)? (?:dir |euch )?(?:nochmal )?(?:fur|dass)",
    r"merci (?:encore |beaucoup )?(?:pour|de|d')",
    r"obrigad[oa] (?:de novo )?(?:por|pelo|pela)",
    r"valeu (?:pelo|pela|por)",
)

# Good wishes about news they are waiting for: "hope you hear back soon" asks nothing.
WISH = any_of(
    r"(?:i |we )?hope (?!you (?:can|could|might|would|will|don'?t mind|won'?t mind))",
    r"good luck",
    r"best of luck",
    r"fingers crossed",
    r"wishing you",
    r"ojala",
    r"(?:mucha )?suerte",
    r"espero que (?!(?:me )?(?:puedas|podais|pueda))",
    r"hoffentlich",
    r"ich hoffe,? (?:dass )?(?!du mir)",
    r"viel (?:gluck|erfolg)",
    r"daumen",
    r"j'espere que (?!(?:tu|vous) (?:pourr|peu|pouv))",
    r"bonne chance",
    r"croise les doigts",
    r"tomara",
    r"boa sorte",
    r"torcendo",
    r"espero que (?!(?:voce |vc )?(?:possa|consiga))",
)

OFFER = any_of(
    r"let me know if (?:i|we) can",
    r"let me know if (?:there'?s|there is) anything",
    r"if you (?:ever )?need",
    r"happy to (?:help|share|introduce|intro|connect|send)",
    r"(?:can|could|shall|may) i help",
    r"always happy to",
    r"would you like me to",
    r"(?:do you )?want me to",
    r"shall i",
    r"i(?:'d| would) be (?:glad|happy) to",
    r"i (?:can|could|'ll|will) (?:introduce|intro|connect|send|share|put) you",
    r"si (?:alguna vez |algun dia )?(?:necesitas|necesitais|necesita|precisas)",
    r"(?:encantad[oa]|feliz) de ayudar",
    r"quieres que te",
    r"avisame si (?:puedo|te puedo)",
    r"te (?:presento|pongo en contacto)",
    r"cuenta conmigo",
    r"wenn (?:du|ihr|sie) (?:mal |jemals )?(?:\w+ )?(?:brauchst|braucht|brauchen)",
    r"(?:helfe|unterstutze) (?:dir|euch|ihnen) (?:jederzeit )?gerne?",
    r"soll ich",
    r"sag bescheid,? wenn ich",
    r"(?:stelle|bringe) ich (?:dich|dir|euch)",
    r"ich (?:stelle|bringe) (?:dich|dir|euch)",
    r"si (?:un jour |jamais )?(?:tu as|vous avez) besoin",
    r"(?:veux|voulez)-(?:tu|vous) que je",
    r"dis-moi si je peux",
    r"n'hesite[sz]? pas si",
    r"je (?:te|vous) (?:presente|mets en (?:contact|relation))",
    r"je suis (?:toujours )?partant",
    r"se (?:um dia |algum dia )?(?:precisar|precisares|voce precisar)",
    r"quer que eu",
    r"me avisa se eu puder",
    r"conte comigo",
    r"pode contar comigo",
    r"te (?:apresento|coloco em contato)",
)


# A need stated with a call to action and no question: these idioms ask by themselves.
CALL_TO_ACTION = any_of(
    r"(?:any |all )?(?:leads|pointers|intros|introductions|referrals|tips) (?:are |would be )?(?:very |most |hugely |much )?(?:welcome|appreciated)",
    r"keep me in mind",
    r"(?<!for )(?:think|thinking) of me",
    r"keep (?:an eye|an ear) out for me",
    r"send (?:them|people|folks|anyone|clients|candidates) my way",
    r"consider me",
    r"love to be considered",
    r"me (?:tendrias|tengas|tengan) en cuenta",
    r"mich in betracht",
    r"(?:envisager|considerer) ma candidature",
    r"me considera(?:r|riam)?",
    r"open to work",
    r"back on the (?:job )?market",
    r"i'?m all ears",
    r"(?:it )?would mean (?:a lot|the world|so much)",
    r"(?:cualquier|toda) (?:pista|ayuda|recomendacion|contacto) (?:es |sera )?bienvenid[oa]",
    r"tenme (?:en cuenta|presente)",
    r"piensa en mi",
    r"acuerdate de mi",
    r"mandamelos?",
    r"significaria mucho",
    r"(?:jeder|jede) (?:hinweis|tipp|kontakt) (?:ist )?willkommen",
    r"denk (?:bitte )?an mich",
    r"(?:wurde|ware) mir viel bedeuten",
    r"(?:toute|la moindre) (?:piste|aide|recommandation) (?:est )?(?:la )?bienvenue",
    r"pense a moi",
    r"garde-moi",
    r"ca me ferait (?:tres )?plaisir",
    r"qualquer (?:indicacao|dica|contato|ajuda) (?:e )?bem-vind[oa]",
    r"lembra de mim",
    r"pensa em mim",
    r"significaria muito",
)

CLAUSE_END = re.compile(r"[,.;:!?)]|$")
# "If you're hiring, I can introduce you": a condition that only leads into an offer.
CONDITION = re.compile(r"^(?:if|falls|wenn|si|se|caso)\b")


def calls_to_action(request: str) -> bool:
    """Whether a (folded) sentence states a need with one of the usual calls to action."""
    return bool(CALL_TO_ACTION.search(request))


def requests_only(sentence: str) -> str:
    """The sentence (folded) with each rhetorical or offering clause cut out up to its end."""
    plain = folded(sentence)
    if CONDITION.match(plain) and OFFER.search(plain):
        return ""
    for pattern in (RHETORICAL, THANKS, WISH, OFFER):
        while match := pattern.search(plain):
            end = CLAUSE_END.search(plain, match.end()).end()
            plain = plain[: match.start()] + " " + plain[end:]
    return plain.strip()
