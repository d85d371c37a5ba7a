// A trimmed copy of the page for the service to read: head metadata, JSON-LD and the main
// content, without scripts, styles, images or what givefirst added, capped in size. The service does
// the extraction (server/givefirst/sites); this only decides what leaves the page.
(() => {
  const MAX_HTML = 400 * 1024;
  const MAX_JSON_LD = 64 * 1024;
  const DROP = "script, style, link, img, picture, svg, video, audio, iframe, canvas, noscript, template, object, embed, [id^='givefirst-']";
  const HEAD_KEEP = "meta[name], meta[property], meta[itemprop], link[rel='canonical'], link[rel='me']";

  function jsonLd(doc) {
    return [...doc.querySelectorAll("script[type='application/ld+json']")].map((script) => {
      const copy = doc.createElement("script");
      copy.type = "application/ld+json";
      for (const name of ["data-testid", "id"]) {
        if (script.hasAttribute(name)) copy.setAttribute(name, script.getAttribute(name));
      }
      copy.textContent = (script.textContent || "").slice(0, MAX_JSON_LD);
      return copy.outerHTML;
    });
  }

  /**
   * The page's metadata as sent: head tags and JSON-LD, one string each. An app may leave them
   * as the previous page had them, so the caller can name the ones to leave out.
   */
  function metadata(doc = document) {
    return [...[...doc.querySelectorAll(HEAD_KEEP)].map((node) => node.outerHTML), ...jsonLd(doc)];
  }

  function mainContent(doc) {
    const main = doc.querySelector("main, [role='main']") || doc.body;
    if (!main) return "";
    const copy = main.cloneNode(true);
    copy.querySelectorAll(DROP).forEach((node) => node.remove());
    return copy.outerHTML;
  }

  /**
   * The HTML sent with a context request; never more than MAX_HTML characters. `stale(piece)`
   * says which metadata still belongs to an earlier page: those are left out.
   */
  function trimmedPage(doc = document, stale = () => false) {
    const title = doc.createElement("title");
    title.textContent = doc.title;
    const head = metadata(doc).filter((piece) => !stale(piece)).join("");
    const html = `<html><head>${title.outerHTML}${head}</head><body>${mainContent(doc)}</body></html>`;
    return html.length <= MAX_HTML ? html : html.slice(0, MAX_HTML);
  }

  globalThis.GF.trimmedPage = trimmedPage;
  globalThis.GF.pageMetadata = metadata;
  globalThis.GF.MAX_PAGE_HTML = MAX_HTML;
})();
