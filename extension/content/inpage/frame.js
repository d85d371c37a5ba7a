// A frame of the extension's own pages pinned in a web page: a host element whose shadow root
// holds only an <iframe> (and, for what can be moved, a grip). The frame's document is of the
// extension's origin, so the page's scripts cannot read it and the page's styles cannot reach it;
// its URL is the resource's dynamic one, which does not fingerprint the extension.
(() => {
  const { h, pinHost } = globalThis.GF;
  const ext = globalThis.browser ?? globalThis.chrome;

  /** `page` ("card/card.html"), `query` ({tab, …}) → its URL under this session's dynamic id. */
  function extensionPage(page, query) {
    return `${ext.runtime.getURL(page)}?${new URLSearchParams(query)}`;
  }

  /**
   * A host `id` pinned at `place` ({top, right, …}) holding a frame of `size` ({width, height}).
   * `title` names the frame for screen readers. With `movable`, a grip moves it up and down.
   */
  function pinnedFrame(id, title, place, size, movable = false) {
    const host = h("div", { id });
    pinHost(host, place);
    const root = host.attachShadow({ mode: "open" });
    const frame = h("iframe", { title, allow: "clipboard-write" });
    frame.style.cssText = `border:0;display:block;width:${size.width}px;height:${size.height};` +
      "background:transparent;color-scheme:normal;border-radius:10px;box-shadow:0 6px 24px rgba(15,23,42,.18)";
    const grip = movable ? moveGrip(host) : null;
    root.append(...[grip, frame].filter(Boolean));
    let src = "";
    return {
      host,
      load(url) {
        if (url !== src) frame.src = src = url;
        if (!host.isConnected) document.documentElement.append(host);
      },
      remove() {
        host.remove();
        frame.src = src = "about:blank";
      },
      setHeight(height) {
        frame.style.height = height;
      },
    };
  }

  /** A grip above the frame: drag it to move the frame up or down the window. */
  function moveGrip(host) {
    const grip = h("div", { role: "separator", "aria-label": "Move givefirst", title: "Drag to move" });
    grip.style.cssText = "height:10px;cursor:ns-resize;margin:0 auto 2px;width:48px;border-radius:5px;background:#c4cdd5";
    dragVertically(grip, host);
    return grip;
  }

  /** Dragging `handle` moves the fixed `host` up and down, kept inside the window. */
  function dragVertically(handle, host) {
    handle.addEventListener("pointerdown", (down) => {
      if (!down.isTrusted) return;
      const startY = down.clientY;
      const startTop = host.getBoundingClientRect().top;
      handle.setPointerCapture(down.pointerId);
      const move = (event) => {
        const top = Math.max(0, Math.min(innerHeight - 40, startTop + event.clientY - startY));
        host.style.setProperty("top", `${Math.round(top)}px`, "important");
        host.style.setProperty("bottom", "auto", "important");
      };
      const up = () => {
        handle.removeEventListener("pointermove", move);
        handle.removeEventListener("pointerup", up);
      };
      handle.addEventListener("pointermove", move);
      handle.addEventListener("pointerup", up);
    });
  }

  /** Whether the site shows one of its own dialogs now: what we add steps aside for it. */
  function siteDialogOpen() {
    for (const dialog of document.querySelectorAll("[role='dialog'], [aria-modal='true'], dialog[open]")) {
      if (dialog.closest("[id^='givefirst-']")) continue;
      const box = dialog.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) return true;
    }
    return false;
  }

  globalThis.GF.extensionPage = extensionPage;
  globalThis.GF.pinnedFrame = pinnedFrame;
  globalThis.GF.dragVertically = dragVertically;
  globalThis.GF.siteDialogOpen = siteDialogOpen;
})();
