"""Synthetic messaging pages shaped like LinkedIn's (the full page and a chat bubble) and X Chat's
(a shadow root under xchatEmbedRoute), whose scripts send as the sites do: the message appears as
a row of yours and the box empties. Every person and member id here is invented."""

from html import escape

from tests.support.profile_pages import page

MY_MEMBER_ID = "ACoAAMe0000000000000000000000000000000A"


def member_id(seed: str) -> str:
    """A 39-character member id, like LinkedIn's /in/ACoAA… ones."""
    return ("ACoAA" + "".join(c for c in seed.title() if c.isalnum()) + "0" * 34)[:39]


LINKEDIN_SCRIPT = """
let sent = 0;
const me = document.body.dataset.me;
function row(sender, text, urn) {
  const li = document.createElement('li');
  li.dataset.eventUrn = urn;
  const who = document.createElement('a');
  who.href = '/in/' + sender + '/';
  who.textContent = sender === me ? 'You' : 'Them';
  const p = document.createElement('p');
  p.textContent = text;
  li.append(who, p);
  return li;
}
for (const form of document.querySelectorAll('form')) {
  const box = form.querySelector('[role=textbox]');
  const list = form.closest('.conversation').querySelector('ul');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = box.innerText.trim();
    if (!text) return;
    sent += 1;
    list.append(row(me, text, `urn:li:msg_message:(${form.dataset.thread},me-${Date.now()}-${sent})`));
    box.replaceChildren();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}
window.theyReply = (text) => {
  const list = document.querySelector('.conversation ul');
  list.append(row(document.body.dataset.them, text, `urn:li:msg_message:(t,them-${Date.now()})`));
};
"""


def _conversation(their_id: str, name: str, thread: str, old_rows: str) -> str:
    return (
        '<div class="conversation">'
        f'<header class="msg-title-bar"><h2><a href="/in/{their_id}/">{escape(name)}</a></h2></header>'
        f'<ul class="msg-s-message-list-content">{old_rows}</ul>'
        f'<form class="msg-form" data-thread="{thread}">'
        '<div class="msg-form__contenteditable" contenteditable="true" role="textbox" '
        'aria-label="Write a message…"><p><br></p></div>'
        '<button class="msg-form__send-button" type="submit">Send</button></form></div>'
    )


def _old_rows(their_id: str) -> str:
    return (
        '<li data-event-urn="urn:li:msg_message:(t,old-1)">'
        f'<a href="/in/{their_id}/">Them</a><p>Great to meet you at the meetup!</p></li>'
    )


def linkedin_messaging(their_id: str, name: str, thread: str = "2-T0ZGSUNF") -> tuple[str, str]:
    """LinkedIn's full messaging page on one conversation."""
    body = (
        f'<main class="scaffold-layout__main">'
        f"{_conversation(their_id, name, thread, _old_rows(their_id))}</main>"
        f"<script>{LINKEDIN_SCRIPT}</script>"
    )
    html = page("Messaging | LinkedIn", body).replace(
        "<body>", f'<body data-me="{MY_MEMBER_ID}" data-them="{their_id}">'
    )
    return f"https://www.linkedin.com/messaging/thread/{thread}/", html


def linkedin_bubble(their_id: str, name: str, thread: str = "2-T0ZGSUNF") -> tuple[str, str]:
    """The feed with a chat bubble open on one conversation (role=dialog labelled Messaging)."""
    body = (
        '<main class="scaffold-layout__main"><h1>Feed</h1></main>'
        '<aside class="msg-overlay-container">'
        f'<div role="dialog" aria-label="Messaging with {escape(name)}">'
        f"{_conversation(their_id, name, thread, _old_rows(their_id))}</div></aside>"
        f"<script>{LINKEDIN_SCRIPT}</script>"
    )
    html = page("Feed | LinkedIn", body).replace(
        "<body>", f'<body data-me="{MY_MEMBER_ID}" data-them="{their_id}">'
    )
    return "https://www.linkedin.com/feed/", html


def linkedin_profile_with_member_id(vanity: str, name: str, their_id: str) -> tuple[str, str]:
    """A signed-in profile page whose Message link names the member, as LinkedIn's does."""
    urn = f"urn%3Ali%3Afsd_profile%3A{their_id}"
    body = (
        '<main class="scaffold-layout__main"><section>'
        f"<h1>{escape(name)}</h1><div>Engineer at Northwind Labs</div>"
        f'<a href="/messaging/compose/?profileUrn={urn}">Message</a>'
        "</section></main>"
    )
    return f"https://www.linkedin.com/in/{vanity}/", page(f"{name} | LinkedIn", body)


X_CHAT_SCRIPT = """
const host = document.querySelector('[data-testid=xchatEmbedRoute]');
const root = host.attachShadow({ mode: 'open' });
const section = document.createElement('section');
const header = document.createElement('header');
const link = document.createElement('a');
link.href = '/' + host.dataset.handle;
link.textContent = host.dataset.name;
header.append(link);
const rows = document.createElement('div');
rows.style.cssText = 'display:flex;flex-direction:column';
const box = document.createElement('textarea');
box.dataset.testid = 'dm-composer-textarea';
box.setAttribute('aria-label', 'Message');
const slot = document.createElement('div');
section.append(header, rows, box, slot);
root.append(section);
let count = 0;
function row(mine, text) {
  const div = document.createElement('div');
  count += 1;
  div.setAttribute('data-dm-message-row', `m-${mine ? 'me' : 'them'}-${Date.now()}-${count}`);
  div.style.cssText = `display:flex;justify-content:${mine ? 'flex-end' : 'flex-start'}`;
  const span = document.createElement('span');
  span.textContent = text;
  div.append(span);
  rows.append(div);
}
row(false, 'Loved your thread on tiny tools.');
function send() {
  if (!box.value.trim()) return;
  row(true, box.value);
  box.value = '';
  slot.replaceChildren();
}
box.addEventListener('input', () => {
  if (box.value && !slot.firstChild) {
    const button = document.createElement('button');
    button.dataset.testid = 'dm-composer-send-button';
    button.setAttribute('aria-label', 'Send');
    button.textContent = 'Send';
    button.addEventListener('click', send);
    slot.append(button);
  }
});
box.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    send();
  }
});
window.theyReply = (text) => row(false, text);
"""


def x_chat(handle: str, name: str, conversation: str = "1000-2000") -> tuple[str, str]:
    """X Chat at x.com/i/chat/<id>-<id>, drawn in an open shadow root."""
    body = (
        '<main role="main"><div data-testid="xchatEmbedRoute" '
        f'data-handle="{escape(handle)}" data-name="{escape(name)}"></div></main>'
        f"<script>{X_CHAT_SCRIPT}</script>"
    )
    return f"https://x.com/i/chat/{conversation}", page("Chat / X", body)
