// The content script's wiring on a supported site: follow in-app navigation and hand each URL to
// the lookup (lookup.js), which waits until the page shows the new person and tells the
// background which page the tab is on and what it shows. The card itself is drawn by the
// extension's own page (the sidebar, or a frame the person chose); nothing here ever holds a
// name, a reason or a history, only the verdict's colour and title for the optional launcher.
// Also starts the ask and connect guards and the sidebar's shortcut. Runs once per page.
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
    const settings = await siteSettings();
    if (settings.disabled && !GF.chosenByPerson) {
      starting = null;
      return;
    }
    const followsNavigation = site !== GF.sites.web; // elsewhere, only the page the person chose
    const lookup = new GF.PageLookup(site, GF.createInPage(site.name, settings), followsNavigation);
    GF.app.showNow = () => lookup.onUrl(location.href, true);
    GF.app.stranger = () => lookup.stranger();
    reportPage = () => lookup.report();
    addEventListener("keydown", openSidebarOnShortcut, true);
    GF.startAskGuard(site, settings.tabId);
    GF.startConnectGuard(site, GF.app.stranger, settings.tabId);
    if (followsNavigation) {
      GF.watchUrl((href) => {
        lookup.urlChanged();
        lookup.onUrl(href);
      });
    }
    if (GF.chosenByPerson) GF.app.showNow();
    else lookup.onUrl(location.href);
  }

  async function siteSettings() {
    try {
      return await GF.send("siteSettings", { site: site.name });
    } catch {
      // The background is out of reach (the extension was reloaded): nothing to do here.
      return { disabled: false, launcher: false, inPage: false, tabId: null };
    }
  }

  function openSidebarOnShortcut(event) {
    if (!event.isTrusted) return; // a script pressing keys must not open anything
    if (event.altKey && event.shiftKey && event.code === "KeyG") {
      event.preventDefault();
      GF.send("openSidebar").catch(() => undefined);
    }
  }

  starting = start();
})();
