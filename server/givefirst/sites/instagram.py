"""Instagram: instagram.com/<username>/.

Open Graph: "Name (@user) • Instagram photos and videos"; its description is counts, not a bio.
The header (hashed classes) shows the bio and the person's links, wrapped in l.instagram.com.
Test URLs: see TEST_URLS at the end.
"""

from givefirst.sites import unavailable
from givefirst.sites.base import ProfileRef, Site, Url, first_segment_profile
from givefirst.sites.html import lines, name_from_title, unwrap
from givefirst.sites.page import Page

RESERVED = frozenset(
    [
        "p",
        "reel",
        "reels",
        "explore",
        "stories",
        "accounts",
        "direct",
        "about",
        "legal",
        "developer",
        "tv",
        "web",
        "challenge",
        "emails",
        "session",
        "privacy",
        "directory",
    ]
)


def key_for(url: Url) -> str:
    return first_segment_profile(url, "ig", r"[A-Za-z0-9._]{1,30}", RESERVED, "Instagram")


def url_for(key: str) -> str:
    return f"https://www.instagram.com/{key.removeprefix('ig:')}/"


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref)
    user = ref.key.removeprefix("ig:")
    header = next(page.main.iter("header"), None)
    name = name_from_title(page.meta("og:title") or page.title)
    shown = [line for line in lines(header) if line.lower() not in (user, "follow", "message")]
    bio = next(
        (line for line in shown if line != name and len(line) > 20 and not line[0].isdigit()),
        None,
    )
    links = [a.get("href") for a in header.iter("a")] if header is not None else []
    return {
        "name": name if name and name.lower() != user else None,
        "bio": bio,
        "photo_url": page.meta_url("og:image"),
        "links": [unwrap(page.absolute(href)) for href in links] + page.rel_me,
    }


TEST_URLS = (
    ("https://instagram.com/Some.User/?igsh=abc", "ig:some.user"),
    ("https://www.instagram.com/p/Cx1/", None),
    ("https://www.instagram.com/explore/", None),
)

SITE = Site(
    name="instagram",
    label="Instagram",
    hosts=("instagram.com",),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("ig",),
    extract=extract,
    test_urls=TEST_URLS,
)
