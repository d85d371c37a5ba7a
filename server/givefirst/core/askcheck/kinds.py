"""What an ask can be for; the product's vocabulary, in the order the docs list it."""

ASK_KINDS = (
    "referral",  # recommend me for a role, pass on my CV, be my reference
    "introduction",  # put me in touch with someone
    "job",  # a role, headcount, leads on work
    "funding",  # any money: investment, a loan, a donation, a sponsorship
    "advice",  # your view, feedback on something, how you did it
    "meeting",  # a call, a coffee, a few minutes of your time
    "sales",  # buy, sign up, come to a sales party or a launch
    "favour",  # anything else done for me
)
