// X's messages: X Chat at x.com/i/chat/<id>-<id>, drawn in the open shadow root of
// [data-testid="xchatEmbedRoute"] (a textarea, a Send button that appears once there is text,
// Enter sends, rows [data-dm-message-row] aligned to the end for your own), and the older
// /messages/<id>-<id> page (dmComposerTextInput, messageEntry). The conversation is its URL's id.
(() => {
  const { profileLink, nameOfLink, rowsOf, alignedToEnd, closestDeep } = globalThis.GF.surfaceKit;
  const site = () => globalThis.GF.sites.x;
  const COMPOSER = "[data-testid='dm-composer-textarea'], [data-testid='dmComposerTextInput']";
  const SEND = "[data-testid='dm-composer-send-button'], [data-testid='dmComposerSendButton'], button[aria-label^='Send' i]";
  const THREAD = /^\/(?:i\/chat|messages)\/([0-9]+[-:][0-9]+)/;

  function rootOf(composer) {
    const shadow = composer.getRootNode();
    if (shadow instanceof ShadowRoot) return shadow;
    return composer.closest("section, main") || composer.ownerDocument.body;
  }

  globalThis.GF.surfaces.x = {
    name: "x",
    label: "X",
    hosts: ["x.com", "twitter.com"],
    composerOf: (target) => target.closest?.(COMPOSER) || null,
    composersIn(doc) {
      const embedded = doc.querySelector("[data-testid='xchatEmbedRoute']")?.shadowRoot;
      return [...doc.querySelectorAll(COMPOSER), ...(embedded ? embedded.querySelectorAll(COMPOSER) : [])];
    },
    threadOf(composer) {
      const doc = composer.ownerDocument;
      const conversation = location.pathname.match(THREAD);
      const root = rootOf(composer);
      const personUrl = profileLink(root, site(), doc);
      if (!conversation || !personUrl) return null;
      return { root, key: `x:${conversation[1]}`, personUrl, name: nameOfLink(root, personUrl, doc) };
    },
    isSend: (target, thread) => {
      const button = target.closest?.(SEND);
      return Boolean(button && (thread.root.contains(button) || closestDeep(button, "main")));
    },
    rows(thread) {
      const rows = thread.root.querySelectorAll("[data-dm-message-row], [data-testid='messageEntry']");
      const idOf = (row) => row.getAttribute("data-dm-message-row") || row.getAttribute("data-message-id") || row.id || null;
      return rowsOf(rows, idOf, alignedToEnd);
    },
  };
})();
