// The relationship card from a context answer (docs/product.md, POST /api/v1/context): the verdict,
// the best way to give first (with a draft to edit and copy, when the service wrote one), the
// reasons, the ledger, what to remember, the other ways to give and the latest history.
(() => {
  const { h, testid, timeAgo } = globalThis.GF;
  const { KIND_LABELS: KIND_WORDS, LEDGER_LABELS, HISTORY_HEADING, BALANCE_WORDS, BALANCE_EVEN_WITHIN } = globalThis.GF.VOCABULARY;
  const HISTORY_SHOWN = 5;

  function signed(number) {
    const rounded = Math.round(number * 10) / 10;
    return rounded > 0 ? `+${rounded}` : String(rounded);
  }

  function verdict(nudge) {
    return h("div", { class: "verdict", dataset: { ...testid("gf-verdict"), verdict: nudge.verdict } }, nudge.title);
  }

  function why(nudge) {
    return [
      h("p", { class: "message" }, nudge.message),
      nudge.reasons?.length ? h("ul", { class: "reasons", dataset: testid("gf-reasons") }, nudge.reasons.map((r) => h("li", {}, r))) : null,
    ];
  }

  /** Copy `text`, or select `element` for Ctrl+C where the clipboard is closed; says which. */
  async function copy(text, element, said) {
    try {
      await navigator.clipboard.writeText(text);
      said.textContent = " Copied.";
    } catch {
      element.select?.();
      said.textContent = " Selected: press Ctrl+C (⌘C) to copy.";
    }
  }

  /** The best way to give first, then the others; the best one's draft is there to edit and copy. */
  function suggestions(nudge, draft) {
    const [best, ...others] = nudge.suggestions || [];
    if (!best) return h("div", { dataset: testid("gf-suggestions") }, h("h3", {}, "Ways to give first"), h("div", { class: "muted" }, "No suggestion right now."));
    let editor = null;
    if (typeof best.draft === "string" && best.draft) {
      editor = h("textarea", { "aria-label": "Draft message", dataset: testid("gf-draft"), maxlength: 5000 });
      editor.value = draft.get(best.draft) ?? best.draft;
      editor.addEventListener("input", () => draft.keep(best.draft, editor.value));
    }
    const said = h("span", { class: "muted", role: "status" });
    return h("div", { class: "top", dataset: testid("gf-suggestions") },
      h("h3", {}, "Give first"),
      h("div", { class: "lead" }, best.text),
      editor,
      editor ? h("div", { class: "actions" },
        h("button", { class: "act", type: "button", dataset: testid("gf-draft-copy"), onclick: () => copy(editor.value, editor, said) }, "Copy"), said) : null,
      others.length ? h("ul", { class: "list" }, others.map((s) => h("li", {}, s.text))) : null,
    );
  }

  function nextCheckIn(person) {
    if (!person?.next_due) return null;
    const when = new Date(`${person.next_due.slice(0, 10)}T12:00:00`);
    const words = Number.isNaN(when.getTime()) ? person.next_due : when.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
    return h("div", { class: "muted", dataset: testid("gf-next-due") }, `Next check-in ${words}`);
  }

  /** The balance as a person says it (core/vocabulary.py's balance_words), then its figure. */
  function balanceWords(counts) {
    if (!(counts.gave || counts.asked || counts.received || counts.they_asked)) return BALANCE_WORDS.none;
    if (counts.balance > BALANCE_EVEN_WITHIN) return BALANCE_WORDS.ahead;
    if (counts.balance < -BALANCE_EVEN_WITHIN) return BALANCE_WORDS.behind;
    return BALANCE_WORDS.even;
  }

  function ledger(answer) {
    const { ledger: counts } = answer;
    const last = counts.last_contact ? timeAgo(counts.last_contact) : "never";
    return h("div", { dataset: testid("gf-ledger") },
      h("h3", {}, "Give and ask"),
      h("div", { dataset: testid("gf-balance") }, `${balanceWords(counts)} `,
        h("span", { class: "muted" }, `(balance ${signed(counts.balance)})`)),
      h("div", { class: "ledger" },
        ["gave", "asked", "received"].map((kind) => h("span", {}, `${LEDGER_LABELS[kind]} `, h("b", {}, counts[kind]))),
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
    return list("gf-history", HISTORY_HEADING, items, "Nothing yet.");
  }

  /**
   * The card's sections for a known person or a stranger: the verdict, the best way to give (its
   * draft's edit kept by `draft` {get(written), keep(written, text)}), why, then `actions` right
   * under it, and the record.
   */
  function renderCard(answer, actions, draft) {
    const { nudge } = answer;
    const known = Boolean(answer.person);
    return [
      verdict(nudge),
      suggestions(nudge, draft),
      ...why(nudge),
      actions,
      known ? nextCheckIn(answer.person) : null,
      known ? ledger(answer) : null,
      known || nudge.remember.length ? list("gf-remember", "Remember", nudge.remember, "Nothing noted yet.") : null,
      known ? history(answer) : null,
    ];
  }

  globalThis.GF.renderCard = renderCard;
  globalThis.GF.KIND_WORDS = KIND_WORDS;
  globalThis.GF.copyText = copy;
})();
