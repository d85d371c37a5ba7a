"""The service's sites (server/givefirst/sites/) and the extension's (extension/content/sites/) are
one registry in two languages: every site file is registered, each site declares its key
prefixes and reserved paths once per language and the two agree, and both languages' test URLs
give the same keys in both."""

import importlib
import json
from pathlib import Path

import pytest
from givefirst import sites
from givefirst.sites import SITES, InvalidUrl, NotAProfile, canonicalise

from tests.extension.test_extension_code import in_node, manifest
from tests.support.browser import EXTENSION_DIR

PY_SITES = Path(sites.__file__).parent
JS_SITES = EXTENSION_DIR / "content" / "sites"
# What sites/ holds besides the sites: the helpers every reader shares.
PY_HELPERS = {"base", "html", "jsonld", "microformats", "page", "unavailable"}
JS_HELPERS = {"base"}
# Where the two differ on purpose, each with why; a test fails when one no longer differs.
KNOWN_DIFFERENCES = {
    # The app rewrites an old hash-bang address to /jack before any profile is drawn, and the
    # content script follows that change; only the service ever reads the hash-bang itself.
    "https://twitter.com/#!/jack": ("x:jack", None),
    # The service never reads a page on this computer; the extension just asks it and is told so.
    "http://localhost:8000/about": (None, "web:localhost/about"),
}

JS_SITES_EXPRESSION = """[...GF.SITES, GF.sites.web].map((site) => ({
  name: site.name,
  keyPrefixes: site.keyPrefixes,
  reserved: site.reserved ? [...site.reserved].sort() : null,
  testUrls: site.testUrls,
}))"""


@pytest.fixture(scope="module")
def js_sites() -> dict[str, dict]:
    return {site["name"]: site for site in in_node(JS_SITES_EXPRESSION)}


def js_keys(urls: list[str]) -> list[list]:
    """[site name, key] for each URL, as a content script on that page would read it."""
    routed = """(() => %s.map((href) => {
      const url = new URL(href);
      const site = GF.siteFor(url.hostname, true);
      return [site.name, site.profileKey(url)];
    }))()"""
    return in_node(routed % json.dumps(urls))


def service_key(url: str) -> list:
    try:
        ref = canonicalise(url)
    except (NotAProfile, InvalidUrl):
        return [None, None]
    return [ref.site, ref.key]


def as_a_browser_shows_it(url: str) -> str | None:
    """The address bar always has a scheme; a fediverse handle is no address at all."""
    if url.startswith("@"):
        return None
    return url if "://" in url else f"https://{url}"


def test_every_python_module_in_sites_is_a_registered_site_or_a_shared_helper():
    names = {p.stem for p in PY_SITES.iterdir() if p.suffix == ".py" and p.stem != "__init__"}
    names |= {p.name for p in PY_SITES.iterdir() if (p / "__init__.py").exists()}
    unregistered = []
    for name in sorted(names - PY_HELPERS):
        module = importlib.import_module(f"givefirst.sites.{name}")
        if getattr(module, "SITE", None) not in SITES:
            unregistered.append(name)
    assert unregistered == []
    assert {site.name for site in SITES} == names - PY_HELPERS


def test_every_extension_site_file_is_loaded_and_registered(js_sites):
    files = {p.stem for p in JS_SITES.glob("*.js")}
    loaded = {f for f in manifest()["content_scripts"][0]["js"] if f.startswith("content/sites/")}
    assert loaded == {f"content/sites/{name}.js" for name in files}
    assert set(js_sites) == files - JS_HELPERS
    assert in_node("Object.keys(GF.sites).sort()") == sorted(files - JS_HELPERS)


def test_each_site_declares_its_key_prefixes_and_no_two_sites_share_one():
    declared = [prefix for site in SITES for prefix in site.key_prefixes]
    assert all(site.key_prefixes for site in SITES)
    assert len(declared) == len(set(declared)) == len(sites.KEY_PREFIXES)
    for site in SITES:
        for _, key in site.test_urls:
            assert key is None or key.split(":", 1)[0] in site.key_prefixes, key


def test_the_extension_declares_the_same_key_prefixes_and_reserved_paths(js_sites):
    for site in SITES:
        js = js_sites[site.name]
        assert js["keyPrefixes"] == list(site.key_prefixes), site.name
        module = importlib.import_module(site.extract.__module__)
        reserved = getattr(module, "RESERVED", None)
        assert js["reserved"] == (sorted(reserved) if reserved is not None else None), site.name


def test_both_languages_test_urls_give_the_same_keys_in_both(js_sites):
    cases = {url: key for site in SITES for url, key in site.test_urls}
    cases |= {url: key for site in js_sites.values() for url, key in site["testUrls"]}
    assert len(cases) >= 60
    # Only the service reads a handle typed or pasted as text; the extension reads addresses.
    shown = {url: as_a_browser_shows_it(url) for url in cases if as_a_browser_shows_it(url)}
    in_js = dict(zip(shown, js_keys(list(shown.values())), strict=True))
    differences = {}
    for url, expected in cases.items():
        service = service_key(url)
        assert service[1] == expected, url
        if url not in in_js:
            continue
        if in_js[url][1] != service[1]:
            differences[url] = (service[1], in_js[url][1])
        elif expected:
            assert in_js[url][0] == service[0], url
    assert differences == KNOWN_DIFFERENCES
