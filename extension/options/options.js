// The options page: the service URL, pairing (and unpairing), and which sites show the sidebar.
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

  async function showSites() {
    const { disabledSites = [] } = await storage.get("disabledSites");
    const boxes = SITES.map((site) => {
      const box = h("input", { type: "checkbox", dataset: { testid: `gf-site-${site.name}` } });
      box.checked = !disabledSites.includes(site.name);
      box.addEventListener("change", async () => {
        const { disabledSites: now = [] } = await storage.get("disabledSites");
        const others = now.filter((name) => name !== site.name);
        await storage.set({ disabledSites: box.checked ? others : [...others, site.name] });
      });
      return h("label", { class: "site" }, box, ` ${site.label}`);
    });
    $("sites").replaceChildren(...boxes);
  }

  showSites();
  refresh().catch((error) => {
    $("status").textContent = error.message;
  });
})();
