// The content script's wiring on a supported site: follow in-app navigation, wait until the page
// shows the new person, ask the background for their card once per profile, and show it. Also
// starts the ask and connect guards. Runs once per page (a second injection only re-shows).
// It never reads extension storage (the token lives there): settings come from the background.
(() => {
  const GF = globalThis.GF;
  if (GF.app) {
    if (GF.chosenByPerson) GF.app.showNow();
    return;
  }
  const site = GF.siteFor(location.hostname, GF.chosenByPerson);
  if (!site) return;
  const ext = globalThis.browser ?? globalThis.chrome;
  let starting = null;
  let pairedNow = () => undefined;
  // Until the sidebar is set up (or while this site is switched off), the toolbar button starts it.
  GF.app = {
    showNow() {
      GF.chosenByPerson = true;
      starting ??= start();
    },
  };
  ext.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== ext.runtime.id) return;
    if (message?.type === "showNow") GF.app.showNow();
    if (message?.type === "paired") pairedNow();
  });
  const RETRY_DELAYS_S = [1, 2, 4, 8, 15, 30];

  function wording(failure) {
    if (failure.kind === "not_running") {
      return [
        "givefirst is not running. Start it in a terminal with ",
        GF.h("code", {}, "givefirst serve"), " (or ", GF.h("code", {}, "scripts/run"), ").",
      ];
    }
    return [`${GF.FAILURES[failure.kind] || GF.FAILURES.failed}: ${failure.message}`];
  }

  function plural(count, word) {
    return `${count} ${word}${count === 1 ? "" : "s"}`;
  }

  async function start() {
    let settings = { disabled: false, collapsed: false };
    try {
      settings = await GF.send("siteSettings", { site: site.name });
    } catch {
      // The background is out of reach; the sidebar says so at the first lookup.
    }
    if (settings.disabled && !GF.chosenByPerson) {
      starting = null;
      return;
    }

    const overlay = GF.createOverlay(site.name, settings.collapsed);
    const cache = new Map(); // profile key → card: each profile is asked about once per page
    const sightings = new GF.Sightings(site); // which names the page showed under which URL
    const followsNavigation = site !== GF.sites.web; // elsewhere, only the page the person chose
    let current = null; // {key, url, payload, answer}
    let generation = 0;
    let retryTimer = null;
    let attempts = 0;
    let whenPaired = null; // what to do once a token arrives, while the overlay asks to pair

    const isCurrent = (mine) => mine === generation;
    const keyFor = (href) => {
      try {
        return site.profileKey(new URL(href));
      } catch {
        return null;
      }
    };

    function stopRetrying() {
      clearTimeout(retryTimer);
      retryTimer = null;
      attempts = 0;
    }

    /** Try `task` again later, waiting longer each time (1 s, 2 s, 4 s … 30 s). */
    function retryLater(task) {
      clearTimeout(retryTimer);
      const delay = RETRY_DELAYS_S[Math.min(attempts, RETRY_DELAYS_S.length - 1)];
      attempts += 1;
      retryTimer = setTimeout(task, delay * 1000);
      return delay;
    }

    function showFailure(failure, mine, again) {
      if (failure.kind === "not_paired") {
        // Paired here, or in the popup or options page meanwhile: either way, look up again.
        whenPaired = () => isCurrent(mine) && again();
        return overlay.showPairing(pairedNow);
      }
      if (failure.kind === "not_a_profile" && !current?.forced) return overlay.hide();
      const lines = wording(failure);
      if (failure.kind === "not_running") {
        lines.push(` Trying again in ${retryLater(() => isCurrent(mine) && again())} s.`);
      }
      overlay.showProblem(lines, () => {
        stopRetrying();
        again();
      });
    }

    async function lookUp(mine) {
      try {
        const answer = await GF.send("context", current.payload);
        if (!isCurrent(mine)) return;
        stopRetrying();
        cache.set(current.key, answer);
        showCard(answer);
      } catch (failure) {
        if (isCurrent(mine)) showFailure(failure, mine, () => lookUp(mine));
      }
    }

    function showCard(answer, notice = "", status = null) {
      current.answer = answer;
      overlay.showCard(answer, callbacks, notice, status);
    }

    /** After a change: ask again (not from the cache) and show what changed. */
    async function refresh(notice) {
      const mine = generation;
      cache.delete(current.key);
      const answer = await GF.send("context", current.payload);
      if (!isCurrent(mine)) return notice;
      cache.set(current.key, answer);
      showCard(answer, notice);
      return notice;
    }

    /** Logs wait in the background's queue while the service is down; send them when it is back. */
    function whileQueued(result, mine) {
      if (!result.left) return refresh("Saved.");
      const status = `${GF.FAILURES[result.stoppedBy?.kind] || GF.FAILURES.failed}. ` +
        `${plural(result.left, "note")} saved in this browser will be sent when it is back.`;
      showCard(current.answer, "Saved in this browser.", status);
      const again = async () => {
        if (!isCurrent(mine)) return;
        const next = await GF.send("flush").catch(() => ({ left: result.left }));
        if (next.left) retryLater(again);
        else {
          stopRetrying();
          refresh("Sent to givefirst.").catch(() => undefined);
        }
      };
      retryLater(again);
      return "Saved in this browser.";
    }

    const callbacks = {
      async log(kind, summary) {
        const result = await GF.send("log", { personId: current.answer.person.id, kind, summary });
        return whileQueued(result, generation);
      },
      async addFact(label, value) {
        const result = await GF.send("addFact", { personId: current.answer.person.id, label, value });
        return whileQueued(result, generation);
      },
      async remember(name, howMet) {
        await GF.send("rememberPerson", { name, url: current.url, howMet });
        return refresh("Remembered. Now start by giving.");
      },
    };

    async function onUrl(href, forced = false) {
      const key = keyFor(href) || (forced ? `page:${href}` : null);
      if (current?.key === key && !forced) return; // the same person, another tab of their profile
      const mine = ++generation;
      stopRetrying();
      if (!key || (!followsNavigation && !forced)) {
        current = null;
        return overlay.hide();
      }
      current = { key, url: href, forced };
      if (cache.has(key)) return showCard(cache.get(key));
      overlay.showLoading();
      const url = new URL(href);
      const stale = sightings.staleFor(key);
      const seen = await GF.whenPersonShown(site, url, stale, () => isCurrent(mine));
      if (!isCurrent(mine)) return;
      // Only a page that shows this person goes out; otherwise just the URL, never the previous
      // person's page under this person's URL.
      if (seen.shown) {
        // At once, not when the answer comes: the next URL may come first.
        sightings.accept(key, seen.name, GF.pageMetadata(document).filter((piece) => !stale.metadata(piece)));
      }
      current.payload = seen.shown
        ? { url: href, title: document.title, html: GF.trimmedPage(document, stale.metadata), fields: seen.name ? { name: seen.name } : {} }
        : { url: href };
      await lookUp(mine);
    }

    GF.app.showNow = () => {
      overlay.expand();
      onUrl(location.href, true);
    };
    GF.app.stranger = () => (current?.answer && !current.answer.person ? current.answer : null);

    pairedNow = () => {
      const next = whenPaired;
      whenPaired = null;
      next?.();
    };

    addEventListener("keydown", (event) => {
      if (!event.isTrusted) return; // a script pressing keys must not fold the sidebar
      if (event.altKey && event.shiftKey && event.code === "KeyG" && overlay.isShown()) {
        event.preventDefault();
        overlay.toggle();
      }
    }, true);

    GF.startAskGuard(site);
    GF.startConnectGuard(site, GF.app.stranger, (name, howMet) => callbacks.remember(name, howMet));
    if (followsNavigation) {
      GF.watchUrl((href) => {
        sightings.urlChanged(); // what is on screen now is still the page left
        onUrl(href);
      });
    }
    if (GF.chosenByPerson) GF.app.showNow();
    else onUrl(location.href);
  }

  starting = start();
})();
