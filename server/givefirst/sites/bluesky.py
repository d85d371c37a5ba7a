"""Bluesky: bsky.app/profile/<handle or DID>.

Test URLs: see TEST_URLS at the end.
"""

import re

from givefirst.sites.base import NotAProfile, Site, Url, slug


def key_for(url: Url) -> str:
    segments = url.segments
    if len(segments) >= 2 and segments[0] == "profile":
        actor = slug(segments[1])
        if re.fullmatch(r"did:[a-z0-9]+:[a-z0-9._:%-]+|[a-z0-9.-]+\.[a-z0-9-]+", actor):
            return f"bsky:{actor}"
    raise NotAProfile("this Bluesky page is not a person's profile")


def url_for(key: str) -> str:
    return f"https://bsky.app/profile/{key.removeprefix('bsky:')}"


TEST_URLS = (
    ("https://bsky.app/profile/Alice.Bsky.Social", "bsky:alice.bsky.social"),
    ("https://bsky.app/profile/alice.bsky.social/post/3k2", "bsky:alice.bsky.social"),
    ("https://bsky.app/profile/did:plc:abc123", "bsky:did:plc:abc123"),
    ("https://bsky.app/search?q=x", None),
    ("https://bsky.app/", None),
)

SITE = Site(
    name="bluesky",
    label="Bluesky",
    hosts=("bsky.app",),
    key_for=key_for,
    url_for=url_for,
    test_urls=TEST_URLS,
)
