"""X (Twitter): x.com/<handle> and twitter.com/<handle>, with app routes that are not people.

Test URLs: see TEST_URLS at the end.
"""

from givefirst.sites.base import Site, Url, first_segment_profile

# Exact first path segments that are X's own pages; "homer" and "ivan" are still people.
RESERVED = frozenset(
    [
        "home",
        "explore",
        "notifications",
        "messages",
        "settings",
        "search",
        "compose",
        "i",
        "intent",
        "share",
        "hashtag",
        "login",
        "logout",
        "signup",
        "tos",
        "privacy",
        "about",
        "account",
        "download",
        "jobs",
        "premium",
        "lists",
        "topics",
        "communities",
        "bookmarks",
        "following",
        "followers",
        "verified",
        "help",
    ]
)


def key_for(url: Url) -> str:
    return first_segment_profile(url, "x", r"[A-Za-z0-9_]{1,15}", RESERVED, "X")


def url_for(key: str) -> str:
    return f"https://x.com/{key.removeprefix('x:')}"


TEST_URLS = (
    ("https://twitter.com/Jack", "x:jack"),
    ("https://x.com/jack/status/1", "x:jack"),
    ("https://mobile.x.com/jack", "x:jack"),
    ("https://twitter.com/#!/jack", "x:jack"),
    ("https://x.com/ivan", "x:ivan"),
    ("https://x.com/homer", "x:homer"),
    ("https://x.com/home", None),
    ("https://x.com/i/lists/1", None),
    ("https://x.com/explore", None),
    ("https://x.com/settings/profile", None),
)

SITE = Site(
    name="x",
    label="X (Twitter)",
    hosts=("x.com", "twitter.com"),
    key_for=key_for,
    url_for=url_for,
    test_urls=TEST_URLS,
)
