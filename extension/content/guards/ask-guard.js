// The ask guard: as the person types in a message box (debounced), the text goes to ask-check;
// when it is an ask and the verdict is not "ready", a chip beside the box asks "Have you given
// before asking?" with the reason and the best way to give. It never blocks sending.
(() => {
  const { h, send, createChip, siteKit } = globalThis.GF;
  const DEBOUNCE_MS = 450;
  const MIN_LENGTH = 8;

  function startAskGuard(site) {
    if (!site.composers) return;
    const chip = createChip("givefirst-ask-guard");
    let timer = null;
    let latest = 0;

    async function check(composer) {
      const text = (composer.value ?? composer.innerText ?? "").trim();
      const mine = ++latest;
      if (text.length < MIN_LENGTH) return chip.hide();
      let result;
      try {
        result = await send("askCheck", { text, url: siteKit.recipientUrl(site, composer, document) });
      } catch {
        return chip.hide(); // no service, no chip: the overlay says why
      }
      if (mine !== latest) return; // the person kept typing; a newer check is on its way
      const { nudge } = result;
      if (!result.is_ask || !nudge || nudge.verdict === "ready") return chip.hide();
      const best = nudge.suggestions?.[0]?.text;
      // Beside the whole message form, so the chip never covers its Send button.
      chip.show(composer.closest("form, aside, [role='dialog']") || composer, [
        h("strong", {}, "Have you given before asking?"),
        h("div", { dataset: { testid: "gf-ask-reason" } }, nudge.reasons?.[0] || nudge.message),
        best ? h("div", { class: "muted" }, `Give first: ${best}`) : null,
        h("button", { class: "icon", type: "button", "aria-label": "Dismiss", onclick: () => chip.hide() }, "×"),
      ], "gf-ask-guard", nudge.verdict);
    }

    document.addEventListener("input", (event) => {
      const target = event.composedPath()[0];
      const composer = target instanceof Element ? target.closest(site.composers) : null;
      if (!composer) return;
      clearTimeout(timer);
      timer = setTimeout(() => check(composer), DEBOUNCE_MS);
    }, true);
  }

  globalThis.GF.startAskGuard = startAskGuard;
})();
