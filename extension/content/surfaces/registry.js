// The messaging surfaces, in one explicit list beside the profile sites (content/registry.js):
// where a person writes to someone, so that sending can log it.
(() => {
  const { surfaces } = globalThis.GF;
  const SURFACES = [surfaces.linkedin, surfaces.x, surfaces.gmail];

  function surfaceFor(host) {
    const bare = host.replace(/^www\./, "");
    return SURFACES.find((surface) => surface.hosts.some((h) => bare === h || bare.endsWith(`.${h}`))) || null;
  }

  globalThis.GF.SURFACES = SURFACES;
  globalThis.GF.surfaceFor = surfaceFor;
})();
