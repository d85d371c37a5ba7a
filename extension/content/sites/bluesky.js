// Bluesky: bsky.app/profile/<handle or DID>.
(() => {
  const { segments, nameFromTitle, titleHandle, text } = globalThis.GF.siteKit;
  const ACTOR = /^(did:[a-z0-9]+:[a-z0-9._:%-]+|[a-z0-9.-]+\.[a-z0-9-]+)$/;

  globalThis.GF.sites.bluesky = {
    name: "bluesky",
    label: "Bluesky",
    hosts: ["bsky.app"],
    keyPrefixes: ["bsky"],
    profileKey(url) {
      const parts = segments(url);
      const actor = (parts[1] || "").toLowerCase();
      return parts[0] === "profile" && ACTOR.test(actor) ? `bsky:${actor}` : null;
    },
    readName(doc) {
      return text(doc, "[data-testid='profileHeaderDisplayName']") || nameFromTitle(doc, /\s+\(@[^)]+\)/);
    },
    confirms(doc, url) {
      return titleHandle(doc, segments(url)[1] || "", /\(@([^)]+)\)/);
    },
    testUrls: [
      ["https://bsky.app/profile/Alice.Bsky.Social", "bsky:alice.bsky.social"],
      ["https://bsky.app/profile/alice.bsky.social/post/3k2", "bsky:alice.bsky.social"],
      ["https://bsky.app/profile/did:plc:abc123", "bsky:did:plc:abc123"],
      ["https://bsky.app/search?q=x", null],
    ],
  };
})();
