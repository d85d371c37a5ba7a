// Personal sites: any other page, only when the person clicks the toolbar button there.
(() => {
  const { segments, text } = globalThis.GF.siteKit;

  globalThis.GF.sites.web = {
    name: "web",
    label: "Personal sites",
    hosts: [],
    keyPrefixes: ["web"],
    profileKey(url) {
      if (!/^https?:$/.test(url.protocol)) return null;
      const parts = segments(url).filter((part) => !/^index\.(html?|php)$/i.test(part));
      const path = parts.map((part) => part.toLowerCase()).join("/");
      return `web:${url.hostname.replace(/^www\./, "")}${path ? `/${path}` : ""}`;
    },
    readName(doc) {
      return text(doc, ".h-card .p-name") || text(doc, "h1") || (doc.title || "").trim() || null;
    },
    testUrls: [
      ["https://jane.example/", "web:jane.example"],
      ["https://www.example.com/about/index.html", "web:example.com/about"],
    ],
  };
})();
