// The toolbar popup: is givefirst running and paired, pairing, and "show the card for this page"
// (the one way a page outside the supported sites is ever sent to the service).
(() => {
  const { send, pairingView, describeStatus } = globalThis.GF;
  const ext = globalThis.browser ?? globalThis.chrome;
  const statusLine = document.getElementById("status");
  const pairing = document.getElementById("pairing");
  const showHere = document.getElementById("show-here");

  async function refresh() {
    const status = await send("status");
    statusLine.textContent = describeStatus(status);
    pairing.replaceChildren(status.running && !status.paired ? pairingView(refresh) : "");
  }

  showHere.addEventListener("click", async () => {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    try {
      await send("showHere", { tabId: tab.id });
      window.close();
    } catch (error) {
      statusLine.textContent = `This page cannot be read: ${error.message}`;
    }
  });

  refresh().catch((error) => {
    statusLine.textContent = error.message;
  });
})();
