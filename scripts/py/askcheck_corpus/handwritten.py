"""Whole messages written by hand for the shapes templates compose badly: long, mixed, messy.

Each entry: language, text, the kind asked for (None when it asks nothing), the asking sentence.
"""

ENTRIES = [
    (
        "en",
        "Hey Mo, hope the new place is coming together. Random one, but does Jess still work at Figma? I'm trying to reach their design systems folks.",
        "introduction",
        "does Jess still work at Figma? I'm trying to reach their design systems folks.",
    ),
    (
        "en",
        "So after 7 years at the bank I'm officially back on the market. Anything in fintech ops, send it my way!",
        "job",
        "Anything in fintech ops, send it my way!",
    ),
    (
        "en",
        "Is your team still growing? Saw the post about the new Berlin office and it looks like exactly what I'd love to do.",
        "job",
        "Is your team still growing?",
    ),
    (
        "en",
        "Do you guys have budget for another designer next quarter? Asking for me :)",
        "job",
        "Do you guys have budget for another designer next quarter?",
    ),
    (
        "en",
        "I put together a draft of the grant application, would you have a sec to look it over before Friday?",
        "advice",
        "would you have a sec to look it over before Friday?",
    ),
    (
        "en",
        "How did you get your first consulting clients? I'm just starting out and could use the real story.",
        "advice",
        "How did you get your first consulting clients?",
    ),
    (
        "en",
        "My daughter's class is selling calendars for the trip - they're $12, want one?",
        "sales",
        "want one?",
    ),
    (
        "en",
        "We're doing a small launch event for the app on the 14th, would be awesome to see you there. Signups are at example.com/launch.",
        "sales",
        "would be awesome to see you there.",
    ),
    (
        "en",
        "Our charity run is looking for corporate sponsors this year. Would Lumen be up for it? Happy to send the sponsor pack.",
        "funding",
        "Would Lumen be up for it?",
    ),
    (
        "en",
        "Any chance I could use you as a reference for the Atlassian role? They asked for someone I've managed with.",
        "referral",
        "Any chance I could use you as a reference for the Atlassian role?",
    ),
    (
        "en",
        "Hope you don't mind me asking but could we do a 20 min call this week about your time at McKinsey?",
        "meeting",
        "could we do a 20 min call this week about your time at McKinsey?",
    ),
    (
        "en",
        "Mind if I call you tomorrow for five minutes? Need to run something by you.",
        "meeting",
        "Mind if I call you tomorrow for five minutes?",
    ),
    (
        "en",
        "Let's jump on a call when you get a chance!",
        "meeting",
        "Let's jump on a call when you get a chance!",
    ),
    (
        "en",
        "We're raising $2M to expand into Spain. Given your background in logistics, would love to have you as an angel. I can send the deck over.",
        "funding",
        "would love to have you as an angel.",
    ),
    (
        "en",
        "I'd really appreciate it if you could send a few people my way - I'm taking on two new coaching clients in January.",
        "referral",
        "I'd really appreciate it if you could send a few people my way",
    ),
    (
        "en",
        "Could really use a second pair of eyes on my Series A model before the partner meeting.",
        "advice",
        "Could really use a second pair of eyes on my Series A model before the partner meeting.",
    ),
    (
        "en",
        'A colleague of mine wrote to me asking "would you introduce me to your investor?" which felt a bit much.',
        None,
        None,
    ),
    ("en", "Hi all - please do enjoy the long weekend, you've earned it!", None, None),
    ("en", "Isn't it funny how we both ended up in climate? Who saw that coming.", None, None),
    (
        "en",
        "Fingers crossed you hear back from Google this week, you absolutely deserve it.",
        None,
        None,
    ),
    ("en", "You got the job!!! We need to go out and celebrate, first round's on me.", None, None),
    (
        "en",
        "Just read your piece on burnout, it really landed. No need to reply, just wanted to say thanks.",
        None,
        None,
    ),
    (
        "en",
        "If anything ever opens up at your end and you need a hand, I'm always around to help.",
        None,
        None,
    ),
    ("en", "Thanks for the coffee yesterday! Let me know how the fundraising goes.", None, None),
    (
        "en",
        "Our team is hiring three engineers this month, see the post on my profile. Hope you're well!",
        None,
        None,
    ),
    (
        "en",
        "I was talking about mentoring at the meetup and your name came up, all good things!",
        None,
        None,
    ),
    (
        "es",
        "Oye, ¿tu equipo tiene presupuesto para contratar este año? Me interesaría muchísimo.",
        "job",
        "¿tu equipo tiene presupuesto para contratar este año?",
    ),
    (
        "es",
        "¿Me echarías una mano revisando el contrato? Es la primera vez que firmo algo así.",
        "advice",
        "¿Me echarías una mano revisando el contrato?",
    ),
    (
        "es",
        "Vendemos lotería de Navidad para el viaje de fin de curso de los chicos, ¿te guardo un décimo?",
        "sales",
        "¿te guardo un décimo?",
    ),
    (
        "es",
        'Me dijeron "¿me puedes pasar el contacto de tu jefa?" y me quedé de piedra.',
        None,
        None,
    ),
    (
        "es",
        "¡Qué bien lo del nuevo trabajo! Tenemos que celebrarlo, el sábado invito yo.",
        None,
        None,
    ),
    (
        "de",
        "Sag mal, habt ihr im Team noch Budget für eine Stelle? Ich schaue mich gerade um.",
        "job",
        "habt ihr im Team noch Budget für eine Stelle?",
    ),
    (
        "de",
        "Magst du kurz über meinen Businessplan drüberschauen? Ich bin mir bei den Zahlen unsicher.",
        "advice",
        "Magst du kurz über meinen Businessplan drüberschauen?",
    ),
    (
        "de",
        "Unsere Kita verkauft Kuchen für den Ausflug, soll ich dir zwei Stück zurücklegen?",
        "sales",
        "soll ich dir zwei Stück zurücklegen?",
    ),
    (
        "de",
        "Er schrieb mir allen Ernstes „Kannst du mich bei deinem Chef empfehlen?“, nach zwei Wochen Bekanntschaft.",
        None,
        None,
    ),
    ("de", "Viel Erfolg bei der Verteidigung morgen, du schaffst das!", None, None),
    (
        "fr",
        "Ton équipe a encore des postes ouverts ? Je regarde un peu ce qui se fait en ce moment.",
        "job",
        "Ton équipe a encore des postes ouverts ?",
    ),
    (
        "fr",
        "Tu aurais deux minutes pour relire mon pitch ? Je le présente lundi.",
        "advice",
        "Tu aurais deux minutes pour relire mon pitch ?",
    ),
    (
        "fr",
        "L'école organise une vente de gâteaux pour la classe verte, tu en prends un ?",
        "sales",
        "tu en prends un ?",
    ),
    (
        "fr",
        "Quelqu'un m'a écrit « tu peux me présenter à ton investisseur ? » sans même me connaître.",
        None,
        None,
    ),
    ("fr", "Bonne chance pour les résultats, je croise les doigts pour toi !", None, None),
    (
        "pt",
        "Seu time ainda tem vaga aberta? Estou olhando o mercado de novo.",
        "job",
        "Seu time ainda tem vaga aberta?",
    ),
    (
        "pt",
        "Consegue dar uma lida no meu plano de negócios? Tô inseguro com os números.",
        "advice",
        "Consegue dar uma lida no meu plano de negócios?",
    ),
    (
        "pt",
        "A escola do meu filho está vendendo rifas para a festa junina, quer uma?",
        "sales",
        "quer uma?",
    ),
    (
        "pt",
        'Um cara me mandou "pode me indicar pra vaga do teu time?" sem nem me conhecer.',
        None,
        None,
    ),
    ("pt", "Boa sorte com o resultado, estou torcendo muito!", None, None),
]

HANDWRITTEN = [
    {"lang": lang, "text": text, "is_ask": kind is not None, "kind": kind, "request": asked}
    for lang, text, kind, asked in ENTRIES
]
