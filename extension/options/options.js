// The options page: the service URL, pairing (and unpairing), which sites are read, and per site
// whether the page gets the launcher or the whole card as a frame.
(() => {
  const { send, h, pairingView, describeStatus, SITES } = globalThis.GF;
  const storage = (globalThis.browser ?? globalThis.chrome).storage.local;
  const $ = (id) => document.getElementById(id);

  async function refresh() {
    const status = await send("status");
    $("status").textContent = describeStatus(status);
    $("service-url").value = status.serviceUrl;
    $("pairing").replaceChildren(status.running && !status.paired ? pairingView(refresh) : "");
    $("unpair").hidden = !status.paired;
  }

  $("service").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const saved = await send("setServiceUrl", { serviceUrl: $("service-url").value });
      $("service-note").textContent = `Saved: ${saved.serviceUrl}`;
      await refresh();
    } catch (error) {
      $("service-note").textContent = error.message;
    }
  });

  $("unpair").addEventListener("click", async () => {
    await send("unpair");
    await refresh();
  });

  function checkbox(testid, checked, onChange) {
    const box = h("input", { type: "checkbox", dataset: { testid }, "aria-label": testid });
    box.checked = checked;
    box.addEventListener("change", () => onChange(box.checked));
    return box;
  }

  async function showSites() {
    const { disabledSites = [] } = await storage.get("disabledSites");
    const rows = await Promise.all(SITES.map(async (site) => {
      const chosen = await send("siteOptions", { site: site.name });
      const reads = checkbox(`gf-site-${site.name}`, !disabledSites.includes(site.name), async (on) => {
        const { disabledSites: now = [] } = await storage.get("disabledSites");
        const others = now.filter((name) => name !== site.name);
        await storage.set({ disabledSites: on ? others : [...others, site.name] });
      });
      const launcher = checkbox(`gf-launcher-${site.name}`, chosen.launcher,
        (on) => send("setSiteOption", { site: site.name, option: "launcher", value: on }));
      const inPage = checkbox(`gf-in-page-${site.name}`, chosen.inPage,
        (on) => send("setSiteOption", { site: site.name, option: "inPage", value: on }));
      return h("tr", {}, h("td", {}, site.label), h("td", {}, reads), h("td", {}, launcher), h("td", {}, inPage));
    }));
    $("sites").querySelector("tbody").replaceChildren(...rows);
  }

  showSites();
  refresh().catch((error) => {
    $("status").textContent = error.message;
  });
})();
