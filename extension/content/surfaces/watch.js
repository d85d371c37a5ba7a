// Sending logs it: on a messaging surface, a message sent from a box (Enter, its Send button, its
// form) to someone givefirst knows is logged by the background (as `messaged`, or `asked` when the
// ask check says so), and a chip beside the box says so with Undo (or offers "Log it" when the
// person switched automatic logging off for this surface). A send counts once the site took it:
// the box emptied, or a new message of yours appeared. The thread's rows (ids and who wrote them,
// never text) go to the background when they change, so a reply can turn `messaged` into `talked`.
(() => {
  const { send, createChip } = globalThis.GF;
  const CONFIRM_MS = 4000; // how long a send may take to show
  const ROW_GRACE_MS = 1500; // after the box empties, how long to wait for the message's own row
  const POLL_MS = 100;
  const SCAN_MS = 1000;
  const CHIP_MS = 60000;
  const MAX_TEXT = 20000;

  const typedIn = (surface, composer) => (surface.textOf ? surface.textOf(composer) : composer.value ?? composer.innerText ?? "").trim();
  const signature = (rows) => rows.map((r) => `${r.mine ? 1 : 0}${r.id}`).join("|");

  /** Calls `onSent(attempt, messageId)` for each message the site took from one of the surface's boxes. */
  function watchSends(surface, onSent) {
    const typed = (composer) => typedIn(surface, composer);
    let pending = null;
    let lastComposer = null;

    /** Wait until the site took the message (or did not: Enter made a new line), then report. */
    function confirm(attempt) {
      let emptiedAt = null;
      const look = () => {
        if (pending !== attempt) return;
        const mine = surface.rows(attempt.thread).filter((r) => r.mine && !attempt.known.has(r.id));
        const now = Date.now();
        if (emptiedAt === null && (!attempt.composer.isConnected || !typed(attempt.composer))) emptiedAt = now;
        if (mine.length || (emptiedAt !== null && now - emptiedAt >= ROW_GRACE_MS) || now - attempt.started >= CONFIRM_MS) {
          pending = null;
          if (mine.length || emptiedAt !== null) onSent(attempt, mine.at(-1)?.id || null);
          return;
        }
        setTimeout(look, POLL_MS);
      };
      setTimeout(look, POLL_MS);
    }

    function sending(composer) {
      const text = typed(composer);
      if (!text) return;
      if (pending?.composer === composer) {
        // Enter made a new line a moment ago, and now the message goes: the same attempt, later.
        Object.assign(pending, { text: text.slice(0, MAX_TEXT), started: Date.now() });
        return;
      }
      const thread = surface.threadOf(composer);
      if (!thread) return;
      const known = new Set(surface.rows(thread).map((r) => r.id));
      pending = { composer, thread, text: text.slice(0, MAX_TEXT), known, started: Date.now() };
      confirm(pending);
    }

    addEventListener("keydown", (event) => {
      if (!event.isTrusted || event.key !== "Enter" || event.shiftKey || event.isComposing) return;
      const composer = surface.composerOf(event.composedPath()[0]);
      if (composer) sending(composer);
    }, true);
    addEventListener("focusin", (event) => {
      const composer = surface.composerOf(event.composedPath()[0]);
      if (composer) lastComposer = composer;
    }, true);
    addEventListener("click", (event) => {
      if (!event.isTrusted || !lastComposer?.isConnected) return;
      const thread = surface.threadOf(lastComposer);
      if (thread && surface.isSend(event.composedPath()[0], thread)) sending(lastComposer);
    }, true);
    addEventListener("submit", (event) => {
      const composer = surface.composersIn(document).find((c) => event.target.contains(c));
      if (composer && event.isTrusted) sending(composer);
    }, true);
  }

  /** Threads on screen: their rows go to the background when they change (a reply came). */
  function watchThreads(surface) {
    const seen = new Map(); // thread key → signature last reported

    function threadsShown() {
      const shown = surface.threadsShown ? surface.threadsShown(document) : [];
      for (const composer of surface.composersIn(document)) {
        const thread = surface.threadOf(composer);
        if (thread) shown.push({ key: thread.key, rows: surface.rows(thread) });
      }
      return shown;
    }

    setInterval(() => {
      for (const { key, rows } of threadsShown()) {
        const now = signature(rows);
        if (seen.get(key) === now) continue;
        seen.set(key, now);
        send("threadSeen", { surface: surface.name, thread: key, rows }).catch(() => undefined);
      }
    }, SCAN_MS);
    return { reportAgain: (key) => seen.delete(key) };
  }

  function startSurface(surface, tabId) {
    if (tabId === null) return;
    const chip = createChip("givefirst-sent-chip", "sent", tabId);
    const threads = watchThreads(surface);
    let chipTimer = null;

    watchSends(surface, async ({ composer, thread, text, known }, messageId) => {
      const payload = {
        surface: surface.name, thread: thread.key, personUrl: thread.personUrl, personName: thread.name || "",
        messageId, text, knownIds: [...known].slice(-50),
      };
      const answer = await send("messageSent", payload).catch(() => null);
      if (answer?.show) {
        // Beside the box; where the site closed it on sending (Gmail's compose window), beside
        // the conversation or the page's main part.
        const anchor = composer.isConnected ? composer.closest("form") || composer
          : (thread.root instanceof Element && thread.root.isConnected && thread.root) || document.querySelector("[role='main']") || document.body;
        chip.show(anchor, answer.verdict);
        clearTimeout(chipTimer);
        chipTimer = setTimeout(chip.hide, CHIP_MS);
      }
      threads.reportAgain(thread.key); // its rows again, now that this message is logged
    });

    let lastHref = location.href;
    setInterval(() => {
      if (location.href === lastHref) return;
      lastHref = location.href;
      chip.hide(); // another conversation
    }, SCAN_MS / 2);
  }

  globalThis.GF.startSurface = startSurface;
})();
