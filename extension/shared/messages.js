// The one table of messages between the extension's parts and its background worker.
// Only the background worker talks to the givefirst service; everything else sends one of these.
// `from` says who may send it: "content" (scripts in web pages) and/or "page" (the popup and the
// options page). Messages that change settings are refused from web pages.
// Loaded as a classic content script and imported for its side effect by the background module.
globalThis.GF = globalThis.GF || {};

globalThis.GF.MESSAGES = Object.freeze({
  context: { from: ["content"], doc: "{url, title, html, fields} → the relationship card" },
  log: { from: ["content"], doc: "{personId, kind, summary, profileUrl, personName} → the queue's state and this note's id" },
  addFact: { from: ["content"], doc: "{personId, label, value, profileUrl, personName} → the queue's state and this fact's id" },
  rememberPerson: { from: ["content"], doc: "{name, url, howMet?} → the new person" },
  askCheck: { from: ["content"], doc: "{text, url?} → {is_ask, ask_kind, phrase, nudge}" },
  flush: { from: ["content", "page"], doc: "send queued logs now → {sent, left, stuck, refused, stoppedBy}" },
  notes: { from: ["content", "page"], doc: "→ {stuck, refused}: notes that could not be sent, with their text" },
  retryNote: { from: ["content", "page"], doc: "{id} → try a stuck note again, then flush" },
  forgetNote: { from: ["content", "page"], doc: "{id} → forget a stuck or refused note" },
  siteSettings: { from: ["content"], doc: "{site} → {disabled, collapsed} for that site" },
  setCollapsed: { from: ["content"], doc: "{site, collapsed} → remember the sidebar's state per site" },
  status: { from: ["content", "page"], doc: "→ {running, paired, tokenName, queued, serviceUrl}" },
  pairStart: { from: ["content", "page"], doc: "→ {code, approveWith, expiresAt}" },
  pairPoll: { from: ["content", "page"], doc: "→ {status: pending|approved|denied|expired}" },
  unpair: { from: ["page"], doc: "forget the token on this browser" },
  setServiceUrl: { from: ["page"], doc: "{serviceUrl} → the saved, checked URL" },
  showHere: { from: ["page"], doc: "{tabId} → show the card on a page the person chose" },
});

// The background's messages to a tab's content scripts.
globalThis.GF.TAB_MESSAGES = Object.freeze({
  showNow: "the person clicked the toolbar button: show the card for this page",
  paired: "this browser has just been paired: look the page up again and send what waits",
});

// How a failure reaches the person: each kind has its own words in the overlay and popup.
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
