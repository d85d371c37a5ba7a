"""Synthetic profile pages shaped like each supported site's (title, landmarks, test ids).

Every person here is invented. `PROFILE_PAGES[site](handle, name)` gives (url, html).
"""

from html import escape


def page(title: str, body: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"{head}</head><body>{body}</body></html>"
    )


def linkedin(handle: str, name: str) -> tuple[str, str]:
    body = (
        '<header><nav aria-label="Primary"><a href="/feed/">Home</a></nav></header>'
        '<main class="scaffold-layout__main"><section class="artdeco-card">'
        f'<h1 class="t-24 v-align-middle">{escape(name)}</h1>'
        '<div class="text-body-medium break-words">Product designer at Northwind Labs</div>'
        '<span class="text-body-small">Lisbon, Portugal</span>'
        '<button aria-label="Invite to connect" class="artdeco-button">Connect</button>'
        "</section></main>"
    )
    return f"https://www.linkedin.com/in/{handle}/", page(f"(2) {name} | LinkedIn", body)


def x(handle: str, name: str) -> tuple[str, str]:
    schema = (
        '<script type="application/ld+json" data-testid="UserProfileSchema-test">'
        f'{{"@type": "ProfilePage", "mainEntity": {{"@type": "Person", '
        f'"additionalName": "{handle}"}}}}</script>'
    )
    body = (
        '<main role="main"><div data-testid="primaryColumn">'
        f'<div data-testid="UserName"><span>{escape(name)}</span><span>@{handle}</span></div>'
        '<div data-testid="UserDescription">Writes about small tools.</div>'
        f"</div></main>{schema}"
    )
    return f"https://x.com/{handle}", page(f"{name} (@{handle}) / X", body)


def github(handle: str, name: str) -> tuple[str, str]:
    body = (
        '<main><div class="vcard-names-container"><h1 class="vcard-names">'
        f'<span class="p-name vcard-fullname" itemprop="name">{escape(name)}</span>'
        f'<span class="p-nickname vcard-username" itemprop="additionalName">{handle}</span>'
        '</h1></div><div class="p-note user-profile-bio">Maintains a few libraries.</div></main>'
    )
    return f"https://github.com/{handle}", page(f"{handle} ({name}) · GitHub", body)


def facebook(handle: str, name: str) -> tuple[str, str]:
    body = f'<div role="main"><div><h1 class="x1heor9g">{escape(name)}</h1></div></div>'
    return f"https://www.facebook.com/{handle}", page(f"{name} | Facebook", body)


def instagram(handle: str, name: str) -> tuple[str, str]:
    body = (
        f'<main role="main"><header><section><h2 dir="auto">{handle}</h2>'
        f'<span dir="auto">{escape(name)}</span></section></header></main>'
    )
    title = f"{name} (@{handle}) • Instagram photos and videos"
    return f"https://www.instagram.com/{handle}/", page(title, body)


def youtube(handle: str, name: str) -> tuple[str, str]:
    body = (
        '<ytd-app><div id="content"><div id="page-header">'
        f'<h1 class="dynamic-text-view-model-wiz__h1">{escape(name)}</h1>'
        f"<span>@{handle}</span></div></div></ytd-app>"
    )
    return f"https://www.youtube.com/@{handle}", page(f"{name} - YouTube", body)


def bluesky(handle: str, name: str) -> tuple[str, str]:
    actor = f"{handle}.bsky.social"
    body = (
        f'<main><div data-testid="profileHeaderDisplayName">{escape(name)}</div>'
        f'<div data-testid="profileHeaderHandle">@{actor}</div></main>'
    )
    return f"https://bsky.app/profile/{actor}", page(f"{name} (@{actor}) — Bluesky", body)


def mastodon(handle: str, name: str) -> tuple[str, str]:
    account = f"{handle}@mastodon.social"
    head = f'<meta property="og:title" content="{escape(name)} (@{account})">'
    body = (
        '<div id="mastodon"><div class="account__header__tabs__name">'
        f"<h1><span>{escape(name)}</span><small>@{account}</small></h1></div></div>"
    )
    url = f"https://mastodon.social/@{handle}"
    return url, page(f"{name} (@{account}) - Mastodon", body, head)


PROFILE_PAGES = {
    "linkedin": linkedin,
    "x": x,
    "github": github,
    "facebook": facebook,
    "instagram": instagram,
    "youtube": youtube,
    "bluesky": bluesky,
    "mastodon": mastodon,
}
