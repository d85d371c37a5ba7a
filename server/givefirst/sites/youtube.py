"""YouTube: channels at /@handle, /channel/<id> (case-sensitive), and legacy /c/ and /user/.

Open Graph has the channel's name, description and avatar; the rendered page lists videos
(`#video-title`) and the channel's links, wrapped in youtube.com/redirect?q=….
Test URLs: see TEST_URLS at the end.
"""

import re

from givefirst.sites import unavailable
from givefirst.sites.base import NotAProfile, ProfileRef, Site, Url, slug
from givefirst.sites.html import clean, name_from_title, text, unwrap
from givefirst.sites.page import Page, open_graph


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


def videos(page: Page) -> list[dict]:
    found = []
    for element in page.by_id("video-title-link") or page.by_id("video-title"):
        link = element if element.tag == "a" else next(element.iterancestors("a"), None)
        found.append(
            {
                "title": clean(element.get("title")) or text(element),
                "date": None,
                "url": page.absolute(link.get("href")) if link is not None else None,
            }
        )
    return found


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref, [text(e) or "" for e in page.by_id("error-page")])
    found = open_graph(page)
    found["name"] = page.meta("og:title") or name_from_title(page.title)
    redirects = [a for a in page.root.iter("a") if "/redirect?" in (a.get("href") or "")]
    found["links"] = [unwrap(page.absolute(a.get("href"))) for a in redirects]
    found["links"] += page.rel_me
    found["activity"] = videos(page)
    return found


TEST_URLS = (
    ("https://youtube.com/@Creator", "yt:@creator"),
    ("https://www.youtube.com/@Creator/videos", "yt:@creator"),
    (
        "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
        "yt:channel/UCabcdefghijklmnopqrstuv",
    ),
    ("https://www.youtube.com/watch?v=abc", None),
    ("https://www.youtube.com/feed/subscriptions", None),
)

SITE = Site(
    name="youtube",
    label="YouTube",
    hosts=("youtube.com",),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("yt",),
    extract=extract,
    test_urls=TEST_URLS,
)
