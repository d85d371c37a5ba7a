"""YouTube: channels at /@handle, /channel/<id> (case-sensitive), and legacy /c/ and /user/.

Test URLs: see TEST_URLS at the end.
"""

import re

from givefirst.sites.base import NotAProfile, Site, Url, slug


def key_for(url: Url) -> str:
    segments = url.segments
    if segments and re.fullmatch(r"@[A-Za-z0-9._-]{1,100}", segments[0]):
        return f"yt:{slug(segments[0])}"
    if (
        len(segments) >= 2
        and segments[0] == "channel"
        and re.fullmatch(r"UC[\w-]{22}", segments[1])
    ):
        return f"yt:channel/{segments[1]}"
    if len(segments) >= 2 and segments[0] in ("c", "user"):
        return f"yt:{segments[0]}/{slug(segments[1])}"
    raise NotAProfile("this YouTube page is not a channel")


def url_for(key: str) -> str:
    return f"https://www.youtube.com/{key.removeprefix('yt:')}"


TEST_URLS = (
    ("https://youtube.com/@Creator", "yt:@creator"),
    ("https://www.youtube.com/@Creator/videos", "yt:@creator"),
    ("https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", "yt:channel/UCabcdefghijklmnopqrstuv"),
    ("https://www.youtube.com/watch?v=abc", None),
    ("https://www.youtube.com/feed/subscriptions", None),
)  # fmt: skip

SITE = Site(
    name="youtube",
    label="YouTube",
    hosts=("youtube.com",),
    key_for=key_for,
    url_for=url_for,
    test_urls=TEST_URLS,
)
