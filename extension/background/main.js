// The background worker: the only part of the extension that talks to the givefirst service.
// Content scripts and extension pages send it the messages in shared/messages.js; each has one
// handler below (refined-github's handleMessages), and a test keeps the two lists equal.

import "../shared/messages.js";
import * as chips from "./chips.js";
import * as pairing from "./pairing.js";
import { enqueue, flush, forget, pending, problems, retry } from "./queue.js";
import * as members from "./members.js";
import { startReminders } from "./reminders.js";
import * as sent from "./sent.js";
import { call, isRunning, ServiceError } from "./service.js";
import { checkedServiceUrl, forgetToken, serviceUrl, siteOptions, storage, token } from "./settings.js";
import * as sidebar from "./sidebar.js";
import * as tabs from "./tabs.js";

const ext = globalThis.browser ?? globalThis.chrome;
const LOG_KINDS = new Set(["gave", "asked", "talked", "received", "messaged", "they_asked"]);
const FLUSH_ALARM = "givefirst-flush";

// Web pages' content scripts must not read the token: in Chromium, storage.local is for the
// extension's own pages and this worker only; content scripts ask for what they need (below).
// Firefox has no such setting for storage.local, and its content scripts never touch storage.
ext.storage.local.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" })?.catch?.(() => undefined);

function text(value, name, max) {
  const clean = typeof value === "string" ? value.trim() : "";
  if (!clean) throw new ServiceError("invalid", `${name} is empty.`);
  if (clean.length > max) throw new ServiceError("invalid", `${name} is longer than ${max} characters.`);
  return clean;
}

function personId(value) {
  if (!Number.isInteger(value) || value < 1) throw new ServiceError("invalid", "No person to log for.");
  return value;
}

/** Where a note was written, so it can find its person again if they are merged into someone. */
function whereWritten({ profileUrl, personName }) {
  const where = {};
  if (typeof profileUrl === "string" && /^https?:\/\//.test(profileUrl) && profileUrl.length <= 2000) {
    where.profileUrl = profileUrl;
  }
  if (typeof personName === "string") where.personName = personName.slice(0, 200);
  return where;
}

/** Queue a note, try to send everything, and say what became of this one. */
async function queueAndSend(item) {
  await enqueue(item);
  return { ...(await flush()), id: item.body.id };
}

const SITE_NAME = /^[a-z]{1,20}$/;

function tabIdOf(value) {
  if (!Number.isInteger(value) || value < 0) throw new ServiceError("invalid", "No such tab.");
  return value;
}

function weightOf(value) {
  if (value === undefined || value === null) return undefined;
  if (![1, 2, 3].includes(value)) throw new ServiceError("invalid", "The weight is 1, 2 or 3.");
  return value;
}

const fromTab = (sender) => tabIdOf(sender.tab?.id);

export const handlers = {
  // From the content script of a tab: which page it is on, and what the page shows.
  pageIs: ({ url, key, forced, first }, sender) =>
    tabs.pageIs(fromTab(sender), { url: String(url), key: typeof key === "string" ? key : null, forced: Boolean(forced), first: Boolean(first) }),
  context: ({ url, title, html, fields }, sender) => tabs.lookUp(fromTab(sender), { url, title, html, fields }),
  askCheck: ({ text: message, url }, sender) => chips.askCheck(fromTab(sender), { text: text(message, "The message", 20000), url }),
  askSent: (_, sender) => chips.sent(fromTab(sender)),
  connectOpened: (_, sender) => chips.connectOpened(fromTab(sender)),
  chipHide: ({ kind }, sender) => chips.hide(fromTab(sender), kind === "connect" ? "connect" : "ask"),
  surfaceSettings: (_, sender) => ({ tabId: fromTab(sender) }),
  messageSent: (report, sender) => sent.messageSent(fromTab(sender), report),
  threadSeen: (report, sender) => sent.threadSeen(fromTab(sender), report),
  memberSeen: (report) => members.seen(report),
  openSidebar: ({ tabId }, sender) => sidebar.openFor(sender.tab ? fromTab(sender) : tabIdOf(tabId)),

  async siteSettings({ site }, sender) {
    const { disabledSites = [] } = await storage.get("disabledSites");
    return { disabled: disabledSites.includes(site), ...(await siteOptions(site)), tabId: sender.tab?.id ?? null };
  },

  // From the extension's pages: the card (sidebar, tab or frame), the chips, the options page.
  tabState({ tabId }) {
    const shown = tabs.view(tabIdOf(tabId));
    // Not known here (the worker restarted, say): the tab's page says again where it is.
    if (shown.kind === "unknown") ext.tabs.sendMessage(tabId, { type: "reportPage" }).catch(() => undefined);
    return shown;
  },
  retryTab: ({ tabId }) => tabs.askAgain(tabIdOf(tabId)),
  refreshTab: ({ tabId, key }) => tabs.askAgain(tabIdOf(tabId), typeof key === "string" ? key : null),
  chipState: ({ tabId, kind }) =>
    kind === "sent" ? sent.view(tabIdOf(tabId)) : chips.view(tabIdOf(tabId), kind === "connect" ? "connect" : "ask"),
  sentUndo: ({ tabId }) => sent.undo(tabIdOf(tabId)),
  sentLogNow: ({ tabId }) => sent.logNow(tabIdOf(tabId)),
  sentClaim: ({ tabId }) => sent.claim(tabIdOf(tabId)),
  surfaceOptions: async ({ surface }) => ({ autoLog: await sent.autoLogs(String(surface)) }),
  setSurfaceOption: ({ surface, autoLog }) => {
    if (!SITE_NAME.test(surface)) throw new ServiceError("invalid", "Unknown surface.");
    return sent.setAutoLog(surface, autoLog);
  },
  chipArm: ({ tabId }) => chips.arm(tabIdOf(tabId)),
  chipRemember: ({ tabId, kind, name, howMet }) =>
    chips.remember(tabIdOf(tabId), kind === "connect" ? "connect" : "ask", {
      name: text(name, "The name", 200),
      howMet: typeof howMet === "string" && howMet.trim() ? text(howMet, "How you met", 500) : null,
    }),

  async log({ personId: id, kind, summary, weight, ...where }) {
    if (!LOG_KINDS.has(kind)) throw new ServiceError("invalid", `Unknown kind ${kind}.`);
    const body = {
      id: crypto.randomUUID(),
      kind,
      summary: text(summary, "The summary", 2000),
      occurred_at: new Date().toISOString(),
    };
    const weighed = weightOf(weight);
    if (weighed) body.weight = weighed;
    return queueAndSend({ type: "interaction", personId: personId(id), body, ...whereWritten(where) });
  },

  async addFact({ personId: id, label, value, ...where }) {
    const body = { id: crypto.randomUUID(), label: text(label, "The label", 100), value: text(value, "The fact", 1000) };
    return queueAndSend({ type: "fact", personId: personId(id), body, ...whereWritten(where) });
  },

  async rememberPerson({ name, url, howMet }) {
    const body = { name: text(name, "The name", 200), profiles: [url] };
    if (typeof howMet === "string" && howMet.trim()) body.how_met = text(howMet, "How you met", 500);
    return (await call("POST", "/api/v1/people", body)).body;
  },

  async linkProfile({ personId: id, url }) {
    const body = { url: text(url, "The profile's address", 2000) };
    return (await call("POST", `/api/v1/people/${personId(id)}/profiles`, body)).body;
  },

  async markDone({ interactionId }) {
    const id = String(interactionId ?? "");
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new ServiceError("invalid", "No such ask.");
    return (await call("PATCH", `/api/v1/interactions/${encodeURIComponent(id)}`, { status: "done" })).body;
  },

  flush: () => flush(),
  notes: () => problems(),
  retryNote: ({ id }) => retry(String(id)),
  forgetNote: ({ id }) => forget(String(id)),

  siteOptions: ({ site }) => siteOptions(String(site)),

  async setSiteOption({ site, option, value }) {
    if (!SITE_NAME.test(site) || !["launcher", "inPage"].includes(option)) throw new ServiceError("invalid", "Unknown option.");
    const { siteOptions: saved = {} } = await storage.get("siteOptions");
    await storage.set({ siteOptions: { ...saved, [site]: { ...saved[site], [option]: Boolean(value) } } });
    return siteOptions(site);
  },

  async status() {
    const running = await isRunning();
    let paired = false;
    let tokenName = null;
    if (running && (await token())) {
      try {
        tokenName = (await call("GET", "/api/v1/whoami")).body.token_name;
        paired = true;
      } catch (error) {
        if (!(error instanceof ServiceError) || error.kind !== "not_paired") throw error;
      }
    }
    return { running, paired, tokenName, queued: await pending(), serviceUrl: await serviceUrl() };
  },

  pairStart: () => pairing.start(),
  pairPoll: () => pairing.poll(),

  async openSettings() {
    // A page of the service's own: one click there approves, with the dashboard's login.
    await ext.tabs.create({ url: `${await serviceUrl()}/settings#pairings` });
    return { opened: true };
  },

  async unpair() {
    await forgetToken();
    await storage.remove("pairing");
    return { paired: false };
  },

  async setServiceUrl({ serviceUrl: raw }) {
    let checked;
    try {
      checked = checkedServiceUrl(raw);
    } catch (error) {
      throw new ServiceError("invalid", error.message);
    }
    await storage.set({ serviceUrl: checked });
    return { serviceUrl: checked };
  },

  async showHere({ tabId }) {
    // The person asked for the card of this page: only now may the page be sent.
    try {
      await ext.tabs.sendMessage(tabId, { type: "showNow" });
      return { shown: true };
    } catch {
      // No content script on this page yet: add them, which the click (activeTab) allows.
    }
    await ext.scripting.executeScript({
      target: { tabId },
      func: () => {
        globalThis.GF = globalThis.GF || {};
        globalThis.GF.chosenByPerson = true;
      },
    });
    await ext.scripting.executeScript({ target: { tabId }, files: ext.runtime.getManifest().content_scripts[0].js });
    return { shown: true };
  },
};

// For the test that keeps this map and the table in shared/messages.js equal.
globalThis.GF.handlerNames = Object.keys(handlers);

function senderKind(sender) {
  if (sender.id !== ext.runtime.id) return null;
  // The card may be open in a tab or framed in a page (under the dynamic URL of its resources):
  // the URL's scheme, not the tab, tells one of our own pages from a content script.
  if (/^(chrome|moz)-extension:\/\//.test(sender.url || "")) return "page";
  return sender.tab ? "content" : null;
}

async function handle(message, sender) {
  const spec = globalThis.GF.MESSAGES[message?.type];
  const from = senderKind(sender);
  if (!spec || !handlers[message.type]) throw new ServiceError("invalid", "Unknown message.");
  if (!spec.from.includes(from)) throw new ServiceError("invalid", "This message is not allowed here.");
  return handlers[message.type](message.payload || {}, sender);
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type === "tabChanged" || message?.type === "chipChanged") return undefined; // for the pages
  handle(message, sender).then(
    (data) => sendResponse({ ok: true, data }),
    (error) =>
      sendResponse({
        ok: false,
        error: error instanceof ServiceError ? error.toJSON() : { kind: "failed", message: String(error?.message || error) },
      }),
  );
  return true; // the answer comes asynchronously
});

// A token arrived (pairing in the card or the options page): tabs waiting to be paired look
// their page up again.
ext.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.token?.newValue) tabs.afterPairing();
});

sidebar.wire();

// Queued logs go out once the service is back, even if no page asks for a card meanwhile.
ext.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name === FLUSH_ALARM && (await pending())) await flush();
});
ext.alarms.create(FLUSH_ALARM, { periodInMinutes: 1 });
startReminders(); // notifications and the badge away from profiles (reminders.js)
