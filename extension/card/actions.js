// Two clicks after a conversation: a quick action, a one-line summary, Enter. Plus "add a fact"
// for a known person and "Remember this person" for a stranger. Each form calls back with what
// was typed; the callback's promise resolves to what to tell the person ("Saved.", or why not).
// What is typed but not sent is a draft, kept per profile by the caller, so a redraw of the card
// (the queue drained, back and forward) puts it back. Notes the service would not take are listed
// with their text, to copy or log again.
(() => {
  const { h, testid, personForm } = globalThis.GF;
  const { KIND_LABELS: KIND_WORDS, WEIGHTS } = globalThis.GF.VOCABULARY;
  const QUICK = [
    ["gave", KIND_WORDS.gave, "gf-log-gave", "What did you give? (intro, advice, a share…)"],
    ["asked", KIND_WORDS.asked, "gf-log-asked", "What did you ask for?"],
    ["talked", KIND_WORDS.talked, "gf-log-talked", "What did you talk about?"],
    ["received", KIND_WORDS.received, "gf-log-received", "How did they help?"],
  ];
  const FACT_FIELDS = [["gf-fact-label", "About (e.g. son)"], ["gf-fact-value", "What to remember (e.g. Sam)"]];

  /** How much a give weighed, from a small favour to a big one. */
  function weightPicker() {
    return h("select", { "aria-label": "How big was it?", dataset: testid("gf-log-weight") },
      WEIGHTS.map(([value, words]) => h("option", { value }, words)));
  }

  /** After a give: their asks still open, each with a button to mark it done. */
  function theirOpenAsks(asks, callbacks) {
    if (!asks?.length) return null;
    return h("div", { class: "top", dataset: testid("gf-offer-done") },
      h("div", {}, asks.length === 1 ? "Did that answer their ask?" : "Did that answer one of their asks?"),
      h("div", { class: "actions" }, asks.map((ask) =>
        h("button", { class: "act", type: "button", dataset: { ...testid("gf-mark-done"), interaction: ask.id }, onclick: () => callbacks.markDone(ask.id) },
          `Mark done: ${ask.summary}`))));
  }

  /** "Saved." or {text, tone: "bad" | "wait"} → the note's words and look. */
  function say(note, outcome) {
    const { text, tone } = typeof outcome === "string" ? { text: outcome } : outcome || {};
    note.textContent = text || "";
    note.className = tone ? `note ${tone}` : "note";
  }

  /**
   * A one-row form (`formId` names it in the drafts) whose inputs are read when the person sends
   * it. `values` fill it (a draft, or a name to start from).
   */
  function oneLineForm(formId, fields, values, submitId, submitLabel, onSubmit, note, drafts, extras = []) {
    const inputs = fields.map(([id, placeholder], index) =>
      h("input", {
        type: "text", placeholder, "aria-label": placeholder, maxlength: 1000, dataset: testid(id),
        value: values?.[index] ?? "",
        oninput: () => drafts.keep(formId, inputs.map((input) => input.value)),
      }));
    const button = h("button", { class: "primary", type: "submit", dataset: testid(submitId) }, submitLabel);
    let sending = false;
    const form = personForm([...inputs, ...extras], button, async () => {
      if (sending) return;
      const typed = inputs.map((input) => input.value);
      const trimmed = typed.map((value) => value.trim());
      if (trimmed.some((value) => !value)) {
        say(note, "Please fill this in first.");
        return;
      }
      sending = true;
      button.disabled = true;
      drafts.drop(); // sent: a redraw must not bring it back
      try {
        say(note, await onSubmit(...trimmed));
        form.remove();
      } catch (error) {
        drafts.keep(formId, typed); // what was typed stays, in the form and in the draft
        say(note, { text: error.message, tone: "bad" });
        button.disabled = false;
      } finally {
        sending = false;
      }
    });
    return { form, first: inputs[0] };
  }

  /** Notes that were not sent: whom for, the text as typed, why, and what can be done. */
  function unsentNotes(notes, answer, callbacks, reopen) {
    if (!notes?.length) return null;
    const items = notes.map((unsent) => {
      const words = unsent.kind === "fact" ? "A fact" : KIND_WORDS[unsent.kind] || unsent.kind;
      const why = unsent.refused
        ? unsent.reason
        : `givefirst failed on it ${unsent.tries} times; it is kept in this browser. Last answer: ${unsent.reason}`;
      const status = h("span", { class: "muted", dataset: testid("gf-unsent-copied") });
      const said = h("span", { class: "said", dataset: testid("gf-unsent-text") }, unsent.text);
      const mine = answer.person && unsent.personId === answer.person.id;
      const buttons = [
        h("button", {
          class: "act", type: "button", dataset: testid("gf-unsent-copy"),
          onclick: async () => {
            try {
              await navigator.clipboard.writeText(unsent.text);
              status.textContent = " Copied.";
            } catch {
              getSelection()?.selectAllChildren(said);
              status.textContent = " Selected: press Ctrl+C (⌘C) to copy.";
            }
          },
        }, "Copy"),
        mine ? h("button", { class: "act", type: "button", dataset: testid("gf-unsent-again"), onclick: () => reopen(unsent) }, "Log it again") : null,
        unsent.refused ? null : h("button", { class: "act", type: "button", dataset: testid("gf-unsent-retry"), onclick: () => callbacks.retryNote(unsent.id) }, "Try again"),
        h("button", { class: "act", type: "button", dataset: testid("gf-unsent-dismiss"), onclick: () => callbacks.forgetNote(unsent.id) }, "Dismiss"),
      ];
      return h("li", { dataset: { unsent: unsent.refused ? "refused" : "stuck" } },
        `${words}${unsent.personName ? ` for ${unsent.personName}` : ""}:`, said, why, status,
        h("div", { class: "actions" }, buttons));
    });
    return h("div", { class: "unsent", role: "alert", dataset: testid("gf-unsent") },
      h("strong", {}, notes.length === 1 ? "Not saved in givefirst" : `${notes.length} notes not saved in givefirst`),
      h("ul", {}, items));
  }

  /**
   * The quick actions under the nudge. `callbacks`: log, addFact, remember (each resolves to what
   * to say), drafts {get, keep, drop} for this profile, notes (unsent), retryNote, forgetNote,
   * offerDone (their open asks, after a give) and markDone.
   */
  function renderActions(answer, callbacks, notice = "") {
    const note = h("div", { class: "note", role: "status", dataset: testid("gf-note") });
    say(note, notice);
    const slot = h("div");
    const { drafts } = callbacks;
    const open = ({ form, first }, focus = true) => {
      slot.replaceChildren(form);
      if (focus) first.focus();
    };

    if (!answer.person) {
      const name = answer.profile?.name || "";
      const rememberForm = (values) => oneLineForm("remember",
        [["gf-remember-name", "Name"], ["gf-remember-how", "How do you know them?"]], values,
        "gf-remember-save", "Remember", (n, how) => callbacks.remember(n, how), note, drafts);
      const draft = drafts.get();
      if (draft?.form === "remember") open(rememberForm(draft.values), false);
      return h("div", {},
        h("div", { class: "actions" },
          h("button", {
            class: "act", type: "button", dataset: testid("gf-remember-person"),
            onclick: () => {
              drafts.keep("remember", [name, ""]);
              open(rememberForm([name, ""]));
            },
          }, "Remember this person")),
        slot, note);
    }

    const forms = {};
    for (const [kind, , , placeholder] of QUICK) {
      forms[`log:${kind}`] = (values) => {
        const weight = kind === "gave" ? weightPicker() : null;
        return oneLineForm(`log:${kind}`, [["gf-log-summary", placeholder]], values, "gf-log-save", "Save",
          (summary) => callbacks.log(kind, summary, weight ? Number(weight.value) : undefined), note, drafts, weight ? [weight] : []);
      };
    }
    forms.fact = (values) => oneLineForm("fact", FACT_FIELDS, values, "gf-fact-save", "Add",
      (label, value) => callbacks.addFact(label, value), note, drafts);
    const start = (formId) => {
      drafts.keep(formId, []);
      open(forms[formId]([]));
    };
    const buttons = QUICK.map(([kind, label, id]) =>
      h("button", { class: "act", type: "button", dataset: testid(id), onclick: () => start(`log:${kind}`) }, label));
    const fact = h("button", { class: "act", type: "button", dataset: testid("gf-add-fact"), onclick: () => start("fact") }, "+ A fact");

    const draft = drafts.get();
    if (draft && forms[draft.form]) open(forms[draft.form](draft.values), false);
    const reopen = (unsent) => {
      const formId = unsent.kind === "fact" ? "fact" : `log:${unsent.kind}`;
      const values = unsent.kind === "fact" ? [unsent.label, unsent.value] : [unsent.summary];
      if (!forms[formId]) return;
      drafts.keep(formId, values);
      callbacks.forgetNote(unsent.id); // it lives on in the form now
      open(forms[formId](values));
    };
    return h("div", {},
      h("div", { class: "actions" }, buttons, fact),
      theirOpenAsks(callbacks.offerDone, callbacks),
      unsentNotes(callbacks.notes, answer, callbacks, reopen),
      slot, note);
  }

  globalThis.GF.renderActions = renderActions;
  globalThis.GF.WEIGHTS = WEIGHTS;
})();
