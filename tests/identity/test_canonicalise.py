"""Profile URLs → canonical keys: every site's own test URLs, the issue's cases, and refusals."""

import pytest
from givefirst.sites import SITES, InvalidUrl, NotAProfile, canonicalise

SITE_CASES = [
    pytest.param(url, key, id=f"{site.name}:{url}") for site in SITES for url, key in site.test_urls
]


@pytest.mark.parametrize(("url", "key"), SITE_CASES)
def test_each_sites_own_test_urls_hold(url, key):
    if key is None:
        with pytest.raises(NotAProfile):
            canonicalise(url)
    else:
        assert canonicalise(url).key == key


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://uk.linkedin.com/in/Jane-Doe-12ab/?originalSubdomain=uk", "li:jane-doe-12ab"),
        ("linkedin.com/in/jane-doe-12ab/details/experience/", "li:jane-doe-12ab"),
        ("https://de.linkedin.com/in/jane-doe-12ab", "li:jane-doe-12ab"),
        ("https://twitter.com/Jack", "x:jack"),
        ("x.com/jack/status/1", "x:jack"),
        ("mobile.x.com/jack", "x:jack"),
        ("twitter.com/#!/jack", "x:jack"),
        ("x.com/ivan", "x:ivan"),
        ("x.com/homer", "x:homer"),
        ("https://github.com/Torvalds?tab=repositories", "gh:torvalds"),
        ("github.com/teamcity", "gh:teamcity"),
        ("https://mastodon.social/@Gargron", "acct:gargron@mastodon.social"),
        ("https://mastodon.social/users/gargron", "acct:gargron@mastodon.social"),
        ("@gargron@mastodon.social", "acct:gargron@mastodon.social"),
        ("https://m.facebook.com/profile.php?id=100004&ref=bookmarks", "fb-id:100004"),
        ("bsky.app/profile/Alice.Bsky.Social", "bsky:alice.bsky.social"),
        ("instagram.com/Some.User/?igsh=abc", "ig:some.user"),
        ("youtube.com/@Creator", "yt:@creator"),
        ("HTTPS://WWW.Example.com:443/about/#me?utm_source=x", "web:example.com/about"),
    ],
)
def test_the_issue_cases_map_to_their_keys(url, key):
    assert canonicalise(url).key == key


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/company/acme/",
        "https://www.linkedin.com/feed/",
        "https://www.linkedin.com/jobs/view/42/",
        "x.com/home",
        "x.com/i/lists/1",
        "x.com/explore",
        "x.com/settings/profile",
        "github.com/settings",
        "github.com/orgs/x",
        "github.com/marketplace",
        "github.com/torvalds/linux",
        "https://www.youtube.com/watch?v=abc",
        "https://www.instagram.com/p/abc/",
        "https://www.facebook.com/groups/1",
    ],
)
def test_pages_that_are_not_a_person_are_refused(url):
    with pytest.raises(NotAProfile):
        canonicalise(url)


def test_percent_encoded_and_raw_unicode_slugs_give_the_same_key():
    encoded = canonicalise("https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a/")
    raw = canonicalise("https://www.linkedin.com/in/Jürgen-Müller-1a")
    decomposed = canonicalise("https://www.linkedin.com/in/ju\u0308rgen-mu\u0308ller-1a")
    assert encoded.key == raw.key == decomposed.key == "li:jürgen-müller-1a"


def test_zero_width_and_bidi_characters_do_not_change_the_key():
    assert canonicalise("https://x.com/\u200bja\u202eck").key == "x:jack"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "",
        "   ",
        "https://",
        "http://exa mple.com/x",
        "https://x.com/a\x00b",
        42,
        None,
        "a" * 5000,
    ],
)
def test_what_is_not_an_http_url_is_invalid(url):
    with pytest.raises(InvalidUrl):
        canonicalise(url)


def test_the_remote_account_shown_on_another_server_follows_the_account():
    assert canonicalise("https://hachyderm.io/@ada@example.social").key == "acct:ada@example.social"


def test_medium_style_at_paths_are_personal_pages_not_fediverse_accounts():
    assert canonicalise("https://medium.com/@jane").site == "web"


@pytest.mark.parametrize(("url", "key"), SITE_CASES)
def test_the_canonical_url_of_a_key_maps_back_to_the_same_key(url, key):
    if key is not None:
        assert canonicalise(canonicalise(url).url).key == key


def test_every_registered_site_has_test_urls_with_a_profile_and_a_refusal():
    for site in SITES:
        keys = [key for _, key in site.test_urls]
        assert any(keys), f"{site.name} has no profile test URL"
        if site.name != "web":
            assert None in keys, f"{site.name} has no not-a-profile test URL"
