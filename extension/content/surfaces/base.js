// What every messaging surface shares. A surface (one file each, listed in registry.js) declares:
// name, label, hosts, composersIn(doc) → the message boxes shown, and, given the element an event started from, the conversation it belongs
// to: composerOf(target) → the message box; threadOf(composer) → {root, key, personUrl, name} (key: the
// conversation's identity, the same in LinkedIn's chat bubble and its full page); isSend(target,
// thread) → whether a click on it sends; rows(thread) → the messages shown, [{id, mine}] with the
// site's own message ids, oldest first. Only ids and who wrote them leave a surface, never text.
(() => {
  const MAX_ROWS = 200;

  /** Every element matching `selector` in the document and in open shadow roots. */
  function deepAll(root, selector, found = []) {
    for (const element of root.querySelectorAll(selector)) found.push(element);
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) deepAll(element.shadowRoot, selector, found);
    }
    return found;
  }

  /** The closest ancestor matching `selector`, crossing out of shadow roots. */
  function closestDeep(element, selector) {
    for (let node = element; node; node = node.parentElement || node.getRootNode()?.host) {
      if (node instanceof Element && node.matches(selector)) return node;
    }
    return null;
  }

  /** The first link under `root` to a profile of `site`, as an absolute URL. */
  function profileLink(root, site, doc) {
    for (const link of root.querySelectorAll("a[href]")) {
      try {
        const url = new URL(link.getAttribute("href"), doc.baseURI);
        if (site.profileKey(url)) return url.href;
      } catch {
        // not a URL: look further
      }
    }
    return null;
  }

  /** The words of the first link under `root` to this profile URL: the name the site shows. */
  function nameOfLink(root, href, doc) {
    for (const link of root.querySelectorAll("a[href]")) {
      try {
        if (new URL(link.getAttribute("href"), doc.baseURI).href === href) return link.textContent.replace(/\s+/g, " ").trim().slice(0, 200);
      } catch {
        // not a URL: look further
      }
    }
    return "";
  }

  /** Message rows as [{id, mine}], newest MAX_ROWS, rows without an id left out. */
  function rowsOf(elements, idOf, mineOf) {
    const rows = [];
    for (const element of elements) {
      const id = idOf(element);
      if (id && id.length <= 300) rows.push({ id, mine: Boolean(mineOf(element)) });
    }
    return rows.slice(-MAX_ROWS);
  }

  /** Whether a row is drawn at the end of its line (X's own messages). */
  function alignedToEnd(element) {
    const style = getComputedStyle(element);
    return [style.justifyContent, style.alignSelf, style.alignItems, style.textAlign].some((v) => /^(flex-)?end$|^right$/.test(v));
  }

  globalThis.GF.surfaces = globalThis.GF.surfaces || {};
  globalThis.GF.surfaceKit = { deepAll, closestDeep, profileLink, nameOfLink, rowsOf, alignedToEnd };
})();
