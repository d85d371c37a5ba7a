"""Pages at a profile's address that do not show the profile: not found, a login or sign-up
wall, an error page, "this profile is not available".

Such a page says nothing about the person, so each site's reader asks `check` first and a page
it recognises yields no fields and no change (`Unavailable`). Only the places a site puts its
own words are read — the title, Open Graph's title, the main headings and the site's own
error containers — and a heading must say the phrase and nothing else, so a bio or a post that
merely mentions "sign in" is never mistaken for a wall.
"""

import re
from collections.abc import Iterable

from givefirst.sites.base import ProfileRef, Unavailable
from givefirst.sites.html import clean, text
from givefirst.sites.page import Page

# Whole headings (lower case, apostrophes straightened, end punctuation dropped).
PHRASES = re.compile(
    r"(?:error|oops|sorry)?[ ,!:-]*(?:"
    r"(?:page|profile|account|user|channel|content|member) (?:was )?not found"
    r"|(?:this |that )?(?:page|profile|account|user|channel|content|link)"
    r"(?: is| has been)? (?:not available|unavailable|isn't available|is no longer available"
    r"|doesn't exist|does not exist|removed|suspended|restricted)(?: right now)?"
    r"|(?:this |the )?page you (?:are|were) looking for (?:isn't here|doesn't exist|does not exist"
    r"|can't be found|could not be found)"
    r"|(?:we|i) (?:can't|cannot|couldn't) find (?:that|this|the) (?:page|profile|account|user)"
    r"|(?:http )?(?:error )?(?:404|410|429|500|502|503)(?: error)?(?:[ :-]+(?:page )?(?:not found"
    r"|gone|too many requests|internal server error|bad gateway|service unavailable))?"
    r"|not found|error|something went wrong(?:[ ,.]+.{0,40})?|account suspended"
    r"|(?:log|sign) ?in(?:to [\w. ]{1,30})?(?: or sign ?up)?(?: (?:to|for|with|on) [\w. ]{1,30})?"
    r"|sign ?up(?: (?:to|for|with|on) [\w. ]{1,30})?|log ?in or sign ?up|create an? account"
    r"|join (?:linkedin|x|twitter|facebook|instagram|github|bluesky|mastodon|youtube)"
    r"(?: today| now)?|security check|just a moment|before you continue(?: to [\w. ]{1,30})?"
    r"|.{0,80}only (?:be )?(?:shown|visible) to (?:signed-in|logged-in) users"
    r")",
)
SEPARATORS = re.compile(r"\s+[|·•/–—-]\s+|,\s+")
HEADINGS_READ = 3


def normal(value: str | None) -> str:
    value = (clean(value) or "").casefold().replace("’", "'").replace("‘", "'")
    value = re.sub(r"^\(\d+\+?\)\s*", "", value)  # "(3) " unread notifications
    return value.strip(" .!?:;…")


def says_unavailable(value: str, handle: str) -> bool:
    """Whether a title or heading, or one of its separated parts, is only such a phrase."""
    parts = [value, *SEPARATORS.split(value)]
    return any(part and part != handle and PHRASES.fullmatch(part) for part in map(normal, parts))


def headings(page: Page) -> list[str]:
    """The first main headings: h1s, or h2s on a page without any h1."""
    for tag in ("h1", "h2"):
        found = [words for element in page.root.iter(tag) if (words := text(element))]
        if found:
            return [words for words in found[:HEADINGS_READ] if len(words) <= 120]
    return []


def check(page: Page, ref: ProfileRef, containers: Iterable[str] = ()) -> None:
    """Raise Unavailable when the page is a not-found, login, sign-up or error page.

    `containers` is text from where the site writes its own error messages (X's "emptyState",
    say); there the phrase may be part of a longer sentence.
    """
    handle = normal(ref.key.split(":", 1)[-1].split("@")[0].lstrip("@"))
    titles = [page.title, page.meta("og:title", "twitter:title")]
    shown = [*(t for t in titles if t), *headings(page)]
    if any(says_unavailable(value, handle) for value in shown):
        raise Unavailable(f"the page at {ref.url} does not show the profile")
    for words in containers:
        if any(PHRASES.search(normal(line)) for line in SEPARATORS.split(words)):
            raise Unavailable(f"the page at {ref.url} does not show the profile")
