// What every site file shares. A site declares: name, label, hosts, keyPrefixes (what its keys
// start with, as the service's site declares them), reserved (where it has them: the first path
// segments that are the site's own pages, not people), profileKey(url) (a key like the
// service's, or null for pages that are not a person), readName(doc), optionally confirms(doc,
// url) (true/false when the page proves whose it is, null when it cannot tell), the ask guard's
// `composers` selector, and its own testUrls. tests/extension/test_site_registry.py checks all of
// it against the service's sites.
(() => {
  const clean = (value) => (value || "").replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, "").replace(/\s+/g, " ").trim();

  function segments(url) {
    return url.pathname.split("/").filter(Boolean).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  }

  /** The common "site.com/<handle>/…" shape: the first segment is a handle unless reserved. */
  function firstSegmentKey(url, prefix, pattern, reserved) {
    const [handle] = segments(url);
    if (!handle || reserved.has(handle.toLowerCase()) || !pattern.test(handle)) return null;
    return `${prefix}:${handle.toLowerCase()}`;
  }

  function text(doc, selector) {
    const found = doc.querySelector(selector);
    return found ? clean(found.textContent) || null : null;
  }

  /** "(3) Jane Doe | LinkedIn" → "Jane Doe", given the site's title suffix. */
  function nameFromTitle(doc, suffix) {
    const title = clean(doc.title).replace(/^\(\d+\+?\)\s*/, "");
    const match = title.match(suffix);
    return match ? clean(title.slice(0, match.index)) || null : null;
  }

  /** Whether the title names this handle, names another one, or names none (null). */
  function titleHandle(doc, handle, pattern) {
    const match = clean(doc.title).match(pattern);
    if (!match) return null;
    return match[1].toLowerCase() === handle.toLowerCase();
  }

  /**
   * The profile a message box is addressed to: the nearest enclosing part of the page that links
   * to one profile of this site (a conversation header, say), else the profile page itself.
   */
  function recipientUrl(site, composer, doc) {
    for (let node = composer.parentElement; node && node !== doc.body; node = node.parentElement) {
      const links = [...node.querySelectorAll("a[href]")].filter((a) => {
        try {
          return site.profileKey(new URL(a.href, doc.baseURI));
        } catch {
          return false;
        }
      });
      if (links.length) return new URL(links[0].href, doc.baseURI).href;
    }
    return site.profileKey(new URL(doc.location.href)) ? doc.location.href : null;
  }

  globalThis.GF.sites = globalThis.GF.sites || {};
  globalThis.GF.siteKit = { clean, segments, firstSegmentKey, text, nameFromTitle, titleHandle, recipientUrl };
})();
