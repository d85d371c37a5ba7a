"""A stored key names its site by its prefix, which the site declares; an unknown prefix is an
error, never quietly a personal site."""

import pytest
from givefirst.sites import KEY_PREFIXES, SITES, UnknownKey, site_of_key


@pytest.mark.parametrize(
    ("key", "site"),
    [
        ("li:jane-doe-12ab", "linkedin"),
        ("x:jack", "x"),
        ("fb:jane.doe", "facebook"),
        ("fb-id:100004", "facebook"),
        ("acct:gargron@mastodon.social", "mastodon"),
        ("web:jane.example/about", "web"),
    ],
)
def test_a_key_belongs_to_the_site_that_declares_its_prefix(key, site):
    assert site_of_key(key).name == site


@pytest.mark.parametrize(
    "key", ["th:zuck", "zuck", "", ":jane", "LI:jane", "page:https://a.example/"]
)
def test_a_prefix_no_site_declares_is_an_error_not_a_personal_site(key):
    with pytest.raises(UnknownKey, match="no site declares the key prefix"):
        site_of_key(key)


def test_every_test_url_key_comes_back_to_its_own_site():
    for site in SITES:
        for _, key in site.test_urls:
            assert key is None or site_of_key(key) is site, key
    assert set(KEY_PREFIXES.values()) == {site.name for site in SITES}
