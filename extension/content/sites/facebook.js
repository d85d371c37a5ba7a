// Facebook: facebook.com/<username>, profile.php?id=<n> and /people/<Name>/<n>.
(() => {
  const { segments, firstSegmentKey, text, nameFromTitle } = globalThis.GF.siteKit;
  const RESERVED = new Set(("home.php groups pages events marketplace watch gaming login login.php " +
    "photo.php permalink.php story.php sharer sharer.php share settings notifications messages " +
    "friends hashtag search help policies privacy ads business bookmarks saved reel reels stories " +
    "dialog plugins l.php me memories fundraisers jobs photo photos video videos live profile.php").split(" "));

  globalThis.GF.sites.facebook = {
    name: "facebook",
    label: "Facebook",
    hosts: ["facebook.com", "fb.com"],
    keyPrefixes: ["fb", "fb-id"],
    reserved: RESERVED,
    profileKey(url) {
      const parts = segments(url);
      if (parts[0] === "profile.php") {
        const id = url.searchParams.get("id") || "";
        return /^\d+$/.test(id) ? `fb-id:${id}` : null;
      }
      if (parts[0] === "people" && /^\d+$/.test(parts[2] || "")) return `fb-id:${parts[2]}`;
      return firstSegmentKey(url, "fb", /^[A-Za-z0-9.]{1,50}$/, RESERVED);
    },
    readName(doc) {
      return text(doc, "[role='main'] h1") || text(doc, "h1") || nameFromTitle(doc, /\s+\|\s+Facebook$/);
    },
    testUrls: [
      ["https://m.facebook.com/profile.php?id=100004&ref=bookmarks", "fb-id:100004"],
      ["https://www.facebook.com/Jane.Doe", "fb:jane.doe"],
      ["https://www.facebook.com/people/Jane-Doe/100004/", "fb-id:100004"],
      ["https://www.facebook.com/groups/123", null],
    ],
  };
})();
