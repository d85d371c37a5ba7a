// Pairing, shown on the card and the options page: ask the background for a code, show it with
// the command that approves it, and wait. The token never passes through here.
(() => {
  const { h, testid, send } = globalThis.GF;
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
      slot.replaceChildren(
        h("div", {}, "Your code:"),
        h("div", { class: "code", dataset: testid("gf-pair-code") }, pairing.code),
        h("div", {}, "Approve it in a terminal:"),
        h("div", {}, h("code", { dataset: testid("gf-pair-command") }, pairing.approveWith)),
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
