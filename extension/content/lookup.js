// Looking up the person the page shows. Every URL starts a new generation, so an answer that
// comes after the person navigated on is dropped; a profile URL waits until the page shows its
// person (core/navigation.js) before anything of the page goes out, then asks the background for
// the card. The background can ask for the page again (after pairing): `report` resends it.
(() => {
  const GF = globalThis.GF;

  class PageLookup {
    /** `followsNavigation`: whether profiles the person navigates to are looked up unasked. */
    constructor(site, inPage, followsNavigation) {
      this.site = site;
      this.inPage = inPage;
      this.followsNavigation = followsNavigation;
      this.sightings = new GF.Sightings(site); // which names the page showed under which URL
      this.current = null; // {key, url, forced, payload, summary}
      this.generation = 0;
      this.first = true;
    }

    isCurrent(mine) {
      return mine === this.generation;
    }

    keyFor(href) {
      try {
        return this.site.profileKey(new URL(href));
      } catch {
        return null;
      }
    }

    /** The URL is about to change: what is on screen now is still the page left. */
    urlChanged() {
      this.sightings.urlChanged();
    }

    /** Whether the card on this page is a stranger's the service has never seen. */
    stranger() {
      const summary = this.current?.summary;
      return summary?.verdict === "stranger" && summary.known === false;
    }

    /** The tab is on `href` now (`forced`: the person asked for this page's card). */
    async onUrl(href, forced = false) {
      const key = this.keyFor(href) || (forced ? `page:${href}` : null);
      if (this.current?.key === key && !forced) return; // the same person, another tab of their profile
      const mine = ++this.generation;
      const wanted = key && (this.followsNavigation || forced);
      this.current = wanted ? { key, url: href, forced } : null;
      const told = await this.tellPage(href, wanted ? key : null, forced);
      if (!this.isCurrent(mine)) return;
      if (!wanted) return this.inPage.hide();
      if (told?.cached) return this.shown(told);
      this.inPage.show({ verdict: null });
      const payload = await this.readPage(href, key, mine);
      if (!payload) return;
      this.current.payload = payload;
      await this.lookUp(mine);
    }

    /** Tells the background which page the tab is on; its answer, a card it remembered or null. */
    async tellPage(href, key, forced) {
      const first = this.first;
      this.first = false;
      // A page's first report finds nothing remembered for the tab: no need to wait for the answer.
      const telling = GF.send("pageIs", { url: href, key, forced, first }).catch(() => null);
      return first ? null : await telling;
    }

    /**
     * What goes out for `key`'s page, once it shows them or the wait ends: the page when it shows
     * this person, otherwise only the URL, never the previous person's page under this person's
     * URL. Null when the person navigated on meanwhile.
     */
    async readPage(href, key, mine) {
      const stale = this.sightings.staleFor(key);
      const seen = await GF.whenPersonShown(this.site, new URL(href), stale, () => this.isCurrent(mine));
      if (!this.isCurrent(mine)) return null;
      if (!seen.shown) return { url: href };
      // At once, not when the answer comes: the next URL may come first.
      const metadata = GF.pageMetadata(document).filter((piece) => !stale.metadata(piece));
      this.sightings.accept(key, seen.name, metadata);
      const fields = seen.name ? { name: seen.name } : {};
      return { url: href, title: document.title, html: GF.trimmedPage(document, stale.metadata), fields };
    }

    async lookUp(mine) {
      const summary = await GF.send("context", this.current.payload).catch(() => null);
      if (summary && this.isCurrent(mine)) this.shown(summary);
    }

    shown(summary) {
      if (this.current) this.current.summary = summary;
      this.inPage.show(summary);
    }

    /** The background asked again which page this is (after pairing): tell it, and look up again. */
    async report() {
      const entry = this.current;
      const mine = ++this.generation;
      const page = { url: entry?.url || location.href, key: entry?.key || null, forced: Boolean(entry?.forced) };
      await GF.send("pageIs", page).catch(() => null);
      if (entry?.payload && this.isCurrent(mine)) await this.lookUp(mine);
    }
  }

  GF.PageLookup = PageLookup;
})();
