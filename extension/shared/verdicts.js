// Each verdict's colour, the same on the card, the badge, the launcher and the chips.
(() => {
  globalThis.GF.VERDICT_COLOURS = Object.freeze({
    stranger: "#52606d",
    connection_only: "#6d4fc2",
    give_space: "#c2410c",
    they_are_waiting: "#b45309",
    ask_pending: "#a16207",
    reconnect_first: "#0e7490",
    give_first: "#c81e1e",
    ready: "#15803d",
  });
})();
