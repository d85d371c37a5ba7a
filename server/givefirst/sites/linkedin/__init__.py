"""LinkedIn: people live at /in/<vanity-name>/ on linkedin.com and its country subdomains.

Two pages show a person: the public page (`public.py`: JSON-LD, Open Graph, the title) and the
page a signed-in member sees (`member.py`: hashed classes, so the title, the main h1, landmarks
and aria labels). Both readers run; the structured one wins where both speak.
Test URLs: see TEST_URLS at the end.
"""

from urllib.parse import quote

from givefirst.sites import unavailable
from givefirst.sites.base import NotAProfile, ProfileRef, Site, Url, slug
from givefirst.sites.html import role_at_company
from givefirst.sites.linkedin import member, public
from givefirst.sites.page import Page


def key_for(url: Url) -> str:
    segments = url.segments
    if segments[:1] == ["mwlite"]:  # the lightweight mobile site mirrors the desktop paths
        segments = segments[1:]
    if len(segments) >= 2 and segments[0] == "in":
        vanity = slug(segments[1])
        if vanity:
            return f"li:{vanity}"
    where = "/" + "/".join(segments[:1]) if segments else "the home page"
    raise NotAProfile(f"LinkedIn {where} is not a person's profile")


def url_for(key: str) -> str:
    return f"https://www.linkedin.com/in/{quote(key.removeprefix('li:'))}/"


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref)
    found = public.read(page, ref)
    for name, value in member.read(page, ref).items():
        if value and not found.get(name):
            found[name] = value
    role, company = role_at_company(found.get("headline"))  # "Staff Engineer at Stripe | …"
    same_company = (
        not found.get("company") or (company or "").casefold() == found["company"].casefold()
    )
    if role and not found.get("role") and same_company:
        found["role"], found["company"] = role, found.get("company") or company
    return found


TEST_URLS = (
    ("https://uk.linkedin.com/in/Jane-Doe-12ab/?originalSubdomain=uk", "li:jane-doe-12ab"),
    ("linkedin.com/in/jane-doe-12ab/details/experience/", "li:jane-doe-12ab"),
    ("https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/", "li:jürgen-müller"),
    ("https://www.linkedin.com/in/jürgen-müller", "li:jürgen-müller"),
    ("https://www.linkedin.com/mwlite/in/jane-doe-12ab", "li:jane-doe-12ab"),
    ("https://www.linkedin.com/company/acme/", None),
    ("https://www.linkedin.com/feed/", None),
    ("https://www.linkedin.com/jobs/view/123/", None),
    ("https://www.linkedin.com/in/", None),
    ("https://www.linkedin.com/", None),
)

SITE = Site(
    name="linkedin",
    label="LinkedIn",
    hosts=("linkedin.com",),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("li",),
    extract=extract,
    test_urls=TEST_URLS,
)
