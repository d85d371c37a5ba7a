// Where a surface shows people by address rather than by profile page (Gmail: the sender of the
// message read, the recipients of the message written), the card follows them as it follows a
// profile elsewhere: the tab is on `mailto:<address>`, and the background asks the service about
// it. Your own address is nobody's card: the next address shown is tried instead.
(() => {
  const { send } = globalThis.GF;
  const SCAN_MS = 700;
  const TRIED = 3; // addresses tried, newest first, before the card says there is nobody

  function followPeopleShown(surface) {
    let shownFor = null;
    let first = true;
    let busy = false;

    async function show(addresses) {
      if (!addresses.length) return send("pageIs", { url: location.href, key: null, first });
      for (const address of addresses) {
        const url = `mailto:${address}`;
        await send("pageIs", { url, key: `email:${address}`, first });
        first = false;
        const summary = await send("context", { url });
        if (summary.verdict || summary.failure) return summary; // someone, or givefirst is away
      }
      return null;
    }

    setInterval(async () => {
      const addresses = surface.peopleShown(document).slice(0, TRIED);
      const now = addresses.join(" ");
      if (busy || now === shownFor) return;
      shownFor = now;
      busy = true;
      try {
        await show(addresses);
        first = false;
      } catch {
        shownFor = null; // the background was out of reach: try again
      } finally {
        busy = false;
      }
    }, SCAN_MS);
  }

  globalThis.GF.followPeopleShown = followPeopleShown;
})();
