// A chip pinned beside part of the page (a message box, a dialog): a frame of the extension's
// chip page, so its words (the reason, the person) never enter the page. It sits beside what it
// points at, else below it, and only above it when nothing else fits, so it does not cover the
// conversation above a message box nor the box's Send button.
(() => {
  const { pinnedFrame, extensionPage } = globalThis.GF;
  const GAP = 8;
  const WIDTH = 300;
  const HEIGHT = 168;

  function where(anchor) {
    const rect = anchor.getBoundingClientRect();
    const top = Math.max(GAP, Math.min(rect.top, innerHeight - HEIGHT - GAP));
    if (rect.left >= WIDTH + 2 * GAP) return { top, left: rect.left - WIDTH - GAP };
    if (innerWidth - rect.right >= WIDTH + 2 * GAP) return { top, left: rect.right + GAP };
    const left = Math.max(GAP, Math.min(rect.left, innerWidth - WIDTH - GAP));
    if (innerHeight - rect.bottom >= HEIGHT + GAP) return { top: rect.bottom + GAP, left };
    return { top: Math.max(GAP, rect.top - HEIGHT - GAP), left };
  }

  /** `kind` is "ask" or "connect"; the chip page shows what the background keeps for this tab. */
  function createChip(id, kind, tabId) {
    const place = { top: "0px", left: "0px", right: "auto", bottom: "auto" };
    const frame = pinnedFrame(id, "givefirst: have you given before asking?", place, { width: WIDTH, height: `${HEIGHT}px` });
    let shown = false;

    function show(anchor, verdict) {
      const at = where(anchor);
      frame.host.style.setProperty("top", `${Math.round(at.top)}px`, "important");
      frame.host.style.setProperty("left", `${Math.round(at.left)}px`, "important");
      frame.host.dataset.verdict = verdict || "";
      frame.load(extensionPage("chip/chip.html", { tab: tabId, kind }));
      shown = true;
    }

    function hide() {
      if (!shown) return;
      shown = false;
      frame.remove();
    }

    return { show, hide, isShown: () => shown };
  }

  globalThis.GF.createChip = createChip;
})();
