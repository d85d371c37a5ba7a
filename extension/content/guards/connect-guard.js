// The connect guard: when LinkedIn's Connect dialog opens for someone you don't know yet, a hint
// to add a personal note and to record how you know them (which remembers the person).
(() => {
  const { h, createChip, personForm } = globalThis.GF;

  /** `stranger()` → the current stranger's answer or null; `remember(name, howMet)` saves them. */
  function startConnectGuard(site, stranger, remember) {
    if (!site.connectDialog) return;
    const chip = createChip("givefirst-connect-guard");
    let shownFor = null;
    let pending = false;

    function update() {
      pending = false;
      const dialog = site.connectDialog(document);
      const answer = dialog && stranger();
      if (!answer) {
        shownFor = null;
        return chip.hide();
      }
      if (shownFor === dialog && chip.isShown()) return;
      shownFor = dialog;
      const how = h("input", { type: "text", placeholder: "How do you know them?", "aria-label": "How do you know them?", dataset: { testid: "gf-connect-how" } });
      const note = h("div", { class: "note", role: "status" });
      const save = h("button", { class: "primary", type: "submit", dataset: { testid: "gf-connect-save" } }, "Remember");
      const form = personForm([how], save, async () => {
        try {
          note.textContent = await remember(answer.profile?.name || "", how.value.trim());
          form.remove();
        } catch (error) {
          note.textContent = error.message;
        }
      });
      chip.show(dialog, [
        h("strong", {}, "Add a personal note"),
        h("div", {}, "Say how you found them and offer something useful. Don't ask yet."),
        form,
        note,
      ], "gf-connect-guard", "stranger");
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
