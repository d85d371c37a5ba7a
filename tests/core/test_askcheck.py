"""The ask check: asks of every kind in five languages, the rules that keep friendly messages
from reading as asks (quoted speech, offers, rhetorical questions, greetings), and bad input."""

import pytest
from givefirst.core.askcheck import ASK_KINDS, AskCheck, check

ASKS = [
    ("en", "Could you refer me for the open role on your team?", "referral"),
    ("en", "pls refer me 🙏", "referral"),
    ("en", "Can I use you as a reference for the Lisbon job?", "referral"),
    ("en", "Would you be willing to introduce me to your CTO?", "introduction"),
    (
        "en",
        "Does Ravi still work at Stripe? I'd love to get in front of their payments team.",
        "introduction",
    ),
    ("en", "Is your team hiring? I'm looking for my next role.", "job"),
    ("en", "I'm back on the job market - if you hear of anything, please keep me in mind.", "job"),
    ("en", "Would you consider investing in our seed round?", "funding"),
    ("en", "Could you sponsor our school's charity fun run this spring?", "funding"),
    ("en", "I'd love your thoughts on the draft before I send it.", "advice"),
    ("en", "How did you negotiate your equity when you joined?", "advice"),
    ("en", "Can we jump on a call next week?", "meeting"),
    ("en", "Mind if I grab 15 minutes of your time next week?", "meeting"),
    ("en", "Come to our product launch on Thursday and grab an early-bird ticket!", "sales"),
    ("en", "Could you buy a box of cookies for my daughter's school trip?", "sales"),
    ("en", "Can you do me a quick favour and share my post?", "favour"),
    ("es", "¿Me podrías recomendar para la vacante de analista en tu empresa?", "referral"),
    ("es", "¿Me presentas a tu socia? Me encantaría conocerla.", "introduction"),
    ("es", "¿Estáis contratando diseñadores este año?", "job"),
    ("es", "¿Te plantearías invertir en nuestra ronda?", "funding"),
    ("es", "¿Qué harías tú con dos ofertas sobre la mesa?", "advice"),
    ("es", "¿Tomamos un café el jueves?", "meeting"),
    ("es", "¿Me compras unas papeletas para la rifa del colegio?", "sales"),
    ("de", "Könntest du mich für die Stelle bei euch empfehlen?", "referral"),
    ("de", "Kannst du mich mit eurer Produktleiterin bekannt machen?", "introduction"),
    ("de", "Stellt ihr gerade Entwickler ein?", "job"),
    ("de", "Würdest du unser Sommerfest sponsern?", "funding"),
    ("de", "Hast du nächste Woche 20 Minuten für ein Telefonat?", "meeting"),
    ("fr", "Tu pourrais me recommander pour le poste de chef de produit ?", "referral"),
    ("fr", "Tu pourrais me mettre en relation avec ta directrice ?", "introduction"),
    ("fr", "Est-ce que vous recrutez en ce moment ?", "job"),
    ("fr", "Tu voudrais faire un don pour la bibliothèque de l'école ?", "funding"),
    ("fr", "Tu pourrais jeter un œil à mon CV ?", "advice"),
    ("pt", "Você poderia me indicar para a vaga de analista?", "referral"),
    ("pt", "Vocês estão contratando?", "job"),
    ("pt", "Vamos tomar um café semana que vem?", "meeting"),
    ("pt", "Você poderia compartilhar meu post?", "favour"),
]

NOT_ASKS = [
    ("en", "Congratulations on the launch, it looks great!"),
    ("en", "Thanks so much for the introduction to Priya, we had a great chat."),
    ("en", "Saw this article on climate tech and thought of you: https://example.com/grid"),
    ("en", "Good luck with the interview tomorrow, fingers crossed!"),
    ("en", "We have to celebrate your promotion, dinner is on me!"),
    ("en", "Please find attached the article I mentioned - no need to reply."),
    ("es", "¡Enhorabuena por el nuevo trabajo!"),
    ("es", "Gracias por el consejo de la semana pasada, me sirvió muchísimo."),
    ("de", "Herzlichen Glückwunsch zur Beförderung!"),
    ("de", "Danke für die Empfehlung, ich habe die Stelle bekommen!"),
    ("fr", "Félicitations pour ton nouveau poste !"),
    ("fr", "Merci pour la mise en relation, c'était super."),
    ("pt", "Parabéns pela promoção!"),
    ("pt", "Obrigado pela indicação, consegui a vaga!"),
]

QUOTED = [
    'A recruiter messaged me "could you refer me to your manager?" before even saying hello.',
    'Mi primo me escribió "¿me puedes prestar dinero?" y no supe qué decir.',
    "Er fragte mich allen Ernstes „Kannst du mich deinem Chef vorstellen?“",
    "Un inconnu m'a écrit « tu peux investir dans mon projet ? » ce matin.",
    "Um colega me mandou “pode me indicar para a vaga?” sem me conhecer.",
]

OFFERS = [
    "Let me know if I can help with the hiring, happy to share candidates.",
    "Would you like me to introduce you to Grace? She works on the same problem.",
    "If you ever need a reference, I'm happy to be one.",
    "Si necesitas algo para la mudanza, avísame.",
    "Wenn du Hilfe beim Umzug brauchst, sag Bescheid.",
    "Si tu as besoin d'un coup de main pour le lancement, dis-moi.",
    "Se precisar de ajuda com a mudança, conte comigo.",
]

RHETORICAL = [
    "Can you believe it's been five years since the conference?",
    "Who would have thought we'd both end up in Lisbon?",
    "¿Te puedes creer que ya es diciembre?",
    "Wer hätte das gedacht?",
    "Qui l'aurait cru ?",
    "Quem diria, hein?",
]

GREETINGS = [
    "Please give my best to your family!",
    "Happy holidays, and please enjoy the break.",
    "Por favor, saluda a tu madre de mi parte.",
    "Grüß bitte deine Familie von mir!",
]


def test_every_kind_is_listed_once_in_the_products_order():
    assert ASK_KINDS == (
        "referral",
        "introduction",
        "job",
        "funding",
        "advice",
        "meeting",
        "sales",
        "favour",
    )


def test_every_kind_and_language_is_exercised():
    assert {kind for _, _, kind in ASKS} == set(ASK_KINDS)
    assert {lang for lang, _, _ in ASKS} == {"en", "es", "de", "fr", "pt"}


@pytest.mark.parametrize(("lang", "text", "kind"), ASKS)
def test_asks_are_found_with_their_kind(lang, text, kind):
    result = check(text)
    assert (result.is_ask, result.ask_kind) == (True, kind), (lang, text, result)
    assert result.phrase and result.phrase in text


@pytest.mark.parametrize(("lang", "text"), NOT_ASKS)
def test_friendly_messages_are_not_asks(lang, text):
    assert check(text) == AskCheck(False, None, None), (lang, text)


@pytest.mark.parametrize("text", QUOTED)
def test_an_ask_in_quotation_marks_is_someone_elses(text):
    assert not check(text).is_ask


def test_the_writers_own_ask_next_to_a_quoted_one_still_counts():
    text = 'My boss keeps saying "can you cover for me?" Anyway, could you introduce me to Dana?'
    result = check(text)
    assert (result.is_ask, result.ask_kind) == (True, "introduction")
    assert "Dana" in result.phrase and "cover for me" not in result.phrase


@pytest.mark.parametrize("text", OFFERS)
def test_an_offer_of_help_is_not_an_ask(text):
    assert not check(text).is_ask


def test_an_offer_after_a_pitch_does_not_cancel_the_ask():
    result = check(
        "We're raising our seed round and would love you on board. Happy to send the deck."
    )
    assert (result.is_ask, result.ask_kind) == (True, "funding")
    assert "deck" not in result.phrase


def test_a_polite_lead_in_does_not_cancel_the_ask():
    result = check("Hope you don't mind me asking, but could you refer me for the design role?")
    assert (result.is_ask, result.ask_kind) == (True, "referral")


@pytest.mark.parametrize("text", RHETORICAL)
def test_rhetorical_questions_are_not_asks(text):
    assert not check(text).is_ask


@pytest.mark.parametrize("text", GREETINGS)
def test_please_in_a_greeting_is_not_an_ask(text):
    assert not check(text).is_ask


def test_the_kind_comes_from_the_request_not_a_topic_word_elsewhere():
    mentoring = "I've been mentoring two juniors this year. Could you refer me for the staff role?"
    assert check(mentoring).ask_kind == "referral"
    own_post = "We're hiring at Acme, I posted about it today. Could we grab a coffee on Friday?"
    assert check(own_post).ask_kind == "meeting"


def test_a_bare_question_takes_its_kind_from_the_pitch_before_it():
    assert check("We're opening a small angel round next month. Interested?").ask_kind == "funding"


def test_an_ask_buried_after_pleasantries_is_still_found():
    text = "Hi Ada! Loved your talk. Hope the kids are well.\n\nCould you refer me to your team's open role?"
    assert check(text).ask_kind == "referral"


def test_mixed_languages_still_find_the_ask():
    result = check("Hola Ana! Hope all is well. ¿Podrías presentarme a tu jefa? Gracias!")
    assert (result.is_ask, result.ask_kind) == (True, "introduction")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "🙏🙏🙏", "😀 🎉", "...", "?!", "12345"])
def test_empty_or_symbol_only_text_is_not_an_ask(text):
    assert check(text) == AskCheck(False, None, None)


def test_control_characters_are_read_as_spaces():
    result = check("Could you\x00 refer\x07 me\u200b for the\x1b role?")
    assert (result.is_ask, result.ask_kind) == (True, "referral")
    assert "\x00" not in result.phrase and "\x1b" not in result.phrase


def test_a_hundred_kilobytes_is_read_at_its_start_and_end():
    filler = "We had a lovely time at the lake this summer. " * 2200
    long = filler + "Could you introduce me to your cofounder?"
    assert len(long) > 100_000
    result = check(long)
    assert (result.is_ask, result.ask_kind) == (True, "introduction")
    assert len(result.phrase) <= 300
    assert not check(filler).is_ask


def test_a_very_long_sentence_gives_a_bounded_phrase():
    result = check("Could you refer me " + "and " * 5000 + "thanks?")
    assert result.is_ask and len(result.phrase) <= 300


def test_text_that_is_not_a_string_is_refused():
    with pytest.raises(TypeError):
        check(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Back on the job market after the layoffs, leads very welcome!", "job"),
        ("If you are hiring, please consider me for the design role.", "job"),
        ("Please keep me in mind if something opens up on your team.", "job"),
        ("Send folks my way if they need a wedding photographer!", "referral"),
        ("Vuelvo a buscar trabajo: tenme en cuenta si sale algo.", "job"),
        ("Ich suche gerade eine neue Stelle, denk bitte an mich!", "job"),
        ("Je cherche un nouveau poste, pense à moi si tu vois passer quelque chose.", "job"),
        ("Estou procurando emprego de novo, lembra de mim se abrir vaga aí.", "job"),
    ],
)
def test_a_need_stated_with_a_call_to_action_is_an_ask(text, kind):
    result = check(text)
    assert (result.is_ask, result.ask_kind) == (True, kind), result


@pytest.mark.parametrize(
    "text",
    [
        "I hope you hear back from the agency soon!",
        "Ojalá te llamen pronto de la agencia.",
        "Hoffentlich meldet sich die Agentur bald bei euch.",
        "J'espère que tu auras vite des nouvelles.",
        "Tomara que te chamem logo!",
    ],
)
def test_wishing_luck_with_awaited_news_is_not_an_ask(text):
    assert not check(text).is_ask


def test_a_condition_that_leads_into_an_offer_is_not_an_ask():
    assert not check("If you're hiring, I can introduce you to two great designers.").is_ask
    assert not check("Falls ihr jemanden sucht, stelle ich euch gern eine Kollegin vor.").is_ask
