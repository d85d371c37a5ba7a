// The content script's wiring on a supported site: follow in-app navigation, wait until the page
// shows the new person, and tell the background which page the tab is on and what it shows. The
// card itself is drawn by the extension's own page (the sidebar, or a frame the person chose);
// nothing here ever holds a name, a reason or a history, only the verdict's colour and title for
// the optional launcher. Also starts the ask and connect guards. Runs once per page.
// It never reads extension storage (the token lives there): settings come from the background.
(() => {
  const GF = globalThis.GF;
  if (GF.app) {
    if (GF.chosenByPerson) GF.app.showNow();
    return;
  }
  const site = GF.siteFor(location.hostname, GF.chosenByPerson);
  if (!site) return;
  const ext = globalThis.browser ?? globalThis.chrome;
  let starting = null;
  let reportPage = () => undefined;
  // Until set up (or while this site is switched off), asking for the card starts it.
  GF.app = {
    showNow() {
      GF.chosenByPerson = true;
      starting ??= start();
    },
  };
  ext.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== ext.runtime.id) return;
    if (message?.type === "showNow") GF.app.showNow();
    if (message?.type === "reportPage") reportPage();
  });

  async function start() {
    let settings = { disabled: false, launcher: false, inPage: false, tabId: null };
    try {
      settings = await GF.send("siteSettings", { site: site.name });
    } catch {
      // The background is out of reach (the extension was reloaded): nothing to do here.
    }
    if (settings.disabled && !GF.chosenByPerson) {
      starting = null;
      return;
    }

    const inPage = GF.createInPage(site.name, settings);
    const sightings = new GF.Sightings(site); // which names the page showed under which URL
    const followsNavigation = site !== GF.sites.web; // elsewhere, only the page the person chose
    let current = null; // {key, url, forced, payload, summary}
    let generation = 0;
    let first = true;
    const isCurrent = (mine) => mine === generation;
    const keyFor = (href) => {
      try {
        return site.profileKey(new URL(href));
      } catch {
        return null;
      }
    };

    function shown(summary) {
      if (current) current.summary = summary;
      inPage.show(summary);
    }

    async function onUrl(href, forced = false) {
      const key = keyFor(href) || (forced ? `page:${href}` : null);
      if (current?.key === key && !forced) return; // the same person, another tab of their profile
      const mine = ++generation;
      const wanted = key && (followsNavigation || forced);
      current = wanted ? { key, url: href, forced } : null;
      // A page's first report finds nothing remembered for the tab: no need to wait for the answer.
      const telling = GF.send("pageIs", { url: href, key: wanted ? key : null, forced, first }).catch(() => null);
      const told = first ? null : await telling;
      first = false;
      if (!isCurrent(mine)) return;
      if (!wanted) return inPage.hide();
      if (told?.cached) return shown(told);
      inPage.show({ verdict: null });
      const url = new URL(href);
      const stale = sightings.staleFor(key);
      const seen = await GF.whenPersonShown(site, url, stale, () => isCurrent(mine));
      if (!isCurrent(mine)) return;
      // Only a page that shows this person goes out; otherwise just the URL, never the previous
      // person's page under this person's URL.
      if (seen.shown) {
        // At once, not when the answer comes: the next URL may come first.
        sightings.accept(key, seen.name, GF.pageMetadata(document).filter((piece) => !stale.metadata(piece)));
      }
      current.payload = seen.shown
        ? { url: href, title: document.title, html: GF.trimmedPage(document, stale.metadata), fields: seen.name ? { name: seen.name } : {} }
        : { url: href };
      await lookUp(mine);
    }

    async function lookUp(mine) {
      const summary = await GF.send("context", current.payload).catch(() => null);
      if (summary && isCurrent(mine)) shown(summary);
    }

    GF.app.showNow = () => onUrl(location.href, true);
    GF.app.stranger = () => current?.summary?.verdict === "stranger" && current.summary.known === false;

    reportPage = async () => {
      const entry = current;
      const mine = ++generation;
      await GF.send("pageIs", { url: entry?.url || location.href, key: entry?.key || null, forced: Boolean(entry?.forced) }).catch(() => null);
      if (entry?.payload && isCurrent(mine)) await lookUp(mine);
    };

    addEventListener("keydown", (event) => {
      if (!event.isTrusted) return; // a script pressing keys must not open anything
      if (event.altKey && event.shiftKey && event.code === "KeyG") {
        event.preventDefault();
        GF.send("openSidebar").catch(() => undefined);
      }
    }, true);

    GF.startAskGuard(site, settings.tabId);
    GF.startConnectGuard(site, GF.app.stranger, settings.tabId);
    if (followsNavigation) {
      GF.watchUrl((href) => {
        sightings.urlChanged(); // what is on screen now is still the page left
        onUrl(href);
      });
    }
    if (GF.chosenByPerson) GF.app.showNow();
    else onUrl(location.href);
  }

  starting = start();
})();
