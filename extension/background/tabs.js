// What each tab shows, kept here so every surface (the sidebar, a card page opened for a tab, the
// in-page frame, the badge) draws the same thing. Content scripts only say which page a tab is on
// (`pageIs`) and, once the page shows that person, what it shows (`lookUp`); this asks the
// service, remembers each profile's answer for the tab's page (each profile is asked about once),
// tries again while the service is away, and tells the card pages and the badge.
//
// A lookup is for the tab's page at the moment it was asked: when the tab moves on meanwhile
// (another profile, another page), its answer is dropped, never drawn under the new page. Of two
// lookups for the same page (the page's own and one after a change, such as remembering the
// person), only the later one's answer is drawn, whichever the service answers last.

import * as badge from "./badge.js";
import { flush, pending } from "./queue.js";
import { call, ServiceError } from "./service.js";

const ext = globalThis.browser ?? globalThis.chrome;
const RETRY_DELAYS_S = [1, 2, 4, 8, 15, 30];
const WAITING = new Set(["not_running", "timeout", "failed", "forbidden"]); // worth trying again
const tabs = new Map();

function tabOf(tabId) {
  if (!tabs.has(tabId)) {
    tabs.set(tabId, { generation: 0, asked: 0, drawn: 0, key: null, url: null, cache: new Map(), attempts: 0, timer: null });
  }
  return tabs.get(tabId);
}

/** What a card page draws for this tab. */
export function view(tabId) {
  const tab = tabs.get(tabId);
  if (!tab) return { tabId, kind: "unknown" };
  // `drawn` counts what the tab showed, so a card page can tell an older view from a newer one.
  const where = { tabId, key: tab.key, url: tab.url, forced: Boolean(tab.forced), drawn: tab.drawn };
  if (!tab.key) return { ...where, kind: "none" };
  if (tab.answer) return { ...where, kind: "card", answer: tab.answer };
  if (tab.failure) return { ...where, kind: "problem", failure: tab.failure, retryIn: tab.retryIn };
  return { ...where, kind: "loading" };
}

/** What a content script may know: the verdict, never a name, a reason or a history. */
function summary(tab) {
  const nudge = tab.answer?.nudge;
  return nudge
    ? { verdict: nudge.verdict, title: nudge.title, known: Boolean(tab.answer.person) }
    : { verdict: null, failure: tab.failure?.kind || null };
}

function publish(tabId) {
  tabs.get(tabId).drawn += 1;
  const shown = view(tabId);
  ext.runtime.sendMessage({ type: "tabChanged", tabId, view: shown }).catch(() => undefined);
  if (shown.kind === "card") badge.showVerdict(tabId, shown.answer.nudge.verdict, shown.answer.nudge.title);
  else if (shown.kind === "problem" && shown.failure.kind === "not_running") badge.showNotRunning(tabId);
  else if (shown.kind === "none") badge.notAProfile(tabId);
  else badge.showVerdict(tabId, null, "");
}

function stopRetrying(tab) {
  clearTimeout(tab.timer);
  tab.timer = null;
  tab.attempts = 0;
  tab.retryIn = null;
}

function retryLater(tabId, tab, mine) {
  clearTimeout(tab.timer);
  tab.retryIn = RETRY_DELAYS_S[Math.min(tab.attempts, RETRY_DELAYS_S.length - 1)];
  tab.attempts += 1;
  tab.timer = setTimeout(() => tab.generation === mine && ask(tabId, tab, mine), tab.retryIn * 1000);
}

function failureOf(error) {
  return error instanceof ServiceError ? error.toJSON() : { kind: "failed", message: String(error?.message || error) };
}

function ask(tabId, tab, mine) {
  tab.asking = askOnce(tabId, tab, mine, ++tab.asked);
  return tab.asking;
}

/** One lookup; when a later one for the same page started meanwhile, it answers for both. */
async function askOnce(tabId, tab, mine, latest) {
  // null while this is the tab's latest lookup; otherwise what the caller gets instead
  const overtaken = () => {
    if (tab.generation !== mine) return summary(tab);
    return tab.asked !== latest ? tab.asking : null;
  };
  try {
    if (await pending()) await flush(); // the card should already count what was queued
    const answer = (await call("POST", "/api/v1/context", tab.payload)).body;
    const instead = overtaken();
    if (instead) return instead;
    tab.cache.set(tab.key, { answer, payload: tab.payload });
    Object.assign(tab, { answer, failure: null });
    stopRetrying(tab);
  } catch (error) {
    const instead = overtaken();
    if (instead) return instead;
    const failure = failureOf(error);
    if (failure.kind === "not_a_profile" && !tab.forced) {
      tab.key = null; // a page the site serves under a profile-like URL: nothing to show
    } else {
      tab.failure = failure;
      if (WAITING.has(failure.kind)) retryLater(tabId, tab, mine);
    }
  }
  publish(tabId);
  return summary(tab);
}

/**
 * The tab is now on `url`: a profile (`key`) or not (null). `first` is a page's first report (a
 * page load): what the tab remembered of its last page is forgotten.
 */
export function pageIs(tabId, { url, key, forced = false, first = false }) {
  const tab = tabOf(tabId);
  if (first) tab.cache.clear();
  stopRetrying(tab);
  tab.generation += 1;
  Object.assign(tab, { url, key: key || null, forced, payload: null, answer: null, failure: null });
  const cached = tab.key && tab.cache.get(tab.key);
  if (cached) Object.assign(tab, { payload: cached.payload, answer: cached.answer });
  publish(tabId);
  return { cached: Boolean(cached), ...summary(tab) };
}

/** The page now shows the person of the URL it reported: ask the service about it. */
export function lookUp(tabId, payload) {
  const tab = tabs.get(tabId);
  if (!tab?.key || tab.url !== payload.url) throw new ServiceError("invalid", "That page is not the tab's page.");
  tab.payload = payload;
  return ask(tabId, tab, tab.generation);
}

/** Ask again now (the card's "Try now", a token that just arrived, a note just saved). */
export async function askAgain(tabId, key = null) {
  const tab = tabs.get(tabId);
  if (!tab) return view(tabId);
  if (key) tab.cache.delete(key);
  if (!tab.payload || (key && tab.key !== key)) return view(tabId);
  stopRetrying(tab);
  await ask(tabId, tab, tab.generation);
  return view(tabId);
}

/** Every tab that waited for a token asks again; with notes waiting, every tab (they go first). */
export async function afterPairing() {
  const waiting = await pending();
  for (const [tabId, tab] of tabs) {
    if (tab.payload && (waiting || tab.failure?.kind === "not_paired")) askAgain(tabId);
  }
}

export function summaryOf(tabId) {
  return summary(tabOf(tabId));
}

ext.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

// For the browser tests, which must find the tab a page is in (they have no "tabs" permission
// to read URLs with, and neither has the extension): the pages the content scripts reported.
globalThis.GF.reportedPages = () => [...tabs].map(([tabId, tab]) => ({ tabId, url: tab.url }));
