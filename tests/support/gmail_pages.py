"""Synthetic pages shaped like Gmail's reading view (a thread of messages, each with
data-message-id and its sender in span[email]) and its compose window (recipient chips under
[name=to] with data-hovercard-id, the body in div[aria-label="Message Body"][contenteditable],
Send a role=button whose tooltip starts with "Send"). Class names are made up, as Gmail's change.
Every person and address here is invented."""

from html import escape

from tests.support.profile_pages import page

ME = "me.synthetic@example.com"

GMAIL_SCRIPT = """
const me = document.body.dataset.me;
let count = 0;
function message(from, name, text) {
  count += 1;
  const div = document.createElement('div');
  div.className = 'msg';
  div.dataset.messageId = `#msg-f:${Date.now()}${count}`;
  const h3 = document.createElement('h3');
  const who = document.createElement('span');
  who.setAttribute('email', from);
  who.setAttribute('name', name);
  who.textContent = name;
  h3.append(who);
  const body = document.createElement('div');
  body.textContent = text;
  div.append(h3, body);
  document.querySelector('.thread').append(div);
}
function compose(to, name, where) {
  const box = document.createElement('div');
  box.className = 'compose';
  if (where === document.body) {
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', 'New Message');
  }
  const recipients = document.createElement('div');
  recipients.setAttribute('name', 'to');
  const chip = document.createElement('span');
  chip.setAttribute('data-hovercard-id', to);
  chip.textContent = name;
  recipients.append(chip);
  const body = document.createElement('div');
  body.setAttribute('aria-label', 'Message Body');
  body.setAttribute('contenteditable', 'true');
  body.setAttribute('role', 'textbox');
  body.style.minHeight = '80px';
  const send = document.createElement('div');
  send.setAttribute('role', 'button');
  send.setAttribute('data-tooltip', 'Send \u202a(Ctrl-Enter)\u202c');
  send.textContent = 'Send';
  const go = () => {
    if (!body.textContent.trim()) return;
    if (where !== document.body) message(me, 'me', body.textContent);
    box.remove();
  };
  send.addEventListener('click', go);
  body.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) go();
  });
  box.append(recipients, body, send);
  where.append(box);
}
document.querySelector('[data-reply]')?.addEventListener('click', () =>
  compose(document.body.dataset.them, document.body.dataset.name, document.querySelector('[role=main]')));
document.querySelector('[data-compose]')?.addEventListener('click', () =>
  compose(document.body.dataset.them, document.body.dataset.name, document.body));
window.theyReply = (text) => message(document.body.dataset.them, document.body.dataset.name, text);
"""


def _page(them: str, name: str, main: str) -> str:
    body = (
        '<div role="navigation"><a href="#inbox">Inbox</a>'
        '<div role="button" data-compose tabindex="0">Compose</div></div>'
        f'<div role="main">{main}</div><script>{GMAIL_SCRIPT}</script>'
    )
    html = page("Inbox - me.synthetic@example.com - Gmail", body)
    return html.replace(
        "<body>",
        f'<body data-me="{ME}" data-them="{escape(them)}" data-name="{escape(name)}">',
    )


def gmail_thread(them: str, name: str) -> tuple[str, str]:
    """The reading view of a thread: their message, then yours; a Reply button opens a compose
    window inline (served at /mail/u/0/, opened at #inbox/<thread id>)."""
    main = (
        '<h2 class="subject">The slides from Thursday</h2><div class="thread">'
        f'<div class="msg" data-message-id="#msg-f:1001"><h3><span email="{escape(them)}" '
        f'name="{escape(name)}">{escape(name)}</span></h3><div>Here are the slides.</div></div>'
        f'<div class="msg" data-message-id="#msg-f:1002"><h3><span email="{ME}" name="me">me'
        "</span></h3><div>Thank you!</div></div></div>"
        '<div role="button" data-reply tabindex="0">Reply</div>'
    )
    return "https://mail.google.com/mail/u/0/", _page(them, name, main)


def gmail_inbox(them: str, name: str) -> tuple[str, str]:
    """The inbox, whose Compose button opens a new message to `them` (served at /mail/u/1/)."""
    return "https://mail.google.com/mail/u/1/", _page(them, name, '<div class="thread"></div>')
