// The ask guard's and connect guard's chip, framed in the page beside a message box or LinkedIn's
// Connect dialog (chip.html?tab=N&kind=ask|connect). Its words come from the background and stay
// in this document: the page it sits in never holds the reason, the counts or the name. Its status
// region is announced to screen readers whenever it changes.
(() => {
  const { h, send, personForm } = globalThis.GF;
  const { VERDICT_COLOURS } = globalThis.GF.VOCABULARY;
  const ext = globalThis.browser ?? globalThis.chrome;
  const query = new URLSearchParams(location.search);
  const tabId = Number.parseInt(query.get("tab"), 10);
  const kind = ["connect", "sent"].includes(query.get("kind")) ? query.get("kind") : "ask";
  const box = document.getElementById("chip");
  const said = document.getElementById("said");
  const actions = document.getElementById("actions");
  let note = "";

  function rememberForm(chip, placeholder) {
    const name = h("input", { type: "text", "aria-label": "Name", placeholder: "Name", dataset: { testid: "gf-chip-name" }, maxlength: 200 });
    name.value = chip.name;
    const how = h("input", { type: "text", "aria-label": placeholder, placeholder, dataset: { testid: `gf-${kind === "ask" ? "chip" : "connect"}-how` }, maxlength: 500 });
    const save = h("button", { class: "primary", type: "submit", dataset: { testid: `gf-${kind === "ask" ? "chip" : "connect"}-save` } }, "Remember");
    return personForm(kind === "connect" ? [how] : [name, how], save, async () => {
      try {
        await send("chipRemember", { tabId, kind, name: name.value, howMet: how.value });
        note = "Remembered.";
      } catch (error) {
        note = error.message;
      }
      draw(await send("chipState", { tabId, kind }));
    });
  }

  function askActions(chip) {
    const buttons = [
      chip.known && !chip.armed ? h("button", { type: "button", dataset: { testid: "gf-chip-log-ask" }, onclick: arm }, "Log this ask when sent") : null,
      chip.armed && !chip.logged ? h("span", { class: "note" }, "It will be logged as an ask once sent.") : null,
      chip.logged ? h("span", { class: "note" }, "Logged as an ask.") : null,
      h("button", { type: "button", dataset: { testid: "gf-chip-open-card" }, onclick: openCard }, "Open the card"),
    ];
    return [h("div", { class: "actions" }, buttons), chip.canRemember ? rememberForm(chip, "How do you know them?") : null];
  }

  /** The "sent" chip: what sending logged, with Undo; or "Log it" when nothing was. */
  function drawSent(chip) {
    const what = chip.logKind === "asked" ? `an ask to ${chip.name}: ${chip.summary}` : `a message to ${chip.name}`;
    const words = {
      logged: `Logged ${what}.`,
      undone: "Not logged.",
      offered: `Sent to ${chip.name}. Automatic logging is off here.`,
      confirm: `Not logged yet. Is this ${chip.name}, whom givefirst knows?`,
      stranger: `Not logged: ${chip.name || "they"} ${chip.name ? "is" : "are"} not in givefirst.`,
    };
    said.replaceChildren(...[h("div", { dataset: { testid: "gf-sent-said" } }, words[chip.state] || ""), note ? h("div", { class: "note" }, note) : null].filter(Boolean));
    const act = (type) => async () => {
      try {
        note = "";
        draw(await send(type, { tabId }));
      } catch (error) {
        note = error.message;
        draw(await send("chipState", { tabId, kind }));
      }
    };
    const button = (testid, type, label) => h("button", { type: "button", dataset: { testid }, onclick: act(type) }, label);
    const choices = {
      logged: button("gf-sent-undo", "sentUndo", "Undo"),
      confirm: button("gf-sent-confirm", "sentClaim", `Yes, it is ${chip.name}: log it`),
      stranger: chip.name ? button("gf-sent-remember", "sentClaim", `Remember ${chip.name} and log it`) : null,
    };
    const choice = chip.state in choices ? choices[chip.state] : button("gf-sent-log", "sentLogNow", "Log it");
    actions.replaceChildren(h("div", { class: "actions" }, choice));
  }

  function draw(chip) {
    if (!chip) {
      said.replaceChildren();
      actions.replaceChildren();
      return;
    }
    box.dataset.testid = { ask: "gf-ask-guard", connect: "gf-connect-guard", sent: "gf-sent-chip" }[kind];
    box.dataset.verdict = chip.verdict;
    box.style.borderColor = VERDICT_COLOURS[chip.verdict] || VERDICT_COLOURS.give_space;
    if (kind === "sent") {
      drawSent(chip);
    } else if (kind === "ask") {
      // replaceChildren writes a null as the text "null": leave the missing parts out.
      said.replaceChildren(...[
        h("strong", {}, "Have you given before asking?"),
        h("div", { dataset: { testid: "gf-ask-reason" } }, chip.reason),
        chip.give ? h("div", { class: "muted" }, `Give first: ${chip.give}`) : null,
        note ? h("div", { class: "note" }, note) : null].filter(Boolean));
      actions.replaceChildren(...askActions(chip).filter(Boolean));
    } else {
      said.replaceChildren(...[
        h("strong", {}, "Add a personal note"),
        h("div", {}, "Say how you found them and offer something useful. Don't ask yet."),
        note ? h("div", { class: "note" }, note) : null].filter(Boolean));
      actions.replaceChildren(...[chip.canRemember ? rememberForm(chip, "How do you know them?") : null].filter(Boolean));
    }
  }

  async function arm() {
    try {
      draw(await send("chipArm", { tabId }));
    } catch (error) {
      note = error.message;
      draw(await send("chipState", { tabId, kind }));
    }
  }

  function openCard() {
    // Straight from this click, which the browser requires to open a sidebar.
    if (ext.sidePanel?.open) ext.sidePanel.open({ tabId }).catch(() => undefined);
    else ext.sidebarAction?.open?.().catch(() => undefined);
  }

  ext.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== ext.runtime.id || message?.type !== "chipChanged") return;
    if (message.tabId === tabId && message.kind === kind) draw(message.chip);
  });
  send("chipState", { tabId, kind }).then(draw, () => draw(null));
})();
