"""Instagram: instagram.com/<username>/.

Test URLs: see TEST_URLS at the end.
"""

from givefirst.sites.base import Site, Url, first_segment_profile

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
    test_urls=TEST_URLS,
)
