"""Facebook: facebook.com/<username>, profile.php?id=<n> and /people/<Name>/<n>.

A Page (a business, a band) lives at the same kind of URL as a person; its app link says so:
`al:android:url` is fb://page/… rather than fb://profile/…. The profile shows its name in the
main h1 and an "Intro" with lines such as "Works at …" and "Lives in …".
Test URLs: see TEST_URLS at the end.
"""

import re

from givefirst.sites import unavailable
from givefirst.sites.base import NotAProfile, ProfileRef, Site, Url, first_segment_profile
from givefirst.sites.html import clean, lines, role_at_company, text, unwrap
from givefirst.sites.page import Page, open_graph

RESERVED = frozenset(
    [
        "home.php",
        "groups",
        "pages",
        "events",
        "marketplace",
        "watch",
        "gaming",
        "login",
        "login.php",
        "photo.php",
        "permalink.php",
        "story.php",
        "sharer",
        "sharer.php",
        "share",
        "settings",
        "notifications",
        "messages",
        "friends",
        "hashtag",
        "search",
        "help",
        "policies",
        "privacy",
        "ads",
        "business",
        "bookmarks",
        "saved",
        "reel",
        "reels",
        "stories",
        "dialog",
        "plugins",
        "l.php",
        "me",
        "memories",
        "fundraisers",
        "jobs",
        "photo",
        "photos",
        "video",
        "videos",
        "live",
        "profile.php",
    ]
)


def key_for(url: Url) -> str:
    segments = url.segments
    if segments[:1] == ["profile.php"]:
        if re.fullmatch(r"\d+", url.query.get("id", "")):
            return f"fb-id:{url.query['id']}"
        raise NotAProfile("profile.php without an id is not a profile")
    if len(segments) >= 3 and segments[0] == "people" and segments[2].isdigit():
        return f"fb-id:{segments[2]}"
    return first_segment_profile(url, "fb", r"[A-Za-z0-9.]{1,50}", RESERVED, "Facebook")


def url_for(key: str) -> str:
    if key.startswith("fb-id:"):
        return f"https://www.facebook.com/profile.php?id={key.removeprefix('fb-id:')}"
    return f"https://www.facebook.com/{key.removeprefix('fb:')}"


INTRO = {
    "company": re.compile(r"^(?:Works at|Worked at|Founder at|Owner at) (.+)$"),
    "role_at": re.compile(r"^(.+? at .+)$"),
    "location": re.compile(r"^(?:Lives in|From) (.+)$"),
    "skip": re.compile(
        r"^(?:Studied|Studies|Went to|Joined|Followed by|Married|In a relationship)"
    ),
}


def intro(page: Page) -> dict:
    heading = next((h for h in page.main.iter("h2") if text(h) == "Intro"), None)
    box = heading.getparent() if heading is not None else None
    while box is not None and len(lines(box)) < 2 and box is not page.main:
        box = box.getparent()
    found: dict = {}
    for line in lines(box)[1:] if box is not None else []:
        if (match := INTRO["location"].match(line)) and not found.get("location"):
            found["location"] = clean(match[1])
        elif INTRO["skip"].match(line):
            continue
        elif (match := INTRO["company"].match(line)) and not found.get("company"):
            found["company"] = clean(match[1])
        elif INTRO["role_at"].match(line) and not found.get("company"):
            found["role"], found["company"] = role_at_company(line)
        elif not found.get("bio") and not found.get("company") and not found.get("location"):
            found["bio"] = line  # the bio comes first in the intro
    return found


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref)
    app_link = (page.meta("al:android:url", "al:ios:url") or "").lower()
    if app_link.startswith(("fb://page", "fb://group", "fb://event")):
        raise NotAProfile("this Facebook page is a Page, not a person's profile")
    found = open_graph(page)
    found["name"] = next((t for h in page.main.iter("h1") if (t := text(h))), None) or found["name"]
    found.update({k: v for k, v in intro(page).items() if v})
    found["links"] = [
        unwrap(page.absolute(a.get("href")))
        for a in page.main.iter("a")
        if "l.facebook.com" in (a.get("href") or "")
    ] + page.rel_me
    return found


TEST_URLS = (
    ("https://m.facebook.com/profile.php?id=100004&ref=bookmarks", "fb-id:100004"),
    ("https://www.facebook.com/Jane.Doe", "fb:jane.doe"),
    ("https://www.facebook.com/people/Jane-Doe/100004/", "fb-id:100004"),
    ("https://www.facebook.com/groups/123", None),
    ("https://www.facebook.com/profile.php", None),
    ("https://www.facebook.com/", None),
)

SITE = Site(
    name="facebook",
    label="Facebook",
    hosts=("facebook.com", "fb.com"),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("fb", "fb-id"),
    extract=extract,
    test_urls=TEST_URLS,
)
