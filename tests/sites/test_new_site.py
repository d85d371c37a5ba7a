"""`scripts/new-site` writes a new site that works from the start: run into a scratch folder, its
Python module is lint-clean and reads its own test URLs, its JavaScript passes ESLint and reads
both languages' test URLs as the Python does, and its saved page gives the expected profile once
the site is registered."""

import ast
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from givefirst import sites
from givefirst.extract import extract
from givefirst.sites import NotAProfile, canonicalise, parse_url

from tests.extension.test_extension_code import in_node
from tests.test_function_size import eslint

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "new-site"
SITE = ["threads", "Threads", "threads.net", "th"]
WRITTEN = [
    "server/givefirst/sites/threads.py",
    "extension/content/sites/threads.js",
    "tests/sites/fixtures/threads/profile.html",
    "tests/sites/fixtures/threads/profile.json",
]

READ_BY_THE_NEW_SITE = """(() => {
  const site = GF.sites.threads;
  return {
    prefixes: site.keyPrefixes,
    reserved: [...site.reserved].sort(),
    urls: site.testUrls,
    keys: URLS.map((url) => site.profileKey(new URL(url))),
  };
})()"""


def new_site(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("repository")
    result = new_site(*SITE, "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert [line.removeprefix("wrote ") for line in result.stdout.splitlines()[:4]] == WRITTEN
    assert "server/givefirst/sites/__init__.py" in result.stdout  # where to register it
    return root


@pytest.fixture(scope="module")
def module(scratch):
    path = scratch / WRITTEN[0]
    spec = importlib.util.spec_from_file_location("givefirst.sites.threads", path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def python_key(module, url: str) -> str | None:
    try:
        return module.key_for(parse_url(url))
    except NotAProfile:
        return None


def test_a_dry_run_prints_the_files_and_writes_nothing():
    result = new_site(*SITE, "--dry-run")
    assert result.returncode == 0, result.stderr
    printed = dict(
        chunk.split("\n", 1) for chunk in result.stdout.split("--- ")[1:]
    )  # path → text, the registry lines after the last file
    assert list(printed) == WRITTEN
    ast.parse(printed[WRITTEN[0]])
    json.loads(printed[WRITTEN[3]].split("\nNow register", 1)[0])
    assert not any((ROOT / path).exists() for path in WRITTEN)


def test_it_refuses_a_name_or_prefix_that_is_taken_and_writes_nothing(tmp_path):
    result = new_site("x", "X", "x.example", "gh", "--root", str(tmp_path))
    assert result.returncode == 2
    assert "a site named 'x' exists already" in result.stderr
    assert "the key prefix 'gh' is github's already" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_python_module_is_clean_and_reads_its_test_urls(scratch, module):
    ruff = [sys.executable, "-m", "ruff"]
    config = ["--config", str(ROOT / "pyproject.toml")]
    path = str(scratch / WRITTEN[0])
    for check in (["check", *config, path], ["format", "--check", *config, path]):
        result = subprocess.run([*ruff, *check], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
    assert module.SITE.key_prefixes == ("th",) and module.SITE.hosts == ("threads.net",)
    for url, key in module.TEST_URLS:
        assert python_key(module, url) == key, url
        assert key is None or module.SITE.url_for(key).startswith("https://threads.net/")


def test_the_javascript_passes_eslint_and_reads_both_languages_urls_as_python_does(scratch, module):
    source = (scratch / WRITTEN[1]).read_text(encoding="utf-8")
    linted = eslint("--stdin", "--stdin-filename", WRITTEN[1], source=source)
    assert json.loads(linted.stdout)[0]["messages"] == []
    urls = json.dumps([url for url, _ in module.TEST_URLS])
    js = in_node(READ_BY_THE_NEW_SITE.replace("URLS", urls), str(scratch / WRITTEN[1]))
    assert js["prefixes"] == list(module.SITE.key_prefixes)
    assert js["reserved"] == sorted(module.RESERVED)
    assert js["keys"] == [key for _, key in module.TEST_URLS]
    for url, key in js["urls"]:
        assert python_key(module, url) == key, url


def test_once_registered_its_saved_page_gives_the_expected_profile(scratch, module, monkeypatch):
    monkeypatch.setattr(sites, "SITES", (module.SITE, *sites.SITES))
    monkeypatch.setitem(sites.BY_NAME, "threads", module.SITE)
    monkeypatch.setitem(sites.KEY_PREFIXES, "th", "threads")
    answer = json.loads((scratch / WRITTEN[3]).read_text(encoding="utf-8"))
    ref = canonicalise(answer["url"])
    html = (scratch / WRITTEN[2]).read_text(encoding="utf-8")
    profile = extract(ref, html, None, None)
    profile["links"] = [link["key"] for link in profile["links"]]
    assert profile == answer["profile"]
