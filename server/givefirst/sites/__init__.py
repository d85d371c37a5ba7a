"""The registry of supported sites, and turning any profile URL into its canonical key.

Add a site by writing one module beside this one (`scripts/new-site` writes a start) and listing
its SITE below; order matters only in that Mastodon claims "/@user" paths on hosts no earlier site
owns, and `web` takes the rest. Each site declares the prefixes of its keys; a key with a prefix
no site declares is an error, never quietly a personal site.
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
from givefirst.sites.base import (
    InvalidUrl,
    NotAProfile,
    ProfileRef,
    Site,
    UnknownKey,
    Url,
    parse_url,
)

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
KEY_PREFIXES = {prefix: site.name for site in SITES for prefix in site.key_prefixes}

__all__ = [
    "SITES",
    "InvalidUrl",
    "NotAProfile",
    "ProfileRef",
    "UnknownKey",
    "canonicalise",
    "site_for",
    "site_of_key",
]


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
    """The site a stored key belongs to, from its prefix. Raises UnknownKey when no site
    declares the prefix."""
    prefix = key.split(":", 1)[0]
    if prefix not in KEY_PREFIXES:
        raise UnknownKey(f"no site declares the key prefix {prefix[:40]!r}")
    return BY_NAME[KEY_PREFIXES[prefix]]
