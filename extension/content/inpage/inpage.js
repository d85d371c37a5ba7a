// What givefirst adds to a profile page, by the person's choice per site (options page): a small
// launcher that opens the sidebar (its colour and title say the verdict), and, instead of the
// sidebar, the whole card as a frame of the extension's card page. Both step aside while the site
// shows one of its dialogs, and both can be moved. By default the page gets nothing at all on
// LinkedIn and Facebook, and only the launcher elsewhere.
(() => {
  const { h, pinHost, pinnedFrame, extensionPage, dragVertically, siteDialogOpen } = globalThis.GF;
  const { VERDICT_COLOURS } = globalThis.GF.VOCABULARY;
  const LAUNCHER_CSS = `:host { all: initial; } button { all: initial; box-sizing: border-box; display: block;
    cursor: pointer; padding: 6px 10px; border-radius: 14px 0 0 14px; color: #fff; max-width: 180px;
    font: 600 12px/1.3 system-ui, sans-serif; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
    box-shadow: 0 2px 10px rgba(15, 23, 42, .25); } button:focus-visible { outline: 2px solid #1f6feb; }`;

  function launcherElement() {
    const host = h("div", { id: "givefirst-launcher" });
    pinHost(host, { top: "45%", right: "0", left: "auto", bottom: "auto" });
    const root = host.attachShadow({ mode: "open" });
    const button = h("button", {
      type: "button", title: "Open givefirst (Alt+Shift+G)", "data-testid": "gf-launcher",
      onclick: () => globalThis.GF.send("openSidebar").catch(() => undefined),
    }, "givefirst");
    root.append(h("style", {}, LAUNCHER_CSS), button);
    dragVertically(button, host);
    return { host, button };
  }

  /** `settings`: {launcher, inPage, tabId} for this site and tab. */
  function createInPage(siteName, settings) {
    const launcher = settings.launcher && !settings.inPage ? launcherElement() : null;
    const card = settings.inPage && settings.tabId !== null
      ? pinnedFrame("givefirst-overlay", "givefirst card", { top: "72px", right: "16px", left: "auto", bottom: "auto" },
        { width: 340, height: "min(560px, calc(100vh - 110px))" }, true)
      : null;
    let wanted = false;

    let visible = null;
    function place() {
      const now = wanted && !siteDialogOpen();
      if (now === visible) return; // our own style change must not wake the observer again
      visible = now;
      for (const part of [launcher?.host, card?.host]) {
        if (part) part.style.setProperty("display", now ? "block" : "none", "important");
      }
    }
    if (launcher || card) {
      new MutationObserver(place).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["role", "aria-modal", "open"] });
    }

    return {
      /** A profile is shown: `summary` {verdict, title} once known, {verdict: null} while looking. */
      show(summary) {
        wanted = true;
        if (launcher) {
          launcher.button.textContent = summary.title || "givefirst";
          launcher.button.style.setProperty("background", VERDICT_COLOURS[summary.verdict] || VERDICT_COLOURS.stranger, "important");
          if (!launcher.host.isConnected) document.documentElement.append(launcher.host);
        }
        card?.load(extensionPage("card/card.html", { tab: settings.tabId, in: "page" }));
        visible = null;
        place();
      },
      hide() {
        wanted = false;
        launcher?.host.remove();
        card?.remove();
      },
    };
  }

  globalThis.GF.createInPage = createInPage;
})();
