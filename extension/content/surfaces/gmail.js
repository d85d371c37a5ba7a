// Gmail (mail.google.com). Its class names change often; this reads only stable attributes: the
// compose window's recipients are chips under [name=to] carrying the address in
// data-hovercard-id, its body is div[aria-label="Message Body"][contenteditable] (g_editable in
// other languages), Send is a role=button whose tooltip starts with "Send" (Ctrl/⌘+Enter sends
// too); the reading view marks each message with data-message-id and its sender with span[email].
// A conversation is the thread id in the URL's fragment (#inbox/FMfcg…); a new message is
// addressed to its first recipient. Rows carry the sender's address, so the background can tell
// the person's reply from your own message without knowing your addresses here.
(() => {
  const BODY = "div[aria-label='Message Body'][contenteditable], div[g_editable='true'][contenteditable]";
  const SEND = "[role='button'][data-tooltip^='Send'], [role='button'][aria-label^='Send']";
  const ADDRESS = /^[^@\s<>"]{1,64}@[^@\s<>"]{1,190}\.[^@\s<>"]{2,63}$/;
  const MESSAGE = "[role='main'] [data-message-id]";

  const unique = (list) => [...new Set(list)];
  const address = (value) => (ADDRESS.test(value || "") ? value.toLowerCase() : null);

  /** The compose window around a body: the nearest ancestor holding its recipients. */
  function composeRoot(body) {
    for (let node = body.parentElement; node; node = node.parentElement) {
      if (node.querySelector("[name='to']")) return node;
    }
    return null;
  }

  function recipients(root) {
    const chips = root.querySelectorAll("[name='to'] [data-hovercard-id], [name='to'] [email]");
    return unique([...chips].map((c) => address(c.getAttribute("data-hovercard-id") || c.getAttribute("email"))).filter(Boolean));
  }

  function threadId() {
    return location.hash.match(/^#[^/?]+\/([A-Za-z0-9_-]{10,})/)?.[1] || null;
  }

  const senderOf = (message) => address(message.querySelector("span[email]")?.getAttribute("email"));

  /** The thread's messages with their senders; `person` (when known) tells theirs from yours. */
  function threadRows(doc, person = null) {
    const rows = [];
    for (const message of doc.querySelectorAll(MESSAGE)) {
      const id = message.getAttribute("data-message-id");
      const from = senderOf(message);
      if (id && id.length <= 300) rows.push({ id, mine: Boolean(person && from && from !== person), from });
    }
    return rows.slice(-200);
  }

  globalThis.GF.surfaces.gmail = {
    name: "gmail",
    label: "Gmail",
    hosts: ["mail.google.com"],
    composers: BODY,
    composerOf: (target) => target.closest?.(BODY) || null,
    composersIn: (doc) => [...doc.querySelectorAll(BODY)],
    /** The message without the quoted conversation below it. */
    textOf(body) {
      const copy = body.cloneNode(true);
      for (const quoted of copy.querySelectorAll(".gmail_quote, blockquote")) quoted.remove();
      return copy.textContent;
    },
    threadOf(body) {
      const root = composeRoot(body);
      const to = root && recipients(root)[0];
      if (!to) return null;
      const inThread = threadId() && body.closest("[role='main']");
      const chip = root.querySelector(`[name='to'] [data-hovercard-id='${CSS.escape(to)}']`);
      const name = (chip?.textContent || "").replace(/\s+/g, " ").trim().slice(0, 200);
      return { root, key: inThread ? `thread:${threadId()}` : `new:${to}`, personUrl: `mailto:${to}`, name, inThread: Boolean(inThread) };
    },
    isSend: (target, thread) => {
      const button = target.closest?.(SEND);
      return Boolean(button && thread.root.contains(button));
    },
    rows: (thread) => (thread.inThread ? threadRows(document, thread.personUrl.slice("mailto:".length)) : []),
    /** Conversations shown without a message being written: the thread read. */
    threadsShown: (doc) => (threadId() ? [{ key: `thread:${threadId()}`, rows: threadRows(doc) }] : []),
    /** Whose card the page shows: the recipients being written to, else the senders read, newest first. */
    peopleShown(doc) {
      const to = [...doc.querySelectorAll(BODY)].map(composeRoot).filter(Boolean).flatMap(recipients);
      if (to.length) return unique(to);
      if (!threadId()) return [];
      return unique([...doc.querySelectorAll(MESSAGE)].reverse().map(senderOf).filter(Boolean));
    },
  };
})();
