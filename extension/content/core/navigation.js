// These sites are single-page apps: the URL changes with pushState and the new person's page is
// drawn later. `watchUrl` reports every URL change; `whenPersonShown` waits until the page shows
// the person of the new URL, not the one before, so their data never appears under the wrong URL.
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
   * Resolves {shown: true, name} once the page shows this URL's person: the site confirms it
   * (a handle in the title, say), or it shows a name that is not one of `staleNames` (what the
   * previous page showed). Resolves {shown: false} after a timeout, or when `stillWanted()` turns
   * false because the person navigated on.
   */
  function whenPersonShown(site, url, staleNames, stillWanted, timeout = PERSON_TIMEOUT_MS) {
    const verdict = () => {
      const confirmed = site.confirms ? site.confirms(document, url) : null;
      if (confirmed === false) return null;
      const name = site.readName(document);
      if (confirmed === true) return { shown: true, name };
      return name && !staleNames.has(name) ? { shown: true, name } : null;
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
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    });
  }

  globalThis.GF.watchUrl = watchUrl;
  globalThis.GF.whenPersonShown = whenPersonShown;
})();
