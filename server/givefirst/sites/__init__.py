"""The registry of supported sites, and turning any profile URL into its canonical key.

Add a site by writing one module beside this one and listing its SITE below; order matters only
in that Mastodon claims "/@user" paths on hosts no earlier site owns, and `web` takes the rest.
"""

from givefirst.sites import (
    bluesky,
    facebook,
    github,
    instagram,
    linkedin,
    mastodon,
    web,
    x,
    youtube,
)
from givefirst.sites.base import InvalidUrl, NotAProfile, ProfileRef, Site, Url, parse_url

SITES: tuple[Site, ...] = (
    linkedin.SITE,
    x.SITE,
    github.SITE,
    facebook.SITE,
    instagram.SITE,
    youtube.SITE,
    bluesky.SITE,
    mastodon.SITE,
    web.SITE,
)
BY_NAME = {site.name: site for site in SITES}

__all__ = ["SITES", "InvalidUrl", "NotAProfile", "ProfileRef", "canonicalise", "site_for"]


def site_for(url: Url) -> Site:
    """The site that owns this URL's host; personal sites take whatever is left."""
    for site in SITES:
        if site.owns(url.host):
            return site
    return mastodon.SITE if mastodon.claims(url) else web.SITE


def canonicalise(raw: object) -> ProfileRef:
    """Profile URL (or a fediverse @user@domain handle) → its canonical key, site and URL.

    Raises InvalidUrl for what is not an http(s) URL, NotAProfile for pages that are not a person.
    """
    if isinstance(raw, str):
        handle_key = mastodon.key_for_handle(raw)
        if handle_key:
            return ProfileRef(handle_key, mastodon.SITE.name, mastodon.url_for(handle_key))
    url = parse_url(raw)
    site = site_for(url)
    key = site.key_for(url)
    return ProfileRef(key=key, site=site.name, url=site.url_for(key))


def site_of_key(key: str) -> Site:
    """The site a stored key belongs to, from its prefix."""
    prefix = key.split(":", 1)[0]
    return BY_NAME[KEY_PREFIXES.get(prefix, "web")]


KEY_PREFIXES = {
    "li": "linkedin", "x": "x", "gh": "github", "fb": "facebook", "fb-id": "facebook",
    "ig": "instagram", "yt": "youtube", "bsky": "bluesky", "acct": "mastodon", "web": "web",
}  # fmt: skip
