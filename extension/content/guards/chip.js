// A small note pinned beside part of the page (a message box, a dialog), in its own shadow root
// like the overlay. It never covers what it points at and never blocks anything.
(() => {
  const { h, OVERLAY_CSS, VERDICT_COLOURS, keepTypingInside, pinHost } = globalThis.GF;
  const GAP = 8;

  function createChip(id) {
    let host = null;
    let box = null;

    function mount() {
      if (!host) {
        host = h("div", { id });
        const root = host.attachShadow({ mode: "open" });
        keepTypingInside(root);
        box = h("div", { class: "chip", role: "note" });
        root.append(h("style", {}, OVERLAY_CSS), box);
      }
      if (!host.isConnected) document.documentElement.append(host);
      host.hidden = false;
    }

    /** Show `children` above (or else below) `anchor`, coloured for the verdict. */
    function show(anchor, children, testid, verdict) {
      mount();
      box.dataset.testid = testid;
      box.dataset.verdict = verdict || "";
      box.style.borderColor = VERDICT_COLOURS[verdict] || VERDICT_COLOURS.give_space;
      box.replaceChildren(...children.filter(Boolean));
      const rect = anchor.getBoundingClientRect();
      const height = box.getBoundingClientRect().height;
      const top = rect.top - height - GAP >= 0 ? rect.top - height - GAP : rect.bottom + GAP;
      const left = Math.max(GAP, Math.min(rect.left, innerWidth - 300 - GAP));
      pinHost(host, { top: `${Math.round(top)}px`, left: `${Math.round(left)}px`, right: "auto", bottom: "auto" });
    }

    function hide() {
      if (host) host.hidden = true;
    }

    return { show, hide, isShown: () => Boolean(host && host.isConnected && !host.hidden) };
  }

  globalThis.GF.createChip = createChip;
})();
