// X (Twitter): x.com/<handle>; the title "Name (@handle) / X" tells whose page is drawn.
(() => {
  const { firstSegmentKey, text, nameFromTitle, titleHandle } = globalThis.GF.siteKit;
  const RESERVED = new Set(("home explore notifications messages settings search compose i intent share " +
    "hashtag login logout signup tos privacy about account download jobs premium lists topics " +
    "communities bookmarks following followers verified help").split(" "));

  globalThis.GF.sites.x = {
    name: "x",
    label: "X (Twitter)",
    hosts: ["x.com", "twitter.com"],
    keyPrefixes: ["x"],
    reserved: RESERVED,
    profileKey: (url) => firstSegmentKey(url, "x", /^[A-Za-z0-9_]{1,15}$/, RESERVED),
    readName(doc) {
      return nameFromTitle(doc, /\s+\(@[A-Za-z0-9_]+\)/) || text(doc, "[data-testid='UserName'] span");
    },
    confirms(doc, url) {
      return titleHandle(doc, url.pathname.split("/")[1] || "", /\(@([A-Za-z0-9_]{1,15})\)/);
    },
    composers: "[data-testid='dmComposerTextInput'], [data-testid^='tweetTextarea_'][contenteditable='true']",
    testUrls: [
      ["https://twitter.com/Jack", "x:jack"],
      ["https://x.com/jack/status/1", "x:jack"],
      ["https://x.com/homer", "x:homer"],
      ["https://x.com/home", null],
      ["https://x.com/i/lists/1", null],
      ["https://x.com/messages/123-456", null],
    ],
  };
})();
