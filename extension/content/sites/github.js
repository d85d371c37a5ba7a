// GitHub: github.com/<user>; a second path segment is a repository, not a person.
(() => {
  const { segments, firstSegmentKey, text } = globalThis.GF.siteKit;
  const RESERVED = new Set(("settings orgs marketplace explore topics trending collections events " +
    "sponsors notifications pulls issues login logout join signup new organizations about pricing " +
    "features enterprise security site apps search codespaces copilot dashboard team teams watching " +
    "stars account customer-stories readme resources solutions contact mobile nonprofit education " +
    "discussions pulse users repositories codesearch").split(" "));

  globalThis.GF.sites.github = {
    name: "github",
    label: "GitHub",
    hosts: ["github.com"],
    keyPrefixes: ["gh"],
    reserved: RESERVED,
    profileKey(url) {
      if (segments(url).length > 1) return null;
      return firstSegmentKey(url, "gh", /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/, RESERVED);
    },
    readName(doc) {
      return text(doc, "[itemprop='name']") || text(doc, ".vcard-fullname") || text(doc, "[itemprop='additionalName']");
    },
    confirms(doc, url) {
      const login = text(doc, "[itemprop='additionalName']") || text(doc, ".p-nickname");
      return login ? login.toLowerCase() === (segments(url)[0] || "").toLowerCase() : null;
    },
    testUrls: [
      ["https://github.com/Octo-Cat", "gh:octo-cat"],
      ["https://github.com/octo-cat/hello-world", null],
      ["https://github.com/settings", null],
      ["https://github.com/", null],
    ],
  };
})();
