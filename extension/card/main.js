// The card page: the sidebar (Chromium's side panel, Firefox's sidebar), a tab opened on
// card.html?tab=N, or a frame in the page where the person chose that. It draws what the
// background keeps for its tab (looking up, the card, a problem, pairing, not a profile) and is
// where the person logs, adds facts, remembers someone, and sees the notes that were not sent.
(() => {
  const GF = globalThis.GF;
  const { send, renderCard, renderActions, pairingView } = GF;
  const { VERDICT_COLOURS } = GF.VOCABULARY;
  const nameEl = document.querySelector("[data-testid=gf-name]");
  const statusEl = document.querySelector("[data-testid=gf-status]");
  const content = document.getElementById("content");
  if (new URLSearchParams(location.search).get("in") === "page") document.body.classList.add("in-page");

  let tabId = null;
  let view = null;
  let notice = "";
  let status = null;
  let offerDone = null; // their open asks, offered after a give
  let unsent = []; // notes the service did not take (stuck or refused), with their text
  const drafts = new Map(); // profile key → {form, values}: typed and not sent yet
  const letters = new Map(); // profile key → {written, text}: the best suggestion's draft as edited

  const key = () => view?.key || null;

  function draftsFor(profile) {
    return {
      get: () => drafts.get(profile) || null,
      keep: (form, values) => drafts.set(profile, { form, values }),
      drop: () => drafts.delete(profile),
    };
  }

  /** The edit of the draft the service `written`; once the best suggestion changes (a give was
   * logged, say), its new draft shows instead of an edit of the old one. */
  function letterFor(profile) {
    return {
      get: (written) => (letters.get(profile)?.written === written ? letters.get(profile).text : null),
      keep: (written, text) => letters.set(profile, { written, text }),
    };
  }

  /** The field the person is typing in, to put the cursor back after a redraw. */
  function typingIn() {
    const active = document.activeElement;
    if (!active || !content.contains(active) || !active.dataset.testid) return null;
    return { id: active.dataset.testid, start: active.selectionStart, end: active.selectionEnd };
  }

  function show(name, lines, parts, verdict = null) {
    const typing = typingIn();
    nameEl.textContent = name || "";
    statusEl.replaceChildren(...[lines].flat().filter(Boolean));
    content.replaceChildren(...parts.flat().filter(Boolean));
    document.body.style.setProperty("--verdict", VERDICT_COLOURS[verdict] || VERDICT_COLOURS.stranger);
    const again = typing && content.querySelector(`[data-testid="${typing.id}"]`);
    if (again) {
      again.focus();
      if (typeof typing.start === "number") again.setSelectionRange(typing.start, typing.end);
    }
  }

  function showPairing(waiting = "") {
    show("", ["This browser is not paired with givefirst yet.", waiting && ` ${waiting}`], [pairingView(() => undefined)]);
  }

  async function showNotAProfile() {
    show("", "", [GF.notAProfileView(view.kind === "none" || view.kind === "unknown" ? showHere : null)]);
    const mine = view;
    const running = await send("status").then((s) => s.running, () => true);
    if (!running && view === mine) statusEl.replaceChildren(...GF.failureWords({ kind: "not_running" }));
  }

  function render() {
    if (!view) return;
    document.body.dataset.url = view.url || ""; // which page of the tab this card is about
    if (view.kind === "card") {
      const { answer } = view;
      const name = answer.person?.name || answer.profile?.name || "Someone new";
      const actions = GF.h("div", {}, GF.linkOffers(answer, callbacks),
        renderActions(answer, { ...callbacks, drafts: draftsFor(key()), notes: unsent, offerDone }, notice));
      return show(name, status, [renderCard(answer, actions, letterFor(key()))], answer.nudge.verdict);
    }
    if (view.kind === "loading") return show("", "Looking this person up…", []);
    if (view.kind === "problem") {
      if (view.failure.kind === "not_paired") return showPairing();
      if (view.failure.kind === "not_a_profile") return show("", `${GF.FAILURES.not_a_profile}: givefirst found no one on it.`, []);
      return show("", GF.failureWords(view.failure, view.retryIn), [GF.tryNowButton(() => send("retryTab", { tabId }))]);
    }
    return showNotAProfile();
  }

  function news(next) {
    // The answer to "tabState" can arrive after a newer view the background sent meanwhile.
    if (next.tabId === view?.tabId && next.drawn < view.drawn) return;
    if (next.key !== key() || next.tabId !== tabId) {
      notice = "";
      status = null;
      offerDone = null;
      outcomes.stop();
    }
    view = next;
    render();
    if (next.kind === "card") checkUnsent();
  }

  async function showHere() {
    try {
      await send("showHere", { tabId });
    } catch (error) {
      statusEl.textContent = `This page cannot be read: ${error.message}`;
    }
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

  async function checkUnsent() {
    const state = await send("notes").catch(() => null);
    if (state && noteUnsent(state)) render();
  }

  /** Ask again about the person on the card; resolves to `said` once the card is fresh. */
  async function refresh(said) {
    notice = said;
    status = null;
    const fresh = await send("refreshTab", { tabId, key: key() });
    if (fresh.tabId === tabId) news(fresh);
    return said;
  }

  const outcomes = GF.noteOutcomes({
    refresh,
    redraw(said, why = null) {
      notice = said;
      status = why;
      render();
    },
    showPairing,
    noteUnsent,
    stillShown: () => view?.kind === "card",
  });

  /** What the person typed about this card's person, with where it was typed. */
  const about = () => ({
    personId: view.answer.person.id,
    personName: view.answer.person.name,
    profileUrl: view.url,
  });

  // All their open asks, from the ledger: the history shows only the latest entries.
  const openAsksOf = (answer) => answer.ledger?.their_open_asks || [];

  const callbacks = {
    async log(kind, summary, weight) {
      const theirs = kind === "gave" ? openAsksOf(view.answer) : [];
      const result = await send("log", { ...about(), kind, summary, weight });
      offerDone = theirs.length ? theirs : null;
      return outcomes.outcome(result);
    },
    async addFact(label, value) {
      return outcomes.outcome(await send("addFact", { ...about(), label, value }));
    },
    async remember(name, howMet) {
      await send("rememberPerson", { name, url: view.url, howMet });
      return refresh("Remembered. Now start by giving.");
    },
    async linkProfile(personId, name, url = view.url) {
      try {
        await send("linkProfile", { personId, url });
      } catch (error) {
        notice = { text: `Not linked: ${error.message}`, tone: "bad" };
        return render();
      }
      return refresh(`Linked to ${name}.`);
    },
    async markDone(interactionId) {
      try {
        await send("markDone", { interactionId });
      } catch (error) {
        notice = { text: `Not marked done: ${error.message}`, tone: "bad" };
        return render();
      }
      const left = (offerDone || []).filter((ask) => ask.id !== interactionId);
      offerDone = left.length ? left : null; // the others a give may also have answered
      return refresh("Marked done.");
    },
    async retryNote(id) {
      const result = await send("retryNote", { id }).catch(() => null);
      if (result) noteUnsent(result);
      if (result && !result.left && !result.stuck.some((item) => item.id === id) && view?.kind === "card") {
        return refresh("Sent to givefirst.").catch(() => render());
      }
      notice = result?.stuck.some((item) => item.id === id) ? { text: "givefirst still fails on it.", tone: "bad" } : "";
      return render();
    },
    async forgetNote(id) {
      const result = await send("forgetNote", { id }).catch(() => null);
      if (result) noteUnsent(result);
      render();
    },
  };

  GF.followTab(async (next) => {
    tabId = next;
    news(await send("tabState", { tabId }));
  }, news);
})();
