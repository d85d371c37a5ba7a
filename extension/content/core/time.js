// "3 months ago": last contact and history dates in words.
(() => {
  const UNITS = [
    ["year", 365 * 86400],
    ["month", 30 * 86400],
    ["week", 7 * 86400],
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];

  /** How long ago an ISO 8601 moment was, in words; "" for no moment. */
  function timeAgo(iso, now = Date.now()) {
    const then = Date.parse(iso ?? "");
    if (Number.isNaN(then)) return "";
    const seconds = Math.round((now - then) / 1000);
    if (seconds < 0) return "upcoming";
    if (seconds < 60) return "just now";
    for (const [unit, size] of UNITS) {
      const count = Math.floor(seconds / size);
      if (count >= 1) {
        if (unit === "day" && count === 1) return "yesterday";
        return `${count} ${unit}${count === 1 ? "" : "s"} ago`;
      }
    }
    return "just now";
  }

  globalThis.GF.timeAgo = timeAgo;
})();
