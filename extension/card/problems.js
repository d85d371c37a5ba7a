// What the card says when it cannot show a person: givefirst not running (and how to start it,
// as a person would type it), not paired (pairing right here), a page that is not a profile.
(() => {
  const { h, testid, FAILURES } = globalThis.GF;

  /** Words for a failure {kind, message}; never "not paired" when nothing answers at all. */
  function wording(failure, retryIn = null) {
    const again = retryIn ? ` Trying again in ${retryIn} s.` : "";
    if (failure.kind === "not_running") {
      return [
        "givefirst is not running. Start it from the givefirst folder with ",
        h("code", {}, "scripts/run"), " (or ", h("code", {}, ".venv/bin/givefirst serve"), ").", again,
      ];
    }
    return [`${FAILURES[failure.kind] || FAILURES.failed}: ${failure.message}`, again];
  }

  /** A button that asks the background to try at once. */
  function tryNow(onClick) {
    return h("button", { class: "act", type: "button", dataset: testid("gf-retry"), onclick: onClick }, "Try now");
  }

  /** A page that is not a person's profile: say so, and offer to read it anyway. */
  function notAProfile(onShowHere) {
    return h("div", {},
      h("p", {}, "This page is not a person's profile on a site givefirst reads."),
      onShowHere ? h("button", { class: "primary", type: "button", dataset: testid("gf-show-here"), onclick: onShowHere }, "Show the card for this page") : null,
      h("p", { class: "muted" }, "givefirst reads a page only on supported profile sites, or here when you ask."),
      h("p", {}, h("a", { href: "../options/options.html", target: "_blank" }, "Settings")));
  }

  globalThis.GF.failureWords = wording;
  globalThis.GF.tryNowButton = tryNow;
  globalThis.GF.notAProfileView = notAProfile;
})();
