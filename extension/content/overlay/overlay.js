// The sidebar overlay: a fixed-position host element with an open shadow root (PRODUCT.md's
// overlay contract), so the page's layout, styles and scripts are untouched. It shows one state
// at a time: looking up, the card, a problem (service down…), or pairing; and it collapses to a
// small tab, remembered per site (the background keeps that choice; web pages never read storage).
(() => {
  const { h, testid, renderCard, renderActions, pairingView, VERDICT_COLOURS, OVERLAY_CSS } = globalThis.GF;
  const { send, keepTypingInside, pinHost } = globalThis.GF;
  const HOST_ID = "givefirst-overlay";

  function createOverlay(siteName, startCollapsed = false) {
    let host = null;
    let root = null;
    let parts = null;
    let collapsed = startCollapsed;

    function build() {
      host = h("div", { id: HOST_ID });
      pinHost(host, { top: "72px", right: "16px", left: "auto", bottom: "auto" });
      root = host.attachShadow({ mode: "open" });
      keepTypingInside(root);
      const style = h("style", {}, OVERLAY_CSS);
      const name = h("div", { class: "name", dataset: testid("gf-name") });
      const status = h("div", { class: "status", role: "status", dataset: testid("gf-status") });
      const body = h("div", { class: "body" }, status);
      const content = h("div");
      body.append(content);
      const panel = h("section", { class: "panel", "aria-label": "givefirst" },
        h("div", { class: "head" },
          h("div", { class: "title" }, h("div", { class: "brand" }, "givefirst"), name),
          h("button", { class: "icon", type: "button", title: "Collapse (Alt+Shift+G)", "aria-label": "Collapse", dataset: testid("gf-collapse"), onclick: () => setCollapsed(true) }, "–"),
        ),
        body,
      );
      const tab = h("button", { class: "tab", type: "button", title: "givefirst (Alt+Shift+G)", dataset: testid("gf-tab"), onclick: () => setCollapsed(false) }, "givefirst");
      root.append(style, panel, tab);
      parts = { name, status, content, panel, tab };
      applyCollapsed();
    }

    function mount() {
      if (!host) build();
      if (!host.isConnected) document.documentElement.append(host);
      host.hidden = false;
      return parts;
    }

    function applyCollapsed() {
      if (!parts) return;
      parts.panel.hidden = collapsed;
      parts.tab.hidden = !collapsed;
      host.dataset.collapsed = String(collapsed);
    }

    async function setCollapsed(value) {
      collapsed = value;
      applyCollapsed();
      await send("setCollapsed", { site: siteName, collapsed: value }).catch(() => undefined);
    }

    /** The field the person is typing in, if any, to put the cursor back after a redraw. */
    function typingIn(view) {
      const active = root?.activeElement;
      if (!active || !view.content.contains(active) || !active.dataset.testid) return null;
      return { id: active.dataset.testid, start: active.selectionStart, end: active.selectionEnd };
    }

    function show(name, status, content, verdict = null) {
      const view = mount();
      const typing = typingIn(view);
      view.name.textContent = name || "";
      view.status.replaceChildren(...[status].flat().filter(Boolean));
      view.content.replaceChildren(...content.flat().filter(Boolean));
      host.style.setProperty("--verdict", VERDICT_COLOURS[verdict] || VERDICT_COLOURS.stranger);
      const again = typing && view.content.querySelector(`[data-testid="${typing.id}"]`);
      if (again) {
        again.focus();
        if (typeof typing.start === "number") again.setSelectionRange(typing.start, typing.end);
      }
    }

    return {
      showLoading() {
        show("", "Looking this person up…", []);
      },
      showCard(answer, callbacks, notice, status = null) {
        const name = answer.person?.name || answer.profile?.name || "Someone new";
        show(name, status, [renderCard(answer, renderActions(answer, callbacks, notice))], answer.nudge.verdict);
      },
      showProblem(lines, onTryNow) {
        const retry = onTryNow && h("button", { class: "act", type: "button", dataset: testid("gf-retry"), onclick: onTryNow }, "Try now");
        show("", lines, [retry]);
      },
      showPairing(onPaired, waiting = "") {
        show("", ["This browser is not paired with givefirst yet.", waiting && ` ${waiting}`], [pairingView(onPaired)]);
      },
      hide() {
        if (!host) return;
        host.hidden = true;
        // Nothing about the last person stays in the page (whose scripts can read an open root).
        parts.name.textContent = "";
        parts.status.replaceChildren();
        parts.content.replaceChildren();
      },
      isShown: () => Boolean(host && host.isConnected && !host.hidden),
      toggle: () => setCollapsed(!collapsed),
      expand: () => setCollapsed(false),
    };
  }

  globalThis.GF.createOverlay = createOverlay;
})();
