"""A single-page app shaped like LinkedIn: one shell for every URL, pushState navigation, and the
new person drawn only after a delay, the way real sites fetch and then render. A person may
have their own title (a Mastodon account's, say); pages that are not a person show the feed's
"Start a post" heading.

The page runs under a strict CSP with a nonce, as LinkedIn's does.
"""

import json

NONCE = "c3BhLW5vbmNl"
CSP = {
    "Content-Security-Policy": f"default-src 'self'; script-src 'nonce-{NONCE}'; object-src 'none'"
}

SHELL = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed | LinkedIn</title>
<link rel="canonical" href="/feed/"><meta property="og:title" content="Feed">
</head><body><header><nav aria-label="Primary">Home</nav></header><main></main>
<script nonce="{nonce}">
const PEOPLE = {people};
const OWN_LINKS = {own_links};
function render(path) {{
  const main = document.querySelector("main");
  const person = PEOPLE[path];
  const heading = document.createElement("h1");
  if (!person) {{
    heading.textContent = "Start a post";
    main.replaceChildren(heading);
    document.title = "Feed | LinkedIn";
    return;
  }}
  heading.textContent = person.name;
  const headline = document.createElement("div");
  headline.textContent = person.headline;
  main.replaceChildren(heading, headline);
  if (OWN_LINKS) {{
    const contact = document.createElement("a");
    contact.href = path + "overlay/contact-info/";
    contact.textContent = "Contact info";
    main.append(contact);
  }}
  document.title = person.title || "(1) " + person.name + " | LinkedIn";
}}
// The head's canonical link and Open Graph title, which the app may update after the body.
function renderHead(path) {{
  const person = PEOPLE[path];
  document.querySelector("link[rel=canonical]").href = person ? path : "/feed/";
  document.querySelector("meta[property='og:title']").content = person ? person.name : "Feed";
}}
// Navigate like the app: the URL changes now, the page is drawn when "the data arrives".
window.go = (path, delay, headDelay = delay) => {{
  history.pushState({{}}, "", path);
  setTimeout(() => render(path), delay);
  setTimeout(() => renderHead(path), headDelay);
}};
addEventListener("popstate", () => setTimeout(() => {{
  render(location.pathname);
  renderHead(location.pathname);
}}, 50));
render(location.pathname);
renderHead(location.pathname);
</script></body></html>"""


def spa(people: dict[str, tuple[str, ...]], own_links: bool = False) -> str:
    """The shell; `people` maps a path like "/in/jane/" to (name, headline[, title]).

    With `own_links`, a profile links to its own contact info, as LinkedIn's do.
    """
    data = {
        path: {"name": n, "headline": h, "title": rest[0] if rest else None}
        for path, (n, h, *rest) in people.items()
    }
    return SHELL.format(
        nonce=NONCE,
        people=json.dumps(data).replace("</", "<\\/"),
        own_links=json.dumps(own_links),
    )


# Records, in the page's own world, every state the overlay shows together with the URL, so a
# test can prove no person was ever shown under another person's URL.
# Run in the card page of the app's tab: records [path of the page the card is about, name, verdict]
# at every change of what the card draws.
RECORD_CARD = """() => {
  window.__shown = [];
  const note = () => {
    const name = document.querySelector("[data-testid=gf-name]")?.textContent || null;
    const verdict = document.querySelector("[data-testid=gf-verdict]")?.dataset.verdict ?? null;
    const url = document.body.dataset.url;
    window.__shown.push([url ? new URL(url).pathname : null, name, verdict]);
  };
  new MutationObserver(note).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""
