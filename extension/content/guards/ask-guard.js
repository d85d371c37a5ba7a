// The ask guard: as the person types in a message box (debounced), the text goes to ask-check;
// when it is an ask and the verdict is not "ready", a chip beside the box asks "Have you given
// before asking?" with the reason that explains the verdict, the best way to give, and actions
// (log this ask once sent, open the card, remember a stranger). It never blocks sending. The
// chip is a frame of the extension's own page: its words never enter the page.
// The chip lives only as long as its message: it goes when the URL changes (another
// conversation), when the box empties (also when the site clears it after sending, which fires
// no input event) or when the box leaves the page.
(() => {
  const { send, createChip, siteKit } = globalThis.GF;
  const DEBOUNCE_MS = 450;
  const MIN_LENGTH = 8;
  const WATCH_MS = 400;

  function startAskGuard(site, tabId) {
    if (!site.composers || tabId === null) return;
    // A surface may read its box itself (Gmail's without the quoted thread) and name its person.
    const typed = (composer) => (site.textOf ? site.textOf(composer) : composer.value ?? composer.innerText ?? "").trim();
    const recipientUrl = (composer) => (site.recipientUrl ? site.recipientUrl(composer) : siteKit.recipientUrl(site, composer, document));
    const chip = createChip("givefirst-ask-guard", "ask", tabId);
    let timer = null;
    let latest = 0;
    let shownFor = null; // {composer, href} while the chip is up
    let watcher = null;

    function hide() {
      if (shownFor) send("chipHide", { kind: "ask" }).catch(() => undefined);
      shownFor = null;
      clearInterval(watcher);
      watcher = null;
      chip.hide();
    }

    /** Whether the message the chip speaks about is still there, in this conversation. */
    function stillThere() {
      if (!shownFor) return;
      const { composer, href } = shownFor;
      // Emptied in place: the site sent it (a messaging surface's own watcher logs its sends).
      if (location.href === href && composer.isConnected && !typed(composer) && !globalThis.GF.surfaceFor?.(location.hostname)?.composerOf(composer)) {
        send("askSent").catch(() => undefined);
      }
      if (location.href !== href || !composer.isConnected || typed(composer).length < MIN_LENGTH) {
        latest += 1; // an answer on its way is about a message that is gone
        clearTimeout(timer);
        hide();
      }
    }

    async function check(composer) {
      const text = typed(composer);
      const href = location.href;
      const mine = ++latest;
      if (text.length < MIN_LENGTH) return hide();
      let result;
      try {
        result = await send("askCheck", { text, url: recipientUrl(composer) });
      } catch {
        return hide(); // no service, no chip: the card says why
      }
      if (mine !== latest) return; // the person kept typing; a newer check is on its way
      if (location.href !== href || !composer.isConnected || typed(composer).length < MIN_LENGTH) return hide();
      if (!result.show) return hide();
      // Beside the whole message form, so the chip never covers its Send button.
      chip.show(composer.closest("form, aside, [role='dialog']") || composer, result.verdict);
      shownFor = { composer, href };
      // A textarea the site empties by script changes no DOM: look now and then while shown.
      watcher ??= setInterval(stillThere, WATCH_MS);
    }

    document.addEventListener("input", (event) => {
      if (!event.isTrusted) return; // the person typing, not a script
      const target = event.composedPath()[0];
      const composer = target instanceof Element ? target.closest(site.composers) : null;
      if (!composer) return;
      clearTimeout(timer);
      timer = setTimeout(() => check(composer), DEBOUNCE_MS);
    }, true);
    new MutationObserver(stillThere).observe(document, { subtree: true, childList: true, characterData: true });
    addEventListener("popstate", stillThere);
    globalThis.navigation?.addEventListener?.("navigatesuccess", stillThere);
  }

  globalThis.GF.startAskGuard = startAskGuard;
})();
