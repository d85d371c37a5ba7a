"""Synthetic message and connect pages shaped like LinkedIn's and X's, for the ask and connect
guards. Every person here is invented."""

from html import escape

from tests.support.profile_pages import page

SENT_FLAG = "document.body.dataset.sent = 'yes'"


def linkedin_thread(profile_path: str, name: str) -> tuple[str, str]:
    """A LinkedIn conversation: the header links to the other person's profile."""
    body = (
        '<main class="scaffold-layout__main"><div class="msg-thread">'
        f'<div class="msg-entity-lockup"><a class="msg-thread__link-to-profile" href="{profile_path}">'
        f"{escape(name)}</a></div>"
        '<ul class="msg-s-message-list-content"><li>Great to meet you at the meetup!</li></ul>'
        '<form class="msg-form" onsubmit="return false">'
        '<div class="msg-form__contenteditable" contenteditable="true" role="textbox" '
        'aria-label="Write a message…"><p><br></p></div>'
        f'<button class="msg-form__send-button" type="submit" onclick="{SENT_FLAG}">Send</button>'
        "</form></div></main>"
    )
    return "https://www.linkedin.com/messaging/thread/2-c3ludGhldGlj/", page(
        "Messaging | LinkedIn", body
    )


def x_conversation(handle: str, name: str) -> tuple[str, str]:
    """An X direct-message conversation whose header links to the other person."""
    body = (
        '<main role="main"><section aria-label="Conversation">'
        f'<div data-testid="DMConversationHeader"><a href="/{handle}" role="link">'
        f"<span>{escape(name)}</span><span>@{handle}</span></a></div>"
        '<div data-testid="DmActivityContainer"><div>Loved your thread on tiny tools.</div></div>'
        '<aside aria-label="Start a new message"><div class="DraftEditor-root">'
        '<div data-testid="dmComposerTextInput" contenteditable="true" role="textbox"></div></div>'
        f'<button data-testid="dmComposerSendButton" type="button" onclick="{SENT_FLAG}">Send</button>'
        "</aside></section></main>"
    )
    return "https://x.com/messages/1000-2000", page("Messages / X", body)


CONNECT_SCRIPT = """
document.querySelector('[data-connect]').addEventListener('click', () => {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', 'Add a note to your invitation?');
  dialog.style.cssText = 'position:fixed;top:30%;left:30%;width:400px;background:#fff;border:1px solid #999';
  const add = document.createElement('button');
  add.setAttribute('aria-label', 'Add a note');
  add.textContent = 'Add a note';
  const send = document.createElement('button');
  send.setAttribute('aria-label', 'Send without a note');
  send.textContent = 'Send without a note';
  dialog.append('Add a note to your invitation?', add, send);
  document.body.append(dialog);
});
"""


def linkedin_with_connect(handle: str, name: str) -> tuple[str, str]:
    """A LinkedIn profile whose Connect button opens the invitation dialog."""
    body = (
        f"<main><section><h1>{escape(name)}</h1><div>Researcher at Harbour Institute</div>"
        f'<button data-connect aria-label="Invite {escape(name)} to connect">Connect</button>'
        f"</section></main><script>{CONNECT_SCRIPT}</script>"
    )
    return f"https://www.linkedin.com/in/{handle}/", page(f"{name} | LinkedIn", body)
