// Pairing, shown on the card and the options page: ask the background for a code, show it, open
// givefirst's Settings page where one click approves it (the terminal command stays, with a Copy
// button), and wait. The token never passes through here.
(() => {
  const { h, testid, send } = globalThis.GF;

  /** The command as text to copy; where the clipboard is closed, selected for Ctrl+C. */
  function copyButton(command) {
    const said = h("span", { class: "muted", role: "status" });
    return [h("button", {
      class: "act", type: "button", dataset: testid("gf-pair-copy"),
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(command.textContent);
          said.textContent = " Copied.";
        } catch {
          getSelection()?.selectAllChildren(command);
          said.textContent = " Selected: press Ctrl+C (⌘C) to copy.";
        }
      },
    }, "Copy"), said];
  }
  const POLL_MS = 1500;
  const ENDINGS = {
    denied: "The pairing was refused. Start again if that was a mistake.",
    expired: "The code expired. Ask for a new one.",
  };

  /** The pairing flow as an element; calls onPaired() once the token is stored. */
  function pairingView(onPaired) {
    const message = h("p", {}, "Pairing lets this browser read your relationship memory, once you approve it.");
    const slot = h("div");
    const start = h("button", { class: "primary", type: "button", dataset: testid("gf-pair-start"), onclick: begin }, "Pair with givefirst");
    const view = h("div", { dataset: testid("gf-pairing") }, message, slot, start);

    async function begin() {
      start.hidden = true;
      slot.replaceChildren("Asking givefirst for a code…");
      let pairing;
      try {
        pairing = await send("pairStart");
      } catch (error) {
        slot.replaceChildren(error.message);
        start.hidden = false;
        return;
      }
      const command = h("code", { dataset: testid("gf-pair-command") }, pairing.approveWith);
      slot.replaceChildren(
        h("div", {}, "Your code:"),
        h("div", { class: "code", dataset: testid("gf-pair-code") }, pairing.code),
        h("p", {}, h("button", {
          class: "primary", type: "button", dataset: testid("gf-pair-open-settings"),
          onclick: () => send("openSettings").catch((error) => { slot.append(h("p", {}, error.message)); }),
        }, "Approve it in givefirst's Settings"),
        h("span", { class: "muted" }, " (a page of givefirst's own opens: check the code and click Approve)")),
        h("div", { class: "muted" }, "Or in a terminal:"),
        h("div", {}, command, " ", copyButton(command)),
        h("p", { class: "muted" }, "Waiting for approval…"),
      );
      wait();
    }

    async function wait() {
      while (view.isConnected) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!view.isConnected) return;
        let result;
        try {
          result = await send("pairPoll");
        } catch {
          continue; // the service blinked; keep waiting while the code is valid
        }
        if (result.status === "approved") {
          slot.replaceChildren("Paired.");
          onPaired();
          return;
        }
        if (ENDINGS[result.status]) {
          slot.replaceChildren(ENDINGS[result.status]);
          start.hidden = false;
          return;
        }
      }
    }

    return view;
  }

  globalThis.GF.pairingView = pairingView;
})();
