// Two clicks after a conversation: a quick action, a one-line summary, Enter. Plus "add a fact"
// for a known person and "Remember this person" for a stranger. Each form calls back with what
// was typed; the callback's promise resolves to a sentence for the person ("Saved.").
(() => {
  const { h, testid, personForm } = globalThis.GF;
  const QUICK = [
    ["gave", "I gave", "gf-log-gave", "What did you give? (intro, advice, a share…)"],
    ["asked", "I asked", "gf-log-asked", "What did you ask for?"],
    ["talked", "We talked", "gf-log-talked", "What did you talk about?"],
    ["received", "They helped me", "gf-log-received", "How did they help?"],
  ];

  /** A one-row form whose inputs are read on submit; the note shows the outcome. */
  function oneLineForm(fields, submitId, submitLabel, onSubmit, note) {
    const inputs = fields.map(([id, placeholder, value]) =>
      h("input", { type: "text", placeholder, "aria-label": placeholder, maxlength: 1000, dataset: testid(id), value }));
    const button = h("button", { class: "primary", type: "submit", dataset: testid(submitId) }, submitLabel);
    const form = personForm(inputs, button, async () => {
      const values = inputs.map((input) => input.value.trim());
      if (values.some((value) => !value)) {
        note.textContent = "Please fill this in first.";
        return;
      }
      button.disabled = true;
      try {
        note.textContent = await onSubmit(...values);
        form.remove();
      } catch (error) {
        note.textContent = error.message; // what was typed stays in the form
        button.disabled = false;
      }
    });
    return { form, first: inputs[0] };
  }

  function renderActions(answer, callbacks, notice = "") {
    const note = h("div", { class: "note", role: "status", dataset: testid("gf-note") }, notice);
    const slot = h("div");
    const open = ({ form, first }) => {
      slot.replaceChildren(form);
      first.focus();
    };

    if (!answer.person) {
      const name = answer.profile?.name || "";
      return h("div", {},
        h("div", { class: "actions" },
          h("button", {
            class: "act", type: "button", dataset: testid("gf-remember-person"),
            onclick: () => open(oneLineForm(
              [["gf-remember-name", "Name", name], ["gf-remember-how", "How do you know them?", ""]],
              "gf-remember-save", "Remember", (n, how) => callbacks.remember(n, how), note)),
          }, "Remember this person")),
        slot, note);
    }

    const buttons = QUICK.map(([kind, label, id, placeholder]) =>
      h("button", {
        class: "act", type: "button", dataset: testid(id),
        onclick: () => open(oneLineForm([["gf-log-summary", placeholder, ""]], "gf-log-save", "Save",
          (summary) => callbacks.log(kind, summary), note)),
      }, label));
    const fact = h("button", {
      class: "act", type: "button", dataset: testid("gf-add-fact"),
      onclick: () => open(oneLineForm(
        [["gf-fact-label", "About (e.g. son)", ""], ["gf-fact-value", "What to remember (e.g. Sam)", ""]],
        "gf-fact-save", "Add", (label, value) => callbacks.addFact(label, value), note)),
    }, "+ A fact");
    return h("div", {}, h("div", { class: "actions" }, buttons, fact), slot, note);
  }

  globalThis.GF.renderActions = renderActions;
})();
