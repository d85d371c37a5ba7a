// The relationship card from a context answer (PRODUCT.md, POST /api/v1/context): the nudge with
// its reasons, the ledger, what to remember, ways to give and the latest history.
(() => {
  const { h, testid, timeAgo } = globalThis.GF;
  const HISTORY_SHOWN = 5;
  const KIND_WORDS = {
    gave: "I gave",
    asked: "I asked",
    received: "They helped me",
    they_asked: "They asked",
    talked: "We talked",
    messaged: "I wrote",
  };

  function signed(number) {
    const rounded = Math.round(number * 10) / 10;
    return rounded > 0 ? `+${rounded}` : String(rounded);
  }

  function verdict(nudge) {
    return [
      h("div", { class: "verdict", dataset: { ...testid("gf-verdict"), verdict: nudge.verdict } }, nudge.title),
      h("p", { class: "message" }, nudge.message),
      nudge.reasons?.length ? h("ul", { class: "reasons" }, nudge.reasons.map((r) => h("li", {}, r))) : null,
    ];
  }

  function ledger(answer) {
    const { ledger: counts } = answer;
    const last = counts.last_contact ? timeAgo(counts.last_contact) : "never";
    return h("div", { dataset: testid("gf-ledger") },
      h("h3", {}, "Give and ask"),
      h("div", { class: "ledger" },
        h("span", {}, "Gave ", h("b", {}, counts.gave)),
        h("span", {}, "Asked ", h("b", {}, counts.asked)),
        h("span", {}, "They helped ", h("b", {}, counts.received)),
        h("span", {}, "Balance ", h("b", {}, signed(counts.balance))),
      ),
      h("div", { class: "muted" }, `Last contact: ${last}`),
    );
  }

  function list(id, title, items, empty) {
    return h("div", { dataset: testid(id) },
      h("h3", {}, title),
      items.length ? h("ul", { class: "list" }, items.map((item) => h("li", {}, item))) : h("div", { class: "muted" }, empty),
    );
  }

  function history(answer) {
    const items = answer.history.slice(0, HISTORY_SHOWN).map((entry) => [
      h("span", { class: "kind" }, KIND_WORDS[entry.kind] || entry.kind), ": ", entry.summary,
      entry.status ? ` (${entry.status})` : "",
      h("span", { class: "muted" }, ` · ${timeAgo(entry.occurred_at)}`),
    ]);
    return list("gf-history", "Latest", items, "Nothing yet.");
  }

  /** The card's sections for a known person or a stranger; `actions` go right under the nudge. */
  function renderCard(answer, actions) {
    const { nudge } = answer;
    const known = Boolean(answer.person);
    return [
      ...verdict(nudge),
      actions,
      known ? ledger(answer) : null,
      known || nudge.remember.length ? list("gf-remember", "Remember", nudge.remember, "Nothing noted yet.") : null,
      list("gf-suggestions", "Ways to give first", nudge.suggestions.map((s) => s.text), "No suggestion right now."),
      known ? history(answer) : null,
    ];
  }

  globalThis.GF.renderCard = renderCard;
  globalThis.GF.KIND_WORDS = KIND_WORDS;
})();
