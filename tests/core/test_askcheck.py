"""Ask detection on phrasing variants, and on friendly messages that are not asks."""

import pytest
from givefirst.core.askcheck import ASK_KINDS, check

ASKS = [
    ("Could you refer me for the open role on your team?", "referral"),
    ("pls refer me 🙏", "referral"),
    ("Would you put in a good word for me with the hiring manager?", "referral"),
    ("Could you write me a recommendation on LinkedIn?", "referral"),
    ("Would you be willing to introduce me to your CTO?", "introduction"),
    ("Any chance you could put me in touch with someone at Stripe?", "introduction"),
    ("could u intro me to Sam?", "introduction"),
    ("Can you connect me with the founders?", "introduction"),
    ("Are you hiring? I'm looking for my next role.", "job"),
    ("Hope you're well! I was laid off last week — any openings at Acme?", "job"),
    ("Looking for a new role in product — would appreciate any leads!", "job"),
    ("Do you know anyone hiring data engineers?", "job"),
    ("Would you consider me for the staff engineer position?", "job"),
    ("Would you consider investing in our seed round?", "funding"),
    ("We're raising a pre-seed round and would love to have you involved.", "funding"),
    ("I’d love to pick your brain about pricing.", "advice"),
    ("Can I ask for your feedback on my deck?", "advice"),
    ("Please take a look at my resume and let me know what you think.", "advice"),
    ("Mind if I grab 15 minutes of your time next week?", "advice"),
    ("Would you be open to a quick call about your move into management?", "advice"),
    ("Can you do me a quick favour and share my post?", "favour"),
    ("I was wondering if you could sign our open letter.", "favour"),
    ("I'd love your feedback on my resume.", "advice"),
    ("Mind introducing me to Sarah?", "introduction"),
    ("Would love 15 minutes of your time to get your advice.", "advice"),
    ("Are you open to investing?", "funding"),
    ("Hey! Quick question — do you have time for coffee?", "advice"),
    ("Could you let me know how to apply for the role?", "job"),
]
NOT_ASKS = [
    "Congratulations on the launch, it looks great!",
    "Happy birthday, Sam! Hope you have a great year.",
    "Thanks so much for the introduction to Priya, we had a great chat.",
    "Let me know if I can help with the hiring, happy to share candidates.",
    "Saw this article on climate tech and thought of you: https://example.com/grid",
    "Congrats on raising your seed round!",
    "How are you doing? It's been a while.",
    "Would you like me to introduce you to Grace? She works on the same problem.",
    "Great talk yesterday — the part about retention was brilliant.",
    "Can you believe it's been five years since the conference?",
    "I hope you and the family are well.",
    "If you ever need a reference, I'm happy to be one.",
    "Loved your post about mentoring new engineers.",
    "Please let me know how the launch goes!",
    "Please find attached the article I mentioned — no need to reply.",
    "Keep me posted on the move!",
    "",
]


@pytest.mark.parametrize(("text", "kind"), ASKS)
def test_asks_are_found_with_their_kind(text, kind):
    result = check(text)
    assert result.is_ask, text
    assert result.ask_kind == kind
    assert result.phrase


@pytest.mark.parametrize("text", NOT_ASKS)
def test_friendly_messages_are_not_asks(text):
    result = check(text)
    assert not result.is_ask, (text, result)
    assert result.ask_kind is None


def test_every_ask_kind_is_exercised():
    assert {kind for _, kind in ASKS} == set(ASK_KINDS)


def test_an_ask_buried_after_pleasantries_is_still_found():
    text = "Hi Ada! Loved your talk. Hope the kids are well.\n\nCould you refer me to your team's open role?"
    assert check(text).ask_kind == "referral"
