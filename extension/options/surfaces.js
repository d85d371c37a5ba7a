// The options page's "Messages" table: per messaging surface, whether sending logs by itself.
(() => {
  const { send, h, SURFACES } = globalThis.GF;

  async function showSurfaces() {
    const rows = await Promise.all(SURFACES.map(async (surface) => {
      const { autoLog } = await send("surfaceOptions", { surface: surface.name });
      const box = h("input", { type: "checkbox", dataset: { testid: `gf-autolog-${surface.name}` }, "aria-label": `Log what I send on ${surface.label}` });
      box.checked = autoLog;
      box.addEventListener("change", () => send("setSurfaceOption", { surface: surface.name, autoLog: box.checked }));
      return h("tr", {}, h("td", {}, `${surface.label} messages`), h("td", {}, box));
    }));
    document.querySelector("#surfaces tbody").replaceChildren(...rows);
  }

  showSurfaces();
})();
