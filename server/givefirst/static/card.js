// The relationship card, drawn from the API's context answer: the one renderer the bookmarklet's
// popup and the dashboard's Person pages share. Every piece of text comes from a web page or the
// database, so it is only ever set with textContent, never parsed as HTML.
"use strict";

(() => {
  // The product's words (vocabulary.js, written from givefirst.core.vocabulary).
  const { KIND_LABELS, LEDGER_LABELS, HISTORY_HEADING, CIRCLE_LABELS, WEIGHTS, BALANCE_WORDS,
    BALANCE_EVEN_WITHIN } = globalThis.GF.VOCABULARY;
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
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

  // "3 months ago", "yesterday", "today": how long ago an ISO moment was.
  function ago(iso, now = Date.now()) {
    const then = Date.parse(iso || "");
    if (Number.isNaN(then)) return "never";
    const days = Math.floor((now - then) / 86400000);
    if (days < 1) return days < 0 ? "upcoming" : "today";
    if (days === 1) return "yesterday";
    for (const [unit, size] of [["year", 365], ["month", 30], ["week", 7], ["day", 1]]) {
      const count = Math.floor(days / size);
      if (count >= 1) return `${count} ${unit}${count === 1 ? "" : "s"} ago`;
    }
    return "today";
  }

  // "8 Dec", with the year when it is not this one.
  function shortDay(iso) {
    const [year, month, dayOfMonth] = String(iso || "").slice(0, 10).split("-").map(Number);
    if (!year || !month) return "";
    const thisYear = year === new Date().getFullYear();
    return `${dayOfMonth} ${MONTHS[month - 1]}${thisYear ? "" : ` ${year}`}`;
  }

  function balanceWords(figures) {
    if (!(figures.gave || figures.asked || figures.received || figures.they_asked)) return BALANCE_WORDS.none;
    if (figures.balance > BALANCE_EVEN_WITHIN) return BALANCE_WORDS.ahead;
    if (figures.balance < -BALANCE_EVEN_WITHIN) return BALANCE_WORDS.behind;
    return BALANCE_WORDS.even;
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
      ? [CIRCLE_LABELS[person.circle] || person.circle, person.how_met && `met: ${person.how_met}`]
      : [profile.headline, profile.company, profile.location];
    return el(
      "header",
      { class: "card-head" },
      el("h2", { "data-testid": "gf-name" }, name),
      el("p", { class: "card-sub" }, details.filter(Boolean).join(" · ")),
    );
  }

  // The verdict (its title in words, never only its colour), the message, then the best way to
  // give with its draft: what to do comes before why.
  function nudge(context) {
    const { verdict, title, message, suggestions } = context.nudge;
    const best = suggestions[0];
    return el(
      "section",
      { class: `nudge verdict-${verdict}` },
      el("h3", { class: "verdict-title", "data-testid": "gf-verdict", "data-verdict": verdict }, title),
      el("p", { class: "nudge-message" }, message),
      best ? el("div", { class: "best", "data-testid": "gf-best" }, el("strong", null, "Give first: "),
        best.text, best.draft ? draft(best.draft) : null) : null,
    );
  }

  function reasons(context) {
    const items = context.nudge.reasons;
    return items.length ? section("Why", list("ul", "gf-reasons", items, "")) : null;
  }

  function ledger(context) {
    const figures = context.ledger;
    const cells = ["gave", "asked", "received", "they_asked"].map((kind) => [LEDGER_LABELS[kind], figures[kind]]);
    cells.push(["Last contact", ago(figures.last_contact)]);
    return el("div", { class: "card-part" },
      el("p", { class: "balance", "data-testid": "gf-balance" }, `${balanceWords(figures)} `,
        el("span", { class: "hint" }, `(balance ${signed(figures.balance)})`)),
      el(
        "dl",
        { class: "ledger", "data-testid": "gf-ledger" },
        ...cells.map(([term, value]) => el("div", null, el("dt", null, term), el("dd", null, value))),
      ));
  }

  function history(context, shown) {
    const items = context.history.slice(0, shown).map((item) => {
      const status = item.status ? ` (${item.status})` : "";
      const when = el("time", { datetime: item.occurred_at, title: shortDay(item.occurred_at) }, ago(item.occurred_at));
      return el("span", null, el("span", { class: "kind" }, KIND_LABELS[item.kind] || item.kind), `: ${item.summary}${status} · `, when);
    });
    return section(HISTORY_HEADING, list("ol", "gf-history", items, "Nothing logged yet."));
  }

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

  // A field's problem, said right under it and tied to it for screen readers.
  function fieldProblem(field, testid) {
    const node = el("p", { class: "field-problem", id: `${field.id}-problem`, "data-testid": testid, role: "alert" });
    field.setAttribute("aria-describedby", node.id);
    return {
      node,
      show(text) {
        node.textContent = text;
        if (text) {
          field.setAttribute("aria-invalid", "true");
          field.focus();
        } else {
          field.removeAttribute("aria-invalid");
        }
      },
    };
  }

  // Someone you do not know yet: "Is this the Lucía you know?" for each person of the same name,
  // and a form to remember them (name, how you know them).
  function strangerParts(context, options) {
    const parts = (context.namesakes || []).map((known) => {
      const yes = el("button", { type: "button", "data-testid": "gf-namesake-link" }, `Yes: this is ${known.name}`);
      yes.addEventListener("click", () => options.onLink(known));
      const first = known.name.trim().split(/\s+/)[0];
      return el("div", { class: "best", "data-testid": "gf-namesake" },
        el("p", null, el("strong", null, `Is this the ${first} you know?`)), yes);
    });
    const name = el("input", { id: "gf-remember-name", type: "text", maxlength: "200", autocomplete: "off",
      "data-testid": "gf-remember-name" });
    name.value = (context.profile && context.profile.name) || "";
    const how = el("input", { id: "gf-remember-how", type: "text", maxlength: "500", autocomplete: "off",
      placeholder: "e.g. We met at PyCon", "data-testid": "gf-remember-how" });
    const problem = fieldProblem(name, "gf-remember-problem");
    const form = el("form", { class: "card-log", "aria-label": "Remember this person", "data-testid": "gf-remember-form" },
      el("label", { for: "gf-remember-name" }, "Name"), name, problem.node,
      el("label", { for: "gf-remember-how" }, "How do you know them?"), how,
      el("div", { class: "buttons" }, el("button", { type: "submit", "data-testid": "gf-remember-save" }, "Remember this person")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!name.value.trim()) {
        problem.show("Give them a name to remember them by.");
        return;
      }
      problem.show("");
      await options.onRemember(name.value.trim(), how.value.trim());
    });
    return [...parts, form];
  }

  // A known person's other profiles (from their pages' links), each with one click to link;
  // one that givefirst has as someone else's is named, never offered.
  function suggestedProfiles(context, onLinkProfile) {
    const items = (context.suggested_profiles || []).map((offer) => {
      const shown = el("a", { href: offer.url, target: "_blank", rel: "noopener noreferrer" },
        offer.url.replace(/^https?:\/\//, ""));
      if (offer.belongs_to) {
        return el("span", null, shown, ` (givefirst has it as ${offer.belongs_to.name}'s)`);
      }
      const button = el("button", { type: "button", "data-testid": "gf-link-profile" }, "Link");
      button.addEventListener("click", () => onLinkProfile(offer));
      return el("span", null, shown, " ", button);
    });
    return section("Their other profiles", list("ul", "gf-suggested-profiles", items, ""));
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
    const problem = fieldProblem(summary, "gf-log-problem");
    const buttons = LOG_BUTTONS.map(([kind, label]) => {
      const button = el("button", { type: "button", "data-testid": `gf-log-${kind}` }, label);
      button.addEventListener("click", async () => {
        if (!summary.value.trim()) {
          problem.show("Say in a few words what happened, then choose what to log.");
          return;
        }
        problem.show("");
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
      problem.node,
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
  // status(text, kind) to report, link (a dashboard page for this person),
  // onLinkProfile(offer) to link one of their other profiles to them.
  function render(root, context, options = {}) {
    const parts = [];
    if (options.titled !== false) {
      parts.push(header(context));
    }
    const known = Boolean(context.person);
    parts.push(nudge(context), reasons(context));
    // Someone you do not know has no ledger to show: only zeros.
    if (known) {
      parts.push(ledger(context));
    }
    const others = context.nudge.suggestions.slice(1).map((item) =>
      item.draft ? el("div", null, item.text, draft(item.draft)) : item.text,
    );
    if (others.length) {
      parts.push(section("Other ways to give", list("ol", "gf-suggestions", others, "")));
    }
    if (known || context.nudge.remember.length) {
      parts.push(
        section("Remember", list("ul", "gf-remember", context.nudge.remember, "Nothing noted yet.")),
      );
    }
    if (context.changes && context.changes.length) {
      const news = context.changes.map((c) => `${c.field}: now “${c.new}” (was “${c.old}”)`);
      parts.push(section("What's new", list("ul", "gf-changes", news, "")));
    }
    if (options.history && known) {
      parts.push(history(context, options.history));
    }
    if (known && options.onLinkProfile && (context.suggested_profiles || []).length) {
      parts.push(suggestedProfiles(context, options.onLinkProfile));
    }
    if (!known && options.onRemember) {
      parts.push(...strangerParts(context, options));
    }
    if (options.onLog && (known || !options.onRemember)) {
      parts.push(logForm(options.onLog, options.status || (() => {}), context));
    }
    if (options.link) {
      parts.push(el("p", { class: "card-link" }, el("a", { href: options.link, target: "_blank", rel: "noopener" }, "Open in the dashboard")));
    }
    root.replaceChildren(el("article", { class: "card", "data-testid": "gf-card" }, ...parts));
  }

  window.givefirstCard = { render, KIND_LABELS, WEIGHTS, ago, shortDay };
})();
