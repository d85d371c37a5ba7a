// These sites are single-page apps: the URL changes with pushState and the new person's page is
// drawn later (in Chromium, even the navigation API's "navigatesuccess" comes before the redraw).
// `watchUrl` reports every URL change; `Sightings` remembers which names and metadata were on
// screen when the URL changed; `whenPersonShown` waits until the page shows the person of the
// new URL, not one before, so nobody's page is ever sent under another person's URL.
(() => {
  const PERSON_TIMEOUT_MS = 4000;

  /** Call onChange(href) whenever the page's URL changes, however the app changed it. */
  function watchUrl(onChange) {
    let last = location.href;
    const check = () => {
      if (location.href !== last) {
        last = location.href;
        onChange(last);
      }
    };
    // A content script lives in its own world and cannot see the page's pushState calls; DOM
    // changes (an SPA always redraws, the title changes) and history events are what it can see.
    new MutationObserver(check).observe(document, { subtree: true, childList: true });
    addEventListener("popstate", check);
    addEventListener("hashchange", check);
    globalThis.navigation?.addEventListener?.("navigatesuccess", check);
    return check;
  }

  /**
   * What the page showed, and for whom. When the URL changes, whatever is on screen (the name,
   * the head's metadata) belongs to an earlier page, so it is stale for the new URL; it becomes
   * good again only for a profile whose own page showed it (an accepted page). Apps often never
   * update the head at all: then its metadata is simply never sent for a later profile.
   */
  class Sightings {
    constructor(site) {
      this.site = site;
      this.names = new Sighted();
      this.metadata = new Sighted();
    }

    /** The URL just changed: what is drawn now is still the page left. */
    urlChanged() {
      this.names.seen(this.site.readName(document));
      for (const piece of globalThis.GF.pageMetadata(document)) this.metadata.seen(piece);
    }

    /** This profile's page showed this name and this metadata. */
    accept(key, name, metadata) {
      this.names.accept(name, key);
      for (const piece of metadata) this.metadata.accept(piece, key);
    }

    /** {name(n), metadata(piece)}: whether it belongs to another page than `key`'s. */
    staleFor(key) {
      return {
        name: (name) => this.names.staleFor(name, key),
        metadata: (piece) => this.metadata.staleFor(piece, key),
      };
    }
  }

  /** Values seen when the URL changed, and the profiles whose own page showed each. */
  class Sighted {
    constructor() {
      this.atChange = new Set();
      this.accepted = new Map();
    }

    seen(value) {
      if (value) this.atChange.add(value);
    }

    accept(value, key) {
      if (!value) return;
      if (!this.accepted.has(value)) this.accepted.set(value, new Set());
      this.accepted.get(value).add(key);
    }

    staleFor(value, key) {
      return this.atChange.has(value) && !this.accepted.get(value)?.has(key);
    }
  }

  /** The page's canonical link as a profile key, unless it is left over from an earlier page. */
  function canonicalKey(site, stale) {
    const link = document.querySelector("link[rel='canonical']");
    if (!link?.href || stale.metadata(link.outerHTML)) return null;
    try {
      return site.profileKey(new URL(link.href));
    } catch {
      return null;
    }
  }

  /**
   * Whether the page proves it is this URL's person (true), proves it is not yet (false), or
   * cannot tell (null): the site's own proof first (a handle in the title, the profile's own
   * links), then a canonical link the app updated since the URL changed.
   */
  function proof(site, url, stale) {
    const confirmed = site.confirms ? site.confirms(document, url) : null;
    if (confirmed !== null && confirmed !== undefined) return confirmed;
    const canonical = canonicalKey(site, stale);
    return canonical ? canonical === site.profileKey(url) : null;
  }

  /**
   * Resolves {shown: true, name} once the page shows this URL's person: the page proves it, or
   * it shows a name that is not stale (on screen under an earlier URL). Resolves {shown: false}
   * after a timeout, or when `stillWanted()` turns false because the person navigated on.
   */
  function whenPersonShown(site, url, stale, stillWanted, timeout = PERSON_TIMEOUT_MS) {
    const verdict = () => {
      const proven = proof(site, url, stale);
      if (proven === false) return null;
      const name = site.readName(document);
      if (proven === true) return { shown: true, name };
      return name && !stale.name(name) ? { shown: true, name } : null;
    };
    return new Promise((resolve) => {
      const now = verdict();
      if (now) return resolve(now);
      const observer = new MutationObserver(() => {
        if (!stillWanted()) return finish({ shown: false });
        const found = verdict();
        if (found) finish(found);
      });
      const timer = setTimeout(() => finish({ shown: false }), timeout);
      function finish(result) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(result);
      }
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["href"] });
    });
  }

  globalThis.GF.watchUrl = watchUrl;
  globalThis.GF.Sightings = Sightings;
  globalThis.GF.whenPersonShown = whenPersonShown;
})();
