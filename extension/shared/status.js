// One sentence about the connection to the service, for the options page.
(() => {
  function describeStatus(status) {
    const queued = status.queued ? ` ${status.queued} note(s) wait in this browser to be sent.` : "";
    if (!status.running) {
      return `givefirst is not running at ${status.serviceUrl}. Start it from the givefirst folder with scripts/run (or .venv/bin/givefirst serve).${queued}`;
    }
    if (!status.paired) return `givefirst is running, but this browser is not paired yet.${queued}`;
    return `Paired with givefirst at ${status.serviceUrl} as "${status.tokenName}".${queued}`;
  }

  globalThis.GF.describeStatus = describeStatus;
})();
