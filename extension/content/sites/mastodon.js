// Mastodon: the key is the account (user@domain), whichever server shows it. Content scripts run
// on well-known servers; on any other server the toolbar button shows the card.
(() => {
  const { segments, nameFromTitle, text, clean } = globalThis.GF.siteKit;
  const HANDLE = /^@([A-Za-z0-9_][A-Za-z0-9_.-]*)(?:@([A-Za-z0-9.-]+\.[A-Za-z]{2,}))?$/;

  globalThis.GF.sites.mastodon = {
    name: "mastodon",
    label: "Mastodon",
    hosts: ["mastodon.social", "mastodon.online", "mstdn.social", "fosstodon.org", "hachyderm.io",
      "infosec.exchange", "mas.to", "mastodon.world", "techhub.social", "sigmoid.social",
      "mastodon.art", "universeodon.com", "social.coop", "toot.community", "mathstodon.xyz"],
    keyPrefixes: ["acct"],
    profileKey(url) {
      const parts = segments(url);
      const host = url.hostname.replace(/^www\./, "");
      const handle = (parts[0] || "").match(HANDLE);
      if (handle) return `acct:${handle[1].toLowerCase()}@${(handle[2] || host).toLowerCase()}`;
      if (parts[0] === "users" && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(parts[1] || "")) {
        return `acct:${parts[1].toLowerCase()}@${host}`;
      }
      return null;
    },
    readName(doc) {
      return nameFromTitle(doc, /\s+\(@[^)]+\)/) || text(doc, ".account__header__tabs__name h1");
    },
    /** The title's account (user, and server unless it is this one) must be the URL's account. */
    confirms(doc, url) {
      const match = clean(doc.title).match(/\(@([A-Za-z0-9_][A-Za-z0-9_.-]*)(?:@([A-Za-z0-9.-]+))?\)/);
      if (!match) return null;
      const host = url.hostname.replace(/^www\./, "");
      return `acct:${match[1]}@${match[2] || host}`.toLowerCase() === this.profileKey(url);
    },
    testUrls: [
      ["https://mastodon.social/@Gargron", "acct:gargron@mastodon.social"],
      ["https://mastodon.social/users/gargron", "acct:gargron@mastodon.social"],
      ["https://hachyderm.io/@ada@example.social", "acct:ada@example.social"],
      ["https://mastodon.social/explore", null],
    ],
  };
})();
