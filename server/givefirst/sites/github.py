"""GitHub: github.com/<user>; a second path segment is a repository, not a person.

The page: `itemprop` microdata (name, additionalName, worksFor, homeLocation, url, social), the
bio, the avatar, and the contribution activity. `<meta name="hovercard-subject-tag">` says
"organization:…" on an organisation's page, which is not a person.
Test URLs: see TEST_URLS at the end.
"""

import re

from givefirst.sites import unavailable
from givefirst.sites.base import NotAProfile, ProfileRef, Site, Url, first_segment_profile
from givefirst.sites.html import clean, name_from_title, text
from givefirst.sites.page import Page

RESERVED = frozenset(
    [
        "settings",
        "orgs",
        "marketplace",
        "explore",
        "topics",
        "trending",
        "collections",
        "events",
        "sponsors",
        "notifications",
        "pulls",
        "issues",
        "login",
        "logout",
        "join",
        "signup",
        "new",
        "organizations",
        "about",
        "pricing",
        "features",
        "enterprise",
        "security",
        "site",
        "apps",
        "search",
        "codespaces",
        "copilot",
        "dashboard",
        "team",
        "teams",
        "watching",
        "stars",
        "account",
        "customer-stories",
        "readme",
        "resources",
        "solutions",
        "contact",
        "mobile",
        "nonprofit",
        "education",
        "discussions",
        "pulse",
        "users",
        "repositories",
        "codesearch",
    ]
)


def key_for(url: Url) -> str:
    if len(url.segments) > 1:
        raise NotAProfile("a GitHub repository or sub-page is not a person's profile")
    return first_segment_profile(
        url, "gh", r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})", RESERVED, "GitHub"
    )


def url_for(key: str) -> str:
    return f"https://github.com/{key.removeprefix('gh:')}"


TITLE_NAME = re.compile(r"^\S+ \((?P<name>.+)\)$")  # "torvalds (Linus Torvalds) · GitHub"


def first_value(page: Page, prop: str) -> str | None:
    return next((v for e in page.itemprop(prop) if (v := page.itemprop_value(e))), None)


def social_links(page: Page) -> list[str]:
    found = []
    for element in page.itemprop("url") + page.itemprop("social"):
        anchors = [element] if element.tag == "a" else list(element.iter("a"))
        found += [url for a in anchors if (url := page.absolute(a.get("href")))]
    return found + page.rel_me


def contributions(page: Page) -> list[dict]:
    """The contribution timeline: a pull request, an issue, a new repository, with its time."""
    found = []
    for item in page.by_class("TimelineItem"):
        headings = [h for h in item.iter("h3") if text(h)] + [h for h in item.iter("h4") if text(h)]
        heading = headings[0] if headings else None  # a pull request's title, else the summary
        moment = next(item.iter("time", "relative-time"), None)
        link = None
        if heading is not None:  # the title is a link, or sits inside one
            link = next(heading.iter("a"), None)
            link = link if link is not None else next(heading.iterancestors("a"), None)
        found.append(
            {
                "title": text(heading),
                "date": moment.get("datetime") if moment is not None else None,
                "url": page.absolute(link.get("href")) if link is not None else None,
            }
        )
    return found


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref)
    subject = (page.meta("hovercard-subject-tag") or "").lower()
    if subject.startswith("organization:"):
        raise NotAProfile("this GitHub account is an organisation, not a person")
    login = first_value(page, "additionalName")
    titled = TITLE_NAME.match(name_from_title(page.title) or "")
    bio = next(iter(page.by_class("user-profile-bio") or page.by_class("p-note")), None)
    avatar = next(iter(page.by_class("avatar-user")), None)
    return {
        "name": first_value(page, "name") or (titled["name"] if titled else None) or login,
        "company": (first_value(page, "worksFor") or "").removeprefix("@") or None,
        "location": first_value(page, "homeLocation"),
        "bio": text(bio) or clean(bio.get("data-bio-text")) if bio is not None else None,
        "photo_url": page.meta_url("og:image")
        or (page.absolute(avatar.get("src")) if avatar is not None else None),
        "links": social_links(page),
        "activity": contributions(page),
    }


TEST_URLS = (
    ("https://github.com/Torvalds?tab=repositories", "gh:torvalds"),
    ("https://github.com/teamcity", "gh:teamcity"),
    ("https://github.com/settings", None),
    ("https://github.com/orgs/x", None),
    ("https://github.com/marketplace", None),
    ("https://github.com/torvalds/linux", None),
)

SITE = Site(
    name="github",
    label="GitHub",
    hosts=("github.com",),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("gh",),
    extract=extract,
    test_urls=TEST_URLS,
)
