// LinkedIn: people at /in/<vanity-name>/ on linkedin.com and its country subdomains. Class names
// are hashed and change often: rely on the title, the main h1 and aria labels.
(() => {
  const { segments, text, nameFromTitle } = globalThis.GF.siteKit;
  // A profile links to its own parts: contact info, details, activity.
  const OWN_PART = /^\/in\/([^/]+)\/(overlay|details|recent-activity)\//;

  function profileKey(url) {
    let parts = segments(url);
    if (parts[0] === "mwlite") parts = parts.slice(1);
    return parts[0] === "in" && parts[1] ? `li:${parts[1].toLowerCase()}` : null;
  }

  globalThis.GF.sites.linkedin = {
    name: "linkedin",
    label: "LinkedIn",
    hosts: ["linkedin.com"],
    keyPrefixes: ["li"],
    profileKey,
    readName(doc) {
      return text(doc, "main h1") || text(doc, "h1") || nameFromTitle(doc, /\s+[|·-]\s+LinkedIn$/);
    },
    /** The page's links to a profile's own parts say whose profile is drawn. */
    confirms(doc, url) {
      for (const link of doc.querySelectorAll("main a[href*='/in/']")) {
        let path;
        try {
          path = new URL(link.getAttribute("href"), doc.baseURI).pathname;
        } catch {
          continue;
        }
        const own = path.match(OWN_PART);
        if (own) return profileKey(new URL(`/in/${own[1]}/`, url)) === profileKey(url);
      }
      return null;
    },
    composers: ".msg-form__contenteditable, [role='textbox'][contenteditable='true'][aria-label*='message' i], textarea[name='message']",
    /** The Connect flow's dialog ("Add a note" / "Send without a note"), if it is open. */
    connectDialog(doc) {
      for (const dialog of doc.querySelectorAll("[role='dialog']")) {
        const buttons = [...dialog.querySelectorAll("button")];
        if (buttons.some((b) => /add a note|send without a note/i.test(b.getAttribute("aria-label") || b.textContent))) {
          return dialog;
        }
      }
      return null;
    },
    testUrls: [
      ["https://uk.linkedin.com/in/Jane-Doe-12ab/?originalSubdomain=uk", "li:jane-doe-12ab"],
      ["https://www.linkedin.com/in/jane-doe-12ab/details/experience/", "li:jane-doe-12ab"],
      ["https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/", "li:jürgen-müller"],
      ["https://www.linkedin.com/mwlite/in/jane-doe-12ab", "li:jane-doe-12ab"],
      ["https://www.linkedin.com/feed/", null],
      ["https://www.linkedin.com/company/acme/", null],
      ["https://www.linkedin.com/messaging/thread/2-abc/", null],
    ],
  };
})();
