// The connect guard: when LinkedIn's Connect dialog opens for someone you don't know yet, a chip
// (a frame of the extension's page) suggests a personal note and lets you record how you know
// them, which remembers the person. The page learns nothing of it.
(() => {
  const { createChip, send } = globalThis.GF;

  /** `stranger()` → whether the tab's profile is someone you don't know. */
  function startConnectGuard(site, stranger, tabId) {
    if (!site.connectDialog || tabId === null) return;
    const chip = createChip("givefirst-connect-guard", "connect", tabId);
    let shownFor = null;
    let pending = false;

    async function update() {
      pending = false;
      const dialog = site.connectDialog(document);
      if (!dialog || !stranger()) {
        if (shownFor) send("chipHide", { kind: "connect" }).catch(() => undefined);
        shownFor = null;
        return chip.hide();
      }
      if (shownFor === dialog && chip.isShown()) return;
      shownFor = dialog;
      const due = await send("connectOpened").catch(() => null);
      if (due?.show && shownFor === dialog) chip.show(dialog, due.verdict);
    }

    new MutationObserver(() => {
      if (!pending) {
        pending = true;
        requestAnimationFrame(update);
      }
    }).observe(document, { subtree: true, childList: true });
  }

  globalThis.GF.startConnectGuard = startConnectGuard;
})();
