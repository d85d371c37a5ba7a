"""Facebook: facebook.com/<username>, profile.php?id=<n> and /people/<Name>/<n>.

Test URLs: see TEST_URLS at the end.
"""

import re

from givefirst.sites.base import NotAProfile, Site, Url, first_segment_profile

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
    test_urls=TEST_URLS,
)
