// The relationship card, drawn from the API's context answer: the one renderer the bookmarklet's
// popup and the dashboard's Person pages share. Every piece of text comes from a web page or the
// database, so it is only ever set with textContent, never parsed as HTML.
"use strict";

(() => {
  const KIND_LABELS = {
    gave: "I gave",
    asked: "I asked",
    received: "They gave",
    they_asked: "They asked",
    talked: "We talked",
    messaged: "I messaged",
  };
  const LOG_BUTTONS = [
    ["gave", "Log a give"],
    ["asked", "Log an ask"],
    ["talked", "Log a conversation"],
  ];

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) {
        node.setAttribute(name, value);
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  function day(iso) {
    return iso ? String(iso).slice(0, 10) : "never";
  }

  function signed(number) {
    return (number > 0 ? "+" : number < 0 ? "−" : "") + Math.abs(number).toFixed(1);
  }

  function list(tag, testid, items, empty) {
    if (!items.length) {
      return el("p", { class: "empty", "data-testid": testid }, empty);
    }
    return el(tag, { "data-testid": testid }, ...items.map((item) => el("li", null, item)));
  }

  // A message to edit and send yourself: givefirst never sends anything.
  function draft(text) {
    const box = el("textarea", { class: "card-draft", rows: "6", "data-testid": "gf-draft",
      "aria-label": "A draft to edit and send yourself" });
    box.value = text;
    const note = el("span", { class: "hint", role: "status" });
    const copy = el("button", { type: "button", "data-testid": "gf-draft-copy" }, "Copy");
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(box.value);
      } catch {
        box.select();
        document.execCommand("copy");
      }
      note.textContent = "Copied: paste it where you write to them.";
    });
    return el("div", { class: "card-draft-box" }, box, el("div", null, copy, " ", note));
  }

  function section(title, body) {
    return el("section", { class: "card-part" }, el("h3", null, title), body);
  }

  function header(context) {
    const person = context.person;
    const profile = context.profile || {};
    const name = (person && person.name) || profile.name || "Someone you don't know yet";
    const details = person
      ? [`${person.circle} circle`, person.how_met && `met: ${person.how_met}`]
      : [profile.headline, profile.company, profile.location];
    return el(
      "header",
      { class: "card-head" },
      el("h2", { "data-testid": "gf-name" }, name),
      el("p", { class: "card-sub" }, details.filter(Boolean).join(" · ")),
    );
  }

  function nudge(context) {
    const { verdict, title, message, reasons } = context.nudge;
    return el(
      "section",
      { class: `nudge verdict-${verdict}` },
      el("h3", { "data-testid": "gf-verdict", "data-verdict": verdict }, title),
      el("p", { class: "nudge-message" }, message),
      el("ul", { class: "reasons" }, ...reasons.map((reason) => el("li", null, reason))),
    );
  }

  function ledger(context) {
    const figures = context.ledger;
    const cells = [
      ["Gave", figures.gave],
      ["Asked", figures.asked],
      ["Received", figures.received],
      ["They asked", figures.they_asked],
      ["Balance", signed(figures.balance)],
      ["Last contact", day(figures.last_contact)],
    ];
    return el(
      "dl",
      { class: "ledger", "data-testid": "gf-ledger" },
      ...cells.map(([term, value]) => el("div", null, el("dt", null, term), el("dd", null, value))),
    );
  }

  function history(context, shown) {
    const items = context.history.slice(0, shown).map((item) => {
      const status = item.status ? ` (${item.status})` : "";
      return `${day(item.occurred_at)} · ${KIND_LABELS[item.kind] || item.kind}: ${item.summary}${status}`;
    });
    return section("History", list("ol", "gf-history", items, "Nothing logged yet."));
  }

  // In givefirst.core.vocabulary.WEIGHTS' words (a test keeps them equal).
  const WEIGHTS = [
    ["1", "a small favour"],
    ["2", "real help"],
    ["3", "a big one"],
  ];

  // How much a give or an ask weighed, and which of their open asks a give answers.
  function logExtras(context) {
    const weight = el("select", { id: "gf-log-weight", "data-testid": "gf-log-weight" },
      ...WEIGHTS.map(([value, label]) => el("option", { value }, label)));
    const asks = (context.ledger.their_open_asks || []).map((ask) => {
      const box = el("input", { type: "checkbox", value: ask.id, "data-testid": "gf-log-done" });
      return [box, el("label", null, box, ` A give that answers “${ask.summary}”: mark it done`)];
    });
    const read = () => ({
      weight: Number(weight.value),
      done: asks.filter(([box]) => box.checked).map(([box]) => box.value),
    });
    const parts = [el("label", { for: "gf-log-weight" }, "How much was it worth?"), weight,
      ...asks.map(([, label]) => label)];
    return { parts, read };
  }

  function logForm(onLog, status, context) {
    const extras = logExtras(context);
    const summary = el("input", {
      id: "gf-log-summary",
      name: "summary",
      type: "text",
      maxlength: "2000",
      autocomplete: "off",
      placeholder: "e.g. Introduced her to a designer",
      "data-testid": "gf-log-summary",
    });
    const buttons = LOG_BUTTONS.map(([kind, label]) => {
      const button = el("button", { type: "button", "data-testid": `gf-log-${kind}` }, label);
      button.addEventListener("click", async () => {
        if (!summary.value.trim()) {
          status("Say in a few words what happened, then choose what to log.", "error");
          summary.focus();
          return;
        }
        buttons.forEach((other) => (other.disabled = true));
        try {
          await onLog(kind, summary.value.trim(), extras.read());
        } finally {
          buttons.forEach((other) => (other.disabled = false));
        }
      });
      return button;
    });
    const form = el(
      "form",
      { class: "card-log", "aria-label": "Log an interaction" },
      el("label", { for: "gf-log-summary" }, "What happened?"),
      summary,
      ...extras.parts,
      el("div", { class: "buttons" }, ...buttons),
    );
    // Enter in the box would send the form itself: a reload that loses the text and puts it in
    // the address. Which kind to log is the person's choice, so Enter only says so.
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      status("Choose what to log: a give, an ask or a conversation.", "info");
      summary.focus();
    });
    return form;
  }

  // options: titled (show the name), history (how many entries), onLog(kind, summary, {weight,
  // done: ids of their asks a give answered}) → Promise,
  // status(text, kind) to report, link (a dashboard page for this person).
  function render(root, context, options = {}) {
    const parts = [];
    if (options.titled !== false) {
      parts.push(header(context));
    }
    parts.push(nudge(context), ledger(context));
    const suggestions = context.nudge.suggestions.map((item) =>
      item.draft ? el("div", null, item.text, draft(item.draft)) : item.text,
    );
    parts.push(section("Ways to give", list("ol", "gf-suggestions", suggestions, "—")));
    parts.push(
      section("Remember", list("ul", "gf-remember", context.nudge.remember, "Nothing noted yet.")),
    );
    if (context.changes && context.changes.length) {
      const news = context.changes.map((c) => `${c.field}: now “${c.new}” (was “${c.old}”)`);
      parts.push(section("What's new", list("ul", "gf-changes", news, "")));
    }
    if (options.history) {
      parts.push(history(context, options.history));
    }
    if (options.onLog) {
      parts.push(logForm(options.onLog, options.status || (() => {}), context));
    }
    if (options.link) {
      parts.push(el("p", { class: "card-link" }, el("a", { href: options.link, target: "_blank", rel: "noopener" }, "Open in the dashboard")));
    }
    root.replaceChildren(el("article", { class: "card", "data-testid": "gf-card" }, ...parts));
  }

  window.givefirstCard = { render, KIND_LABELS, WEIGHTS };
})();
