"""What counts as news on a profile: a new role or a new company, not a reworded page.

Pages disagree about the same person all the time: the public and signed-in LinkedIn pages write
"Zalando SE" and "Zalando", "Berlin, Berlin, Germany" and "Berlin Metropolitan Area"; people edit
their headline's tagline every few months. Comparing normalised values keeps those out of the news.
"""

import functools
import re

NEWS_FIELDS = ("role", "company")  # a change of these is something to congratulate
# Legal forms that say nothing about which company it is ("Zalando SE" is Zalando).
LEGAL_FORMS = frozenset(
    (
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "gmbh",
        "ag",
        "se",
        "kg",
        "kgaa",
        "ug",
        "ohg",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "ab",
        "as",
        "asa",
        "oy",
        "oyj",
        "aps",
        "pty",
        "pte",
        "kk",
        "sl",
        "slu",
        "ltda",
        "group",
        "holding",
        "holdings",
    )
)
# Words that only say how big an area is meant ("Greater London Area" is London).
AREA_WORDS = frozenset(("greater", "area", "metropolitan", "metro", "region", "city", "of", "the"))


def words(value: str | None) -> list[str]:
    """Lower case words without punctuation: "Sr. Engineer, " → ["sr", "engineer"]."""
    return re.sub(r"[^\w]+", " ", (value or "").replace("&", " and ").casefold()).split()


# Remembered by name: an import keys thousands of profiles that share a few employers, and the
# database asks again for each profile whose company changed (store/connection.py).
@functools.lru_cache(maxsize=4096)
def company_key(value: str | None) -> str:
    """A company name without its legal form: "Zalando SE", "ZALANDO" and "Zalando" are one."""
    found = words(value)
    while len(found) > 1 and found[-1] in LEGAL_FORMS:
        found.pop()
    if found[:1] == ["the"] and len(found) > 1:
        found = found[1:]
    return " ".join(found)


def place_key(value: str | None) -> str:
    """A location's first named place: "Berlin, Berlin, Germany" and "Greater Berlin Area" are
    Berlin."""
    first = (value or "").split(",")[0]
    found = [w for w in words(first) if w not in AREA_WORDS]
    return " ".join(found)


def text_key(value: str | None) -> str:
    return " ".join(words(value))


KEYS = {"company": company_key, "location": place_key}


def same(field: str, old: str | None, new: str | None) -> bool:
    """Whether two values of one profile field name the same thing. Places match when one
    names the start of the other ("San Francisco" and "San Francisco Bay Area")."""
    key = KEYS.get(field, text_key)
    a, b = key(old), key(new)
    if field == "location" and a and b:
        short, long = sorted((a.split(), b.split()), key=len)
        return long[: len(short)] == short
    return a == b


def is_news(field: str) -> bool:
    """A role or a company is news; an edited headline or a moved city is not congratulated."""
    return field in NEWS_FIELDS
