// Content scripts never fetch the service (their fetches count as the page's): they ask the
// background worker, which answers {ok, data} or {ok: false, error: {kind, message}}.
(() => {
  const ext = globalThis.browser ?? globalThis.chrome;

  class Failure extends Error {
    constructor(error) {
      super(error?.message || "givefirst could not answer");
      this.kind = error?.kind || "failed";
    }
  }

  /** Send one message from the table in shared/messages.js; resolves with its data. */
  async function send(type, payload = {}) {
    if (!globalThis.GF.MESSAGES[type]) throw new Error(`unknown message ${type}`);
    let answer;
    try {
      answer = await ext.runtime.sendMessage({ type, payload });
    } catch (error) {
      // The extension was reloaded or updated under this page: nothing can answer any more.
      throw new Failure({ kind: "failed", message: "Reload the page to reconnect givefirst." });
    }
    if (!answer?.ok) throw new Failure(answer?.error);
    return answer.data;
  }

  globalThis.GF.send = send;
  globalThis.GF.Failure = Failure;
})();
