// YouTube: channels at /@handle, /channel/<id> (case-sensitive), and legacy /c/ and /user/.
(() => {
  const { segments, text, nameFromTitle } = globalThis.GF.siteKit;

  globalThis.GF.sites.youtube = {
    name: "youtube",
    label: "YouTube",
    hosts: ["youtube.com"],
    keyPrefixes: ["yt"],
    profileKey(url) {
      const parts = segments(url);
      if (/^@[A-Za-z0-9._-]{1,100}$/.test(parts[0] || "")) return `yt:${parts[0].toLowerCase()}`;
      if (parts[0] === "channel" && /^UC[\w-]{22}$/.test(parts[1] || "")) return `yt:channel/${parts[1]}`;
      if ((parts[0] === "c" || parts[0] === "user") && parts[1]) return `yt:${parts[0]}/${parts[1].toLowerCase()}`;
      return null;
    },
    readName(doc) {
      return text(doc, "#page-header h1") || text(doc, "#channel-name") || nameFromTitle(doc, /\s+-\s+YouTube$/);
    },
    testUrls: [
      ["https://youtube.com/@Creator", "yt:@creator"],
      ["https://www.youtube.com/@Creator/videos", "yt:@creator"],
      ["https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", "yt:channel/UCabcdefghijklmnopqrstuv"],
      ["https://www.youtube.com/watch?v=abc", null],
    ],
  };
})();
