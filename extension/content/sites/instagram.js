// Instagram: instagram.com/<username>/; the title says "Name (@user) • Instagram …".
(() => {
  const { segments, firstSegmentKey, text, nameFromTitle, titleHandle } = globalThis.GF.siteKit;
  const RESERVED = new Set(("p reel reels explore stories accounts direct about legal developer tv web " +
    "challenge emails session privacy directory").split(" "));

  globalThis.GF.sites.instagram = {
    name: "instagram",
    label: "Instagram",
    hosts: ["instagram.com"],
    keyPrefixes: ["ig"],
    reserved: RESERVED,
    profileKey: (url) => firstSegmentKey(url, "ig", /^[A-Za-z0-9._]{1,30}$/, RESERVED),
    readName(doc) {
      return nameFromTitle(doc, /\s+\(@[^)]+\)/) || text(doc, "header h2") || text(doc, "header h1");
    },
    confirms(doc, url) {
      return titleHandle(doc, segments(url)[0] || "", /\(@([A-Za-z0-9._]+)\)/);
    },
    testUrls: [
      ["https://instagram.com/Some.User/?igsh=abc", "ig:some.user"],
      ["https://www.instagram.com/p/Cx1/", null],
      ["https://www.instagram.com/explore/", null],
    ],
  };
})();
