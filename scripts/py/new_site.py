"""Write the files a new profile site needs, then say which registry lines to add.

    scripts/new-site NAME LABEL HOST PREFIX [--dry-run] [--root DIR]
    scripts/new-site threads Threads threads.net th

It writes a start that works for the common "<host>/<handle>" shape: the service's module
(server/givefirst/sites/NAME.py), the extension's (extension/content/sites/NAME.js) and a saved
page with its expected profile (tests/sites/fixtures/NAME/profile.html + .json). Registering the
site is left to a person, in the places it prints, because the order of the lists matters; until
then tests/extension/test_site_registry.py fails, naming the new files. --dry-run prints what it
would write and writes nothing.
"""

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "server"))

from givefirst.sites import BY_NAME, KEY_PREFIXES  # noqa: E402

HANDLE = "Jane.Doe"  # the test URLs' and the saved page's person


def python_module(name: str, label: str, host: str, prefix: str) -> str:
    handle = HANDLE.lower()
    return f'''"""{label}: {host}/<handle>, with a few paths that are the site's own pages.

Written by scripts/new-site as a start: make key_for, url_for and extract read the real site's
pages, and save pages shaped like them in tests/sites/fixtures/{name}/.
Test URLs: see TEST_URLS at the end.
"""

from givefirst.sites import unavailable
from givefirst.sites.base import ProfileRef, Site, Url, first_segment_profile
from givefirst.sites.page import Page, open_graph

# Exact first path segments that are the site's own pages, not people.
RESERVED = frozenset(["login", "settings", "search", "explore", "about"])


def key_for(url: Url) -> str:
    return first_segment_profile(url, "{prefix}", r"[A-Za-z0-9_.]{{1,30}}", RESERVED, "{label}")


def url_for(key: str) -> str:
    return f"https://{host}/{{key.removeprefix('{prefix}:')}}"


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref)
    return open_graph(page)


TEST_URLS = (
    ("https://{host}/{HANDLE}", "{prefix}:{handle}"),
    ("https://www.{host}/{handle}/posts", "{prefix}:{handle}"),
    ("https://{host}/login", None),
    ("https://{host}/", None),
)

SITE = Site(
    name="{name}",
    label="{label}",
    hosts=("{host}",),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("{prefix}",),
    extract=extract,
    test_urls=TEST_URLS,
)
'''


def javascript_module(name: str, label: str, host: str, prefix: str) -> str:
    handle = HANDLE.lower()
    return f"""// {label}: {host}/<handle>. Written by scripts/new-site as a start, like the service's
// server/givefirst/sites/{name}.py: keep the two in step (tests/extension/test_site_registry.py).
(() => {{
  const {{ firstSegmentKey, text, nameFromTitle }} = globalThis.GF.siteKit;
  const RESERVED = new Set("login settings search explore about".split(" "));

  globalThis.GF.sites.{name} = {{
    name: "{name}",
    label: "{label}",
    hosts: ["{host}"],
    keyPrefixes: ["{prefix}"],
    reserved: RESERVED,
    profileKey: (url) => firstSegmentKey(url, "{prefix}", /^[A-Za-z0-9_.]{{1,30}}$/, RESERVED),
    readName(doc) {{
      return text(doc, "main h1") || nameFromTitle(doc, /\\s+[|•·-]\\s+{re.escape(label)}$/);
    }},
    testUrls: [
      ["https://{host}/{HANDLE}", "{prefix}:{handle}"],
      ["https://www.{host}/{handle}/posts", "{prefix}:{handle}"],
      ["https://{host}/login", null],
    ],
  }};
}})();
"""


def fixture_page(label: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Jane Doe | {label}</title>
  <meta property="og:title" content="Jane Doe">
  <meta property="og:description" content="Maker of small useful things.">
  <meta property="og:image" content="https://cdn.example/jane.jpg">
</head>
<body>
<main><h1>Jane Doe</h1><p>Maker of small useful things.</p></main>
</body>
</html>
"""


def fixture_answer(name: str, host: str, prefix: str) -> str:
    handle = HANDLE.lower()
    url = f"https://{host}/{handle}"
    profile = {
        "key": f"{prefix}:{handle}",
        "site": name,
        "url": url,
        "name": "Jane Doe",
        "headline": None,
        "company": None,
        "role": None,
        "location": None,
        "bio": "Maker of small useful things.",
        "photo_url": "https://cdn.example/jane.jpg",
        "links": [],
        "activity": [],
    }
    answer = {"url": url, "about": "A profile page: Open Graph only", "profile": profile}
    return json.dumps(answer, indent=2, ensure_ascii=False) + "\n"


def files(name: str, label: str, host: str, prefix: str) -> dict[str, str]:
    """The new files, by path relative to the repository's root."""
    fixtures = f"tests/sites/fixtures/{name}"
    return {
        f"server/givefirst/sites/{name}.py": python_module(name, label, host, prefix),
        f"extension/content/sites/{name}.js": javascript_module(name, label, host, prefix),
        f"{fixtures}/profile.html": fixture_page(label),
        f"{fixtures}/profile.json": fixture_answer(name, host, prefix),
    }


def registry_lines(name: str, label: str, host: str, prefix: str) -> str:
    return f"""Now register {label}, in this order of the lists (before `web`, which takes the rest):
  server/givefirst/sites/__init__.py   import {name}; add {name}.SITE to SITES before web.SITE
  extension/content/registry.js        add sites.{name} to SITES
  extension/manifest.json              "content/sites/{name}.js" in content_scripts' js, before
                                       "content/sites/web.js"; "*://*.{host}/*" in both
                                       content_scripts' and web_accessible_resources' matches
  README.md                            a row in "Supported sites": | {label} | `{host}/<handle>` | `{prefix}:<handle>` | … |
Then run tests/extension/test_site_registry.py and tests/sites/."""


def problems(name: str, label: str, host: str, prefix: str, root: Path) -> list[str]:
    found = []
    if not re.fullmatch(r"[a-z][a-z0-9]{0,30}", name):
        found.append(f"the name {name!r} must be lower-case letters and digits")
    if name in BY_NAME:
        found.append(f"a site named {name!r} exists already")
    if not label.strip() or '"' in label or "\\" in label:
        found.append("the label must be a plain name")
    if not re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", host):
        found.append(f"{host!r} is not a host name like example.com")
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,10}", prefix):
        found.append(f"the key prefix {prefix!r} must be a short lower-case word")
    if prefix in KEY_PREFIXES:
        found.append(f"the key prefix {prefix!r} is {KEY_PREFIXES[prefix]}'s already")
    found += [
        f"{path} exists already"
        for path in files(name, label, host, prefix)
        if (root / path).exists()
    ]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the files a new profile site needs.")
    parser.add_argument("name", help="the site's name in keys and code: threads")
    parser.add_argument("label", help="the site's name as people write it: Threads")
    parser.add_argument("host", help="the domain it owns, subdomains included: threads.net")
    parser.add_argument("prefix", help="what its keys start with: th")
    parser.add_argument("--dry-run", action="store_true", help="print the files, write nothing")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository to write into")
    args = parser.parse_args(argv)
    site = (args.name, args.label, args.host, args.prefix)
    refused = problems(*site, args.root)
    if refused:
        print("\n".join(refused), file=sys.stderr)
        return 2
    for path, text in files(*site).items():
        if args.dry_run:
            print(f"--- {path}\n{text}")
            continue
        (args.root / path).parent.mkdir(parents=True, exist_ok=True)
        (args.root / path).write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    print(registry_lines(*site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
