// Linking profiles instead of making duplicates: on a stranger's card, "Is this the Lucía you
// know?" for each person of the same name; on a known person's card, the other profiles their
// page links to, each with one click to link. A profile someone else has is named, not offered.
(() => {
  const { h, testid } = globalThis.GF;

  function firstName(name) {
    return String(name || "").trim().split(/\s+/)[0] || "them";
  }

  function namesakes(answer, link) {
    return (answer.namesakes || []).map((known) =>
      h("div", { class: "top", dataset: testid("gf-namesake") },
        h("div", { class: "lead" }, `Is this the ${firstName(known.name)} you know?`),
        h("div", { class: "actions" },
          h("button", { class: "primary", type: "button", dataset: testid("gf-namesake-link"), onclick: () => link(known.id, known.name) },
            `Yes: this is ${known.name}`))));
  }

  function suggested(answer, link) {
    const offers = answer.suggested_profiles || [];
    if (!answer.person || !offers.length) return null;
    return h("div", { dataset: testid("gf-suggested-profiles") },
      h("h3", {}, "Their other profiles"),
      h("ul", { class: "list" }, offers.map((offer) => h("li", {},
        h("a", { href: offer.url, target: "_blank", rel: "noopener noreferrer" }, offer.url.replace(/^https?:\/\//, "")), " ",
        offer.belongs_to
          ? h("span", { class: "muted" }, `(givefirst has it as ${offer.belongs_to.name}'s)`)
          : h("button", { class: "act", type: "button", dataset: testid("gf-link-profile"), onclick: () => link(answer.person.id, answer.person.name, offer.url) },
            "Link")))));
  }

  /** `callbacks.linkProfile(personId, name, url?)`: link `url` (this page's, by default). */
  function linkOffers(answer, callbacks) {
    const link = (...args) => callbacks.linkProfile(...args);
    return h("div", {}, answer.person ? suggested(answer, link) : namesakes(answer, link));
  }

  globalThis.GF.linkOffers = linkOffers;
})();
