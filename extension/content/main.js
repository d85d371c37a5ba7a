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
  const WAITING = new Set(["not_running", "timeout", "failed", "forbidden"]); // worth trying again

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
    const cache = new Map(); // profile key → {answer, payload}: each profile is asked about once per page
    const drafts = new Map(); // profile key → {form, values}: what was typed and not sent yet
    const sightings = new GF.Sightings(site); // which names the page showed under which URL
    const followsNavigation = site !== GF.sites.web; // elsewhere, only the page the person chose
    let current = null; // {key, url, payload, answer}
    let generation = 0;
    let retryTimer = null;
    let attempts = 0;
    let whenPaired = null; // what to do once a token arrives, while the overlay asks to pair
    let unsent = []; // notes the service did not take (stuck or refused), with their text

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
      if (WAITING.has(failure.kind)) {
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
        cache.set(current.key, { answer, payload: current.payload });
        showCard(answer);
        checkUnsent(mine);
      } catch (failure) {
        if (isCurrent(mine)) showFailure(failure, mine, () => lookUp(mine));
      }
    }

    function draftsFor(key) {
      return {
        get: () => drafts.get(key) || null,
        keep: (form, values) => drafts.set(key, { form, values }),
        drop: () => drafts.delete(key),
      };
    }

    function showCard(answer, notice = "", status = null) {
      current.answer = answer;
      overlay.showCard(answer, { ...callbacks, drafts: draftsFor(current.key), notes: unsent }, notice, status);
    }

    /** Redraw the card as it is (a draft, if any, comes back with it). */
    function redraw(notice = "", status = null) {
      if (current?.answer) showCard(current.answer, notice, status);
    }

    /** The notes the service did not take, asked for after each fresh card; redraw if they changed. */
    async function checkUnsent(mine) {
      const state = await GF.send("notes").catch(() => null);
      if (state && isCurrent(mine) && noteUnsent(state)) redraw();
    }

    function noteUnsent(state) {
      const next = [
        ...state.refused.map((item) => ({ ...item, refused: true })),
        ...state.stuck.map((item) => ({ ...item, refused: false })),
      ];
      const changed = JSON.stringify(next) !== JSON.stringify(unsent);
      unsent = next;
      return changed;
    }

    /** After a change: ask again (not from the cache) and show what changed, if still there. */
    async function refresh(entry, notice) {
      cache.delete(entry.key);
      const answer = await GF.send("context", entry.payload);
      cache.set(entry.key, { answer, payload: entry.payload });
      if (current === entry) showCard(answer, notice);
      return notice;
    }

    /** What became of the note just queued (`result.id`), in words for the person. */
    function outcome(result, entry, mine) {
      noteUnsent(result);
      const sentNow = result.sentNotes?.find((item) => item.id === result.id);
      if (sentNow) {
        const notice = sentNow.moved
          ? `Saved for ${sentNow.personName}: this profile belongs to them now.`
          : "Saved.";
        return refresh(entry, notice).catch(() => notice);
      }
      const refused = result.refused.find((item) => item.id === result.id);
      if (refused) {
        const said = { text: `Not saved: ${refused.reason} Your text is kept below.`, tone: "bad" };
        if (current === entry) redraw(said);
        return said;
      }
      const stuck = result.stuck.find((item) => item.id === result.id);
      if (stuck) {
        const said = { text: "Not saved yet: givefirst keeps failing on this note. It is kept below.", tone: "bad" };
        if (current === entry) redraw(said);
        return said;
      }
      return whileQueued(result, entry, mine);
    }

    /** Notes wait in the background's queue while the service is away; send them when it is back. */
    function whileQueued(result, entry, mine) {
      const kept = { text: "Kept in this browser: not in givefirst yet.", tone: "wait" };
      const left = plural(result.left, "note");
      if (result.stoppedBy?.kind === "not_paired") {
        // The token was refused (revoked, say): pair again; the notes wait and go out after.
        whenPaired = async () => {
          if (!isCurrent(mine)) return;
          const next = await GF.send("flush").catch(() => null);
          if (next) noteUnsent(next);
          const notice = next && !next.left ? "Paired. Your notes are in givefirst." : "";
          await refresh(entry, notice).catch((failure) => showFailure(failure, mine, () => lookUp(mine)));
        };
        overlay.showPairing(pairedNow, `${left} kept in this browser will be sent once it is paired.`);
        return kept;
      }
      const status = `${GF.FAILURES[result.stoppedBy?.kind] || GF.FAILURES.failed}. ` +
        `${left} kept in this browser will be sent when it is back.`;
      if (current === entry) showCard(entry.answer, kept, status);
      const again = async () => {
        if (!isCurrent(mine)) return;
        const next = await GF.send("flush").catch(() => null);
        if (!next) return retryLater(again);
        const changed = noteUnsent(next);
        if (next.stoppedBy?.kind === "not_paired") return whileQueued(next, entry, mine);
        if (next.left) {
          retryLater(again);
          if (changed) redraw(kept, status);
          return undefined;
        }
        stopRetrying();
        return refresh(entry, next.stuck.length ? kept : "Sent to givefirst.").catch(() => undefined);
      };
      retryLater(again);
      return kept;
    }

    /** What the person typed about this card's person, with where it was typed. */
    const about = () => ({
      personId: current.answer.person.id,
      personName: current.answer.person.name,
      profileUrl: current.url,
    });

    const callbacks = {
      async log(kind, summary) {
        const [entry, mine] = [current, generation];
        const result = await GF.send("log", { ...about(), kind, summary });
        return outcome(result, entry, mine);
      },
      async addFact(label, value) {
        const [entry, mine] = [current, generation];
        const result = await GF.send("addFact", { ...about(), label, value });
        return outcome(result, entry, mine);
      },
      async remember(name, howMet) {
        const entry = current;
        await GF.send("rememberPerson", { name, url: entry.url, howMet });
        return refresh(entry, "Remembered. Now start by giving.");
      },
      async retryNote(id) {
        const result = await GF.send("retryNote", { id }).catch(() => null);
        if (result) noteUnsent(result);
        if (result && !result.left && !result.stuck.some((item) => item.id === id) && current) {
          return refresh(current, "Sent to givefirst.").catch(() => redraw());
        }
        return redraw(result?.stuck.some((item) => item.id === id) ? { text: "givefirst still fails on it.", tone: "bad" } : "");
      },
      async forgetNote(id) {
        const result = await GF.send("forgetNote", { id }).catch(() => null);
        if (result) noteUnsent(result);
        redraw();
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
      const known = cache.get(key);
      if (known) {
        current.payload = known.payload; // what to ask again with after a change
        return showCard(known.answer);
      }
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
