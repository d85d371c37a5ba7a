// The ask guard: as the person types in a message box (debounced), the text goes to ask-check;
// when it is an ask and the verdict is not "ready", a chip beside the box asks "Have you given
// before asking?" with the reason and the best way to give. It never blocks sending.
// The chip lives only as long as its message: it goes when the URL changes (another
// conversation), when the box empties (also when the site clears it after sending, which fires
// no input event) or when the box leaves the page.
(() => {
  const { h, send, createChip, siteKit } = globalThis.GF;
  const DEBOUNCE_MS = 450;
  const MIN_LENGTH = 8;
  const WATCH_MS = 400;

  const typed = (composer) => (composer.value ?? composer.innerText ?? "").trim();

  function startAskGuard(site) {
    if (!site.composers) return;
    const chip = createChip("givefirst-ask-guard");
    let timer = null;
    let latest = 0;
    let shownFor = null; // {composer, href} while the chip is up
    let watcher = null;

    function hide() {
      shownFor = null;
      clearInterval(watcher);
      watcher = null;
      chip.hide();
    }

    /** Whether the message the chip speaks about is still there, in this conversation. */
    function stillThere() {
      if (!shownFor) return;
      const { composer, href } = shownFor;
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
        result = await send("askCheck", { text, url: siteKit.recipientUrl(site, composer, document) });
      } catch {
        return hide(); // no service, no chip: the overlay says why
      }
      if (mine !== latest) return; // the person kept typing; a newer check is on its way
      if (location.href !== href || !composer.isConnected || typed(composer).length < MIN_LENGTH) return hide();
      const { nudge } = result;
      if (!result.is_ask || !nudge || nudge.verdict === "ready") return hide();
      const best = nudge.suggestions?.[0]?.text;
      // Beside the whole message form, so the chip never covers its Send button.
      chip.show(composer.closest("form, aside, [role='dialog']") || composer, [
        h("strong", {}, "Have you given before asking?"),
        h("div", { dataset: { testid: "gf-ask-reason" } }, nudge.reasons?.[0] || nudge.message),
        best ? h("div", { class: "muted" }, `Give first: ${best}`) : null,
        h("button", { class: "icon", type: "button", "aria-label": "Dismiss", onclick: hide }, "×"),
      ], "gf-ask-guard", nudge.verdict);
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
