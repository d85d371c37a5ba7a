// The one table of messages between the extension's parts and its background worker.
// Only the background worker talks to the givefirst service; everything else sends one of these.
// `from` says who may send it: "content" (scripts in web pages) and/or "page" (the extension's own
// pages: the card, the chips, the options page). Web pages' scripts can neither write nor read
// anything about a person: they say where the tab is, and learn a verdict's colour at most.
// Loaded as a classic content script and imported for its side effect by the background module.
globalThis.GF = globalThis.GF || {};

globalThis.GF.MESSAGES = Object.freeze({
  pageIs: { from: ["content"], doc: "{url, key, forced?, first?} → this tab is on this page (key null: not a profile)" },
  context: { from: ["content"], doc: "{url, title, html, fields} → the page shows that person: look them up → {verdict, title, known}" },
  askCheck: { from: ["content"], doc: "{text, url?} → {show, verdict}: whether the ask chip is due (its words stay in its frame)" },
  askSent: { from: ["content"], doc: "the message the ask chip spoke about was sent → {logged}" },
  connectOpened: { from: ["content"], doc: "the Connect dialog opened → {show, verdict}" },
  chipHide: { from: ["content"], doc: "{kind} → the chip's message or dialog is gone" },
  surfaceSettings: { from: ["content"], doc: "{surface} → {tabId}: start the messaging surface's watcher" },
  messageSent: { from: ["content"], doc: "{surface, thread, personUrl, personName, messageId, text, knownIds} → {show, verdict}: log it (text not kept)" },
  threadSeen: { from: ["content"], doc: "{surface, thread, rows: [{id, mine}]} → {talked}: a reply turns messaged into talked" },
  memberSeen: { from: ["content"], doc: "{url, memberId} → {linked}: a known LinkedIn profile's member id" },
  sentUndo: { from: ["page"], doc: "{tabId} → the sent chip's message is not logged after all" },
  sentLogNow: { from: ["page"], doc: "{tabId} → log the sent chip's message (automatic logging off)" },
  sentClaim: { from: ["page"], doc: "{tabId} → it is the person the chip names (or remember them), then log it" },
  surfaceOptions: { from: ["page"], doc: "{surface} → {autoLog}" },
  setSurfaceOption: { from: ["page"], doc: "{surface, autoLog} → {autoLog}" },
  siteSettings: { from: ["content"], doc: "{site} → {disabled, launcher, inPage, tabId} for that site and tab" },
  openSidebar: { from: ["content", "page"], doc: "{tabId?} → open the card beside the tab (within the person's gesture)" },
  tabState: { from: ["page"], doc: "{tabId} → what the card shows for that tab" },
  retryTab: { from: ["page"], doc: "{tabId} → ask the service again now" },
  refreshTab: { from: ["page"], doc: "{tabId, key} → ask again about that profile (after a change)" },
  chipState: { from: ["page"], doc: "{tabId, kind: ask|connect|sent} → what the chip of that kind says" },
  chipArm: { from: ["page"], doc: "{tabId} → log the ask when its message is sent" },
  chipRemember: { from: ["page"], doc: "{tabId, kind, name, howMet?} → remember the stranger the chip is about" },
  log: { from: ["page"], doc: "{personId, kind, summary, weight?, profileUrl, personName} → the queue's state and this note's id" },
  addFact: { from: ["page"], doc: "{personId, label, value, profileUrl, personName} → the queue's state and this fact's id" },
  rememberPerson: { from: ["page"], doc: "{name, url, howMet?} → the new person" },
  markDone: { from: ["page"], doc: "{interactionId} → their ask is done" },
  linkProfile: { from: ["page"], doc: "{personId, url} → link that profile to the person (a namesake, or a suggested profile)" },
  flush: { from: ["page"], doc: "send queued logs now → {sent, left, stuck, refused, stoppedBy}" },
  notes: { from: ["page"], doc: "→ {stuck, refused}: notes that could not be sent, with their text" },
  retryNote: { from: ["page"], doc: "{id} → try a stuck note again, then flush" },
  forgetNote: { from: ["page"], doc: "{id} → forget a stuck or refused note" },
  siteOptions: { from: ["page"], doc: "{site} → {launcher, inPage}: what the page gets on that site" },
  setSiteOption: { from: ["page"], doc: "{site, option: launcher|inPage, value} → the site's options" },
  status: { from: ["page"], doc: "→ {running, paired, tokenName, queued, serviceUrl}" },
  pairStart: { from: ["page"], doc: "→ {code, approveWith, expiresAt}" },
  openSettings: { from: ["page"], doc: "open givefirst's Settings page (pairings to approve) in a tab" },
  pairPoll: { from: ["page"], doc: "→ {status: pending|approved|denied|expired}" },
  unpair: { from: ["page"], doc: "forget the token on this browser" },
  setServiceUrl: { from: ["page"], doc: "{serviceUrl} → the saved, checked URL" },
  showHere: { from: ["page"], doc: "{tabId} → show the card on a page the person chose" },
});

// The background's messages to a tab's content scripts.
globalThis.GF.TAB_MESSAGES = Object.freeze({
  showNow: "the person asked for the card of this page: look it up even if it is not a profile",
  reportPage: "the background lost track of this tab: say again which page it is on",
});

// The background's news to the extension's pages (the card, the chips).
globalThis.GF.PAGE_NEWS = Object.freeze({
  tabChanged: "{tabId, view}: what a tab's card shows changed",
  chipChanged: "{tabId, kind, chip}: what a chip says changed",
});

// How a failure reaches the person: each kind has its own words on the card and the options page.
globalThis.GF.FAILURES = Object.freeze({
  not_running: "givefirst is not running",
  timeout: "givefirst is running but did not answer in time",
  not_paired: "This browser is not paired with givefirst yet",
  forbidden: "givefirst refused this browser",
  gone: "That person is no longer in givefirst",
  not_a_profile: "This page is not a person's profile",
  invalid: "givefirst refused this",
  failed: "givefirst could not answer",
});
