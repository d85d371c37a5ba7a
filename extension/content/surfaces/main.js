// Starts the messaging surface of this page's site, if it has one (after content/main.js). On
// Gmail, also the card for the people shown and the ask guard. On LinkedIn profile pages, tells
// the background the member id the page carries, so that a conversation, which names people by
// member id, finds the person known by their vanity URL.
(() => {
  const GF = globalThis.GF;
  const surface = GF.surfaceFor(location.hostname);
  if (!surface || GF.surfaceStarted) return;
  GF.surfaceStarted = true;
  const MEMBER_SCAN_MS = 1000;

  /** Only a page proven to be this profile, or the page first loaded, names its member. */
  function reportMemberId() {
    const site = GF.sites[surface.name];
    const firstHref = location.href;
    let reported = null;
    setInterval(() => {
      if (reported === location.href) return;
      const url = new URL(location.href);
      const key = site.profileKey(url);
      if (!key || /^\/in\/ACo[A-Za-z0-9_-]{30,60}\/?$/.test(url.pathname)) return; // a member-id URL itself
      const proven = site.confirms(document, url);
      if (proven === false || (proven !== true && location.href !== firstHref)) return;
      const memberId = surface.memberIdOnProfile(document);
      if (!memberId) return;
      reported = location.href;
      GF.send("memberSeen", { url: location.href, memberId }).catch(() => undefined);
    }, MEMBER_SCAN_MS);
  }

  GF.send("surfaceSettings", { surface: surface.name }).then(({ tabId }) => {
    GF.startSurface(surface, tabId);
    if (surface.memberIdOnProfile) reportMemberId();
    if (surface.peopleShown) {
      // Not a profile site: the card and the ask guard start here, for the people shown.
      GF.followPeopleShown(surface);
      const recipientUrl = (composer) => surface.threadOf(composer)?.personUrl || null;
      GF.startAskGuard({ composers: surface.composers, recipientUrl, textOf: surface.textOf }, tabId);
    }
  }, () => undefined);
})();
