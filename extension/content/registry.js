// The supported sites, in one explicit list; the manifest's content_scripts matches these hosts
// (a test keeps the two in step). `web` is last: it takes any page the person chose.
(() => {
  const { sites } = globalThis.GF;
  const SITES = [
    sites.linkedin,
    sites.x,
    sites.github,
    sites.facebook,
    sites.instagram,
    sites.youtube,
    sites.bluesky,
    sites.mastodon,
  ];

  /** The site that owns this host; `web` only when the person asked for this page. */
  function siteFor(host, chosenByPerson = false) {
    const bare = host.replace(/^www\./, "");
    const owner = SITES.find((site) => site.hosts.some((h) => bare === h || bare.endsWith(`.${h}`)));
    return owner || (chosenByPerson ? sites.web : null);
  }

  globalThis.GF.SITES = SITES;
  globalThis.GF.siteFor = siteFor;
})();
