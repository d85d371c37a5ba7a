"""What the asking clause asks for, by the words that carry the request in each language.

Read only on the sentences that ask (never the whole message), so "I mentored two juniors" in a
greeting does not make a referral request about advice. Each cue is a word start, matched on
lower-case text without accents; a verb that names the request ("refer me", "invest", "buy")
counts double against the nouns and prices around it ("role", "$5"), and the model breaks ties.
"""

import re
import unicodedata

MONEY = r"[$£€]\s?\d|\d+\s?(?:euros?|eur|reais|r\$|dollars?|bucks|pounds?|k\b)"

STRONG = {
    "referral": [
        r"refer(?:ral|ring|r?ed)?\b", r"referr", r"(?:as |a |my |be (?:a |my )?)reference", r"recommend (?:me|my)",
        r"recommendation (?:for|on)", r"(?:put|drop|say|put in) (?:in )?a (?:good )?word", r"vouch",
        r"(?:give|pass|use) (?:them )?your name", r"my name (?:forward|in)",
        r"(?:pass|forward|send) (?:on |along )?my (?:cv|resume)", r"send (?:people|clients|them|folks|anyone) my way",
        r"flag my application", r"recomiend\w*", r"recomendar(?:me)?\b", r"referi\w*", r"referencia\b",
        r"pas(?:a|ale|ar) mi (?:cv|contacto|nombre)", r"dar tu nombre", r"una palabra", r"empujon", r"mandamelo",
        r"empfehl\w*", r"weiterempfehl\w*", r"referenz\w*", r"gutes wort",
        r"(?:meinen )?(?:kontakt|lebenslauf|namen) weiter", r"deinen namen", r"schick (?:ihn|sie) (?:gern )?zu mir",
        r"einen hinweis geben", r"recommand\w*", r"coopt\w*", r"glisser un mot", r"ton nom", r"donner mon contact",
        r"m'envoyer du monde", r"indica(?:r|cao|ria|ria|sse)?\b", r"indiqu\w*", r"me indica\w*", r"referencia",
        r"palavrinha", r"passa meu contato", r"seu nome", r"manda pra mim",
    ],
    "introduction": [
        r"introduc\w*", r"intro\b", r"intros?\b", r"put (?:me|us) in touch", r"connect (?:me|us)", r"loop me in",
        r"(?:know|knows) (?:anyone|someone|somebody|any good|a good|of anyone)", r"(?:still )?in touch with",
        r"still (?:work|works|working|at|running)", r"be introduced", r"would (?:she|he|they) be open",
        r"presenta(?:r|s|rme|rnos|rias)?\b", r"present(?:e|es)\b",
        r"(?:poner|pones|ponerme|ponernos|ponga[sn]?) en contacto", r"conoces a (?:alguien|algun|alguna)",
        r"relacion con", r"hacer de puente", r"sigue \w+ (?:en|trabajando)", r"vorstell\w*", r"bekannt mach\w*",
        r"vernetz\w*", r"kontakt (?:zu|mit|herstell)\w*", r"kennst du (?:jemand|einen|eine)", r"noch kontakt",
        r"noch bei", r"presenter\b", r"presentes?\b", r"mise en relation", r"mettre en (?:relation|contact)",
        r"mis en relation", r"connai(?:s|trais|ssez)(?:-tu)? (?:quelqu|un |une )", r"des contacts chez",
        r"toujours (?:chez|en contact)", r"apresent\w*", r"(?:colocar|coloca|por) em contato",
        r"(?:fazer|faca|uma) (?:a )?ponte", r"conhece (?:alguem|algum|alguma)", r"contato com o pessoal",
        r"ainda (?:fala|tem contato|trabalha|esta na)",
    ],
    "job": [
        r"hiring", r"headcount", r"openings?\b", r"vacanc\w*", r"job (?:market|hunt\w*|search\w*)", r"open to work",
        r"(?:take|hire|taking) (?:me|on|remote)", r"room for (?:one more|a|another)",
        r"budget for (?:another|a|one more)", r"keep me in mind", r"(?:think|thinking) of me", r"i'?m all ears",
        r"consider(?:ed)? (?:me )?for (?:the|a)",
        r"(?:looking|searching) for (?:a |my )?(?:new |next )?(?:job|role|position)", r"contrata\w*", r"contratais",
        r"vacantes?\b", r"plazas?\b", r"busqueda activa", r"buscando (?:trabajo|empleo|mi)",
        r"tenme (?:en cuenta|presente)", r"tenme presente", r"acuerdate de mi", r"hueco (?:en|de)", r"stelle\w*",
        r"stellt ihr", r"einstell\w*", r"jobsuche", r"arbeitsmarkt", r"auf dem schirm", r"denk (?:bitte )?an mich",
        r"recrut\w*", r"embauch\w*", r"en recherche", r"pense a moi", r"garde-moi", r"de nouveau sur le marche",
        r"contratando", r"contratam", r"vagas?\b", r"lembra de mim", r"nao esquece de mim",
        r"procurando (?:emprego|trabalho|minha)", r"de volta ao mercado", r"buscando uma posicao",
    ],
    "funding": [
        r"invest\w*", r"(?:seed|pre-seed|funding|friends (?:&|and) family|series \w) round", r"our round",
        r"\bangel\b", r"sponsor\w*", r"donat\w*", r"chip in", r"contribut\w*", r"crowdfund\w*", r"\bloan\b",
        r"lend (?:me|us) (?:some )?money", r"borrow (?:some )?money", r"pledge", r"allocation",
        r"fund(?:raiser|raising)?\b", r"writing checks", r"invert\w*", r"\bronda\b", r"patrocin\w*",
        r"don(?:a|ar|ativos?|acion(?:es)?)\b", r"prest(?:a|ar|arme|ame)\b.{0,20}(?:dinero|euros)", r"dejar \d+",
        r"aporta\w*", r"financi\w*", r"investier\w*", r"\brunde\b", r"sponser\w*", r"spend\w*",
        r"leih\w*.{0,20}(?:geld|euro)", r"finanzier\w*", r"einsteigen", r"\btour\b", r"levee", r"\bdons?\b",
        r"faire un don", r"parrain\w*.{0,30}euros", r"avancer", r"financement", r"au capital", r"rodada", r"doac\w*",
        r"doar\b", r"empresta\w*.{0,20}(?:dinheiro|reais)", r"vaquinha", r"cagnotte", r"collecte", r"colecta", r"spendenaktion", r"gofundme", r"whip-round", r"\bkitty\b", r"arrecad\w*", r"\banjo\b",
    ],
    "advice": [
        r"advice", r"advise", r"thoughts?\b", r"feedback", r"take on", r"opinion", r"tips?\b",
        r"look (?:over|at|through)", r"glance", r"read (?:through|over)", r"notes", r"sanity check",
        r"second (?:pair of )?eyes", r"how (?:did|would|do|should) you", r"how you (?:approached|handled|did|got|went about|decided|dealt|managed|negotiated|built|found)",
        r"what did you", r"what would you", r"what do you think",
        r"mentor\w*", r"review\b", r"weigh", r"tell me honestly", r"pick your brain", r"consejos?\b", r"opin\w*",
        r"revis\w*", r"echa(?:r|s|rle)? (?:un )?(?:ojo|vistazo)",
        r"como (?:lo )?(?:hiciste|negociaste|gestionaste|plantearias|harias)", r"que (?:harias|valorarias|opinas)",
        r"me dices", r"se entiende", r"\brat\b", r"ratschlag", r"tipps?\b", r"meinung", r"was haltst du",
        r"schau\w* (?:mal )?(?:uber|druber)", r"blick auf", r"wie (?:hast|wurdest|bist) du", r"was wurdest du",
        r"worauf wurdest", r"sagst du mir", r"conseils?\b", r"\bavis\b", r"\bretour\b", r"regard exterieur",
        r"relire", r"jeter un (?:oeil|coup)", r"comment (?:tu as|as-tu|aborderais|tu ferais)", r"tu ferais quoi",
        r"tu penses quoi", r"tu regarderais", r"tu me dis", r"conselhos?\b", r"opiniao", r"dicas?\b",
        r"da(?:r)? uma (?:olhada|lida)", r"como voce (?:negociou|lidou|pediria|fez)",
        r"o que voce (?:faria|acha|olharia)", r"me diz\b",
    ],
    "meeting": [
        r"\bcall\b", r"coffee", r"lunch", r"\bchat\b", r"zoom", r"teams call", r"meet\b", r"catch up",
        r"\d+ ?(?:min|mins|minutes)\b", r"(?:few|couple of|five|ten|fifteen|twenty) minutes", r"half an hour",
        r"time to (?:talk|meet|chat)", r"hop on", r"jump on", r"your time", r"free for", r"llamada", r"llamamos",
        r"\bcafe\b", r"\bcomer\b", r"quedar|quedamos", r"videollamada", r"\bmeet\b", r"minutos", r"un rato",
        r"charlar", r"telefonier\w*", r"anruf\w*", r"kaffee", r"mittag\w*", r"treffen", r"videocall", r"minuten",
        r"viertelstunde", r"gesprach", r"zeit fur", r"appel\w*", r"s'appelle", r"dejeun\w*", r"se voir", r"visio",
        r"quart d'heure", r"creneau", r"un moment", r"de vive voix", r"ligacao", r"ligar", r"almoc\w*", r"conversar",
        r"videochamada", r"minutinhos", r"tempinho", r"marcar um horario",
    ],
    "sales": [
        r"\bbuy\b", r"\border\b", r"tickets?\b", r"raffle", r"sign ?up", r"register", r"trial", r"\bdemo\b",
        r"pre-?order", r"(?:scentsy|tupperware|arbonne|launch) party", r"\blaunch(?:es|ing)?\b", r"webinar", r"\bshop\b",
        r"\bstore\b", r"% off", r"discount", r"free sample", r"\bquote\b", r"how many can i put you down",
        r"\bpilot\b", r"premium plan", r"early-bird", r"compr\w*", r"papeletas?", r"\brifas?\b", r"apunta\w*",
        r"registr\w*", r"probar", r"preventa", r"reunion de \w+ en casa", r"lanz\w*", r"tienda", r"descuento",
        r"presupuesto", r"cuantas te guardo", r"vend\w*", r"kauf\w*", r"\blose\b", r"tombola", r"anmeld\w*",
        r"testen", r"vorbestell\w*", r"\bparty\b", r"onlineshop", r"rabatt", r"bestell\w*", r"verkauf\w*",
        r"eroffnen", r"zurucklegen", r"achet\w*", r"inscri\w*", r"tester\b", r"precommand\w*",
        r"reunion \w+ chez moi", r"lancement", r"webinaire", r"boutique", r"reduction", r"devis", r"vend\w*",
        r"en mets combien", r"compra\w*", r"inscrev\w*", r"cadastr\w*", r"testar", r"pre-venda", r"festa de revenda",
        r"lancamento", r"\bloja\b", r"desconto", r"orcamento", r"vendendo", r"quantas separo", r"inaugur\w*",
    ],
    "favour": [
        r"\bshare\b", r"repost", r"retweet", r"upvote", r"\bvote\b", r"petition", r"survey", r"questionnaire",
        r"pick up", r"keep an eye", r"speak (?:on|at)", r"\bpanel\b", r"give a talk",
        r"lend (?:me|us) (?:your|some|a)\b(?! money)", r"water my", r"proofread", r"compart\w*", r"firma\w*",
        r"peticion", r"encuesta", r"recog\w*", r"vot\w*", r"mesa redonda", r"riegas", r"prestas", r"teilen",
        r"petition", r"umfrage", r"abhol\w*|holst du", r"abstimm\w*", r"vortrag", r"panel", r"giesst", r"partager",
        r"petition", r"questionnaire", r"recuperer", r"table ronde", r"arroser", r"pretes", r"compartilh\w*",
        r"assin\w*", r"questionario", r"pega o", r"mesa-redonda", r"regar", r"empresta sua",
    ],
}  # fmt: skip

WEAK = {
    "job": [
        r"\broles?\b", r"positions?\b", r"\bjobs?\b", r"internship", r"puesto", r"trabajo", r"empleo", r"practicas",
        r"\bposte\b", r"\bjob\b", r"\bstage\b", r"emprego", r"estagio", r"praktikum", r"posicao",
    ],
    "funding": [MONEY],
    "meeting": [
        r"\btime\b", r"\bfree\b", r"\bzeit\b", r"tiempo", r"\btemps\b", r"\btempo\b",
    ],
    "sales": [
        r"\beach\b", r"apiece", r"\bcada\b", r"das stuck", r"l'unite", r"\bpiece\b", r"\bfree\b", r"gratis", r"kostenlos", r"gratuit\w*", r"gratis",
    ],
}  # fmt: skip


def compiled(table: dict) -> dict[str, re.Pattern]:
    return {
        kind: re.compile("|".join(f"(?:{p})" for p in patterns)) for kind, patterns in table.items()
    }


STRONG_CUES = compiled(STRONG)
WEAK_CUES = compiled(WEAK)


def plain(text: str) -> str:
    """Lower case without accents; currency signs and digits kept for the money cues."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def cue_scores(text: str) -> dict[str, int]:
    """For each kind, how strongly the asking sentences name it: 2 per verb cue, 1 per noun."""
    found = plain(text)
    scores = {}
    for kind, pattern in STRONG_CUES.items():
        scores[kind] = 2 * len(pattern.findall(found))
    for kind, pattern in WEAK_CUES.items():
        scores[kind] += len(pattern.findall(found))
    return scores
