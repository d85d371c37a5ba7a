// What was sent on a messaging surface (content/surfaces/): each message to someone givefirst
// knows is logged once, as `messaged` or (when the ask check reads an ask) `asked`, summarised by
// the ask's phrase or "Message on <surface>" — never by its text. Its id is derived from the
// site's own message id (else the conversation and the moment), so a second report of the same
// message (a reload, the chat bubble and the full page) logs nothing new. The "sent" chip says
// what was logged, with Undo, or offers "Log it" when automatic logging is off for the surface.
// A reply shown after a logged message turns `messaged` into `talked`; an open ask stays open.

import * as chips from "./chips.js";
import { enqueue, flush, forget } from "./queue.js";
import { call, ServiceError } from "./service.js";
import { storage } from "./settings.js";

const ext = globalThis.browser ?? globalThis.chrome;
const LABELS = { linkedin: "LinkedIn", x: "X", gmail: "Gmail" };
const NAMESPACE = "6f1c1b52-5c1e-4e7a-9d36-0a7c7c3b1f17"; // of givefirst's message ids
const KEPT = 500; // logged messages remembered for replies and repeats
const shown = new Map(); // tabId → what the tab's "sent" chip says

let chain = Promise.resolve();
function serially(task) {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

/** A name-based (version 5) UUID, so the same message always gets the same id. */
export async function messageUuid(name) {
  const space = NAMESPACE.replace(/-/g, "").match(/../g).map((pair) => Number.parseInt(pair, 16));
  const data = new Uint8Array([...space, ...new TextEncoder().encode(name)]);
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-1", data)).slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function logged() {
  return (await storage.get("sentMessages")).sentMessages || {};
}

async function keep(id, entry) {
  const all = await logged();
  all[id] = entry;
  const ids = Object.keys(all).sort((a, b) => all[a].at - all[b].at);
  for (const old of ids.slice(0, Math.max(0, ids.length - KEPT))) delete all[old];
  await storage.set({ sentMessages: all });
}

/** Whether sending logs by itself on this surface (the options page's switch; on by default). */
export async function autoLogs(surface) {
  const { surfaceOptions = {} } = await storage.get("surfaceOptions");
  return surfaceOptions[surface]?.autoLog ?? true;
}

export async function setAutoLog(surface, on) {
  const { surfaceOptions = {} } = await storage.get("surfaceOptions");
  await storage.set({ surfaceOptions: { ...surfaceOptions, [surface]: { autoLog: Boolean(on) } } });
  return { autoLog: Boolean(on) };
}

function publish(tabId) {
  ext.runtime.sendMessage({ type: "chipChanged", tabId, kind: "sent", chip: view(tabId) }).catch(() => undefined);
}

export function view(tabId) {
  const chip = shown.get(tabId);
  if (!chip) return null;
  const { entry, verdict, name, state } = chip;
  return { kind: "sent", verdict, name: name || "", logKind: entry.kind, state, summary: entry.summary };
}

async function writeLog(id, entry) {
  const body = { id, kind: entry.kind, summary: entry.summary, occurred_at: new Date(entry.at).toISOString() };
  await enqueue({ type: "interaction", personId: entry.personId, body, profileUrl: entry.personUrl, personName: entry.name });
  await flush();
}

/** Read a report of a sent message; refuses what no surface would send. */
function checked({ surface, thread, personUrl, personName, messageId, text, knownIds }) {
  const short = (value, max) => typeof value === "string" && value.length > 0 && value.length <= max;
  if (!LABELS[surface] || !short(thread, 300) || !short(personUrl, 2000) || !short(text, 20000)) {
    throw new ServiceError("invalid", "That is not a message sent on a messaging surface.");
  }
  return {
    surface, thread, personUrl, text,
    personName: typeof personName === "string" ? personName.trim().slice(0, 200) : "",
    messageId: short(messageId, 300) ? messageId : null,
    knownIds: Array.isArray(knownIds) ? knownIds.filter((k) => short(k, 300)).slice(-50) : [],
  };
}

/** A message was sent in this tab: log it (once) if its person is known. */
export async function messageSent(tabId, report) {
  const sent = checked(report);
  const at = Date.now();
  const id = await messageUuid(`${sent.surface}|${sent.thread}|${sent.messageId ?? at}`);
  const armed = chips.takeArmed(tabId);
  const earlier = (await logged())[id];
  if (earlier) return { show: false, repeated: true };
  const [check, context] = await Promise.all([
    call("POST", "/api/v1/ask-check", { text: sent.text, url: sent.personUrl }).then((r) => r.body),
    call("POST", "/api/v1/context", { url: sent.personUrl }).then((r) => r.body),
  ]);
  const entry = {
    surface: sent.surface, thread: sent.thread, messageId: sent.messageId, knownIds: sent.knownIds, at,
    personId: context.person?.id ?? null, personUrl: sent.personUrl, name: context.person?.name || sent.personName,
    kind: check.is_ask ? "asked" : "messaged",
    summary: check.is_ask && check.phrase ? check.phrase.slice(0, 2000) : `Message on ${LABELS[sent.surface]}`,
  };
  if (!context.person) return unknown(tabId, id, entry); // never logged before you say who it is
  const auto = armed || (await autoLogs(sent.surface));
  entry.state = auto ? "logged" : "offered";
  await serially(() => keep(id, entry));
  if (auto) await writeLog(id, entry);
  shown.set(tabId, { id, entry, verdict: context.nudge?.verdict || "connection_only", name: entry.name, state: entry.state });
  publish(tabId);
  return { show: true, verdict: shown.get(tabId).verdict, logged: auto };
}

/**
 * Someone givefirst does not know by this conversation's link. LinkedIn names people here by
 * member id: one person of the same name may be them (the person confirms, and the member id is
 * linked to them). Otherwise the chip offers to remember them first. Nothing is logged until then.
 */
async function unknown(tabId, id, entry) {
  let candidate = null;
  if (entry.surface === "linkedin" && entry.name) {
    const { people } = (await call("GET", `/api/v1/people?q=${encodeURIComponent(entry.name)}&limit=5`)).body;
    const same = people.filter((p) => p.name.toLowerCase() === entry.name.toLowerCase());
    if (same.length === 1) candidate = { id: same[0].id, name: same[0].name };
  }
  const state = candidate ? "confirm" : "stranger";
  shown.set(tabId, { id, entry: { ...entry, state }, verdict: "stranger", name: candidate?.name || entry.name, state, candidate });
  publish(tabId);
  return { show: true, verdict: "stranger", logged: false };
}

/** The person is who the chip thought (confirm), or is remembered now (stranger): log it. */
export function claim(tabId) {
  const from = shown.get(tabId)?.state === "confirm" ? "confirm" : "stranger";
  return changeState(tabId, from, "logged", async (chip) => {
    const { entry } = chip;
    if (from === "confirm") {
      await call("POST", `/api/v1/people/${chip.candidate.id}/profiles`, { url: entry.personUrl });
      entry.personId = chip.candidate.id;
    } else {
      if (!entry.name) throw new ServiceError("invalid", "No name to remember them by.");
      const email = entry.personUrl.startsWith("mailto:") ? entry.personUrl.slice("mailto:".length) : null;
      const body = email ? { name: entry.name, emails: [email] } : { name: entry.name, profiles: [entry.personUrl] };
      entry.personId = (await call("POST", "/api/v1/people", body)).body.id;
    }
    entry.state = "logged";
    await serially(() => keep(chip.id, entry));
    await writeLog(chip.id, entry);
  });
}

async function changeState(tabId, from, to, act) {
  const chip = shown.get(tabId);
  if (!chip || chip.state !== from) throw new ServiceError("invalid", "Nothing to change here.");
  await act(chip);
  chip.state = to;
  await serially(async () => {
    const all = await logged();
    if (all[chip.id]) await keep(chip.id, { ...all[chip.id], state: to });
  });
  publish(tabId);
  return view(tabId);
}

/** Undo: the message is not logged after all. */
export function undo(tabId) {
  return changeState(tabId, "logged", "undone", async (chip) => {
    await forget(chip.id).catch(() => undefined); // still queued: it never goes out
    try {
      await call("DELETE", `/api/v1/interactions/${chip.id}`);
    } catch (error) {
      if (!(error instanceof ServiceError) || error.kind !== "gone") throw error;
    }
  });
}

/** "Log it", where automatic logging is off (or after Undo). */
export function logNow(tabId) {
  const from = shown.get(tabId)?.state === "undone" ? "undone" : "offered";
  return changeState(tabId, from, "logged", (chip) => writeLog(chip.id, chip.entry));
}

/**
 * Whether the rows show their reply after this logged message. A row that names its sender (an
 * address, in Gmail) is theirs when it is the person's address; otherwise when it is not yours.
 */
function replied(entry, rows) {
  const address = entry.personUrl.startsWith("mailto:") ? entry.personUrl.slice("mailto:".length) : null;
  const theirs = (r) => (r.from && address ? r.from === address : !r.mine);
  const at = entry.messageId ? rows.findIndex((r) => r.id === entry.messageId) : -1;
  if (at >= 0) return rows.slice(at + 1).some(theirs);
  const known = new Set(entry.knownIds);
  return rows.some((r) => theirs(r) && !known.has(r.id));
}

/** A conversation's rows changed: a reply turns each of its logged `messaged` into `talked`. */
export async function threadSeen(tabId, { surface, thread, rows }) {
  if (!LABELS[surface] || typeof thread !== "string" || !Array.isArray(rows)) return { talked: 0 };
  const clean = rows.slice(-200).filter((r) => typeof r?.id === "string")
    .map((r) => ({ id: r.id, mine: Boolean(r.mine), from: typeof r.from === "string" ? r.from.slice(0, 254).toLowerCase() : null }));
  const all = await logged();
  const due = Object.entries(all).filter(([, e]) =>
    e.surface === surface && e.thread === thread && e.kind === "messaged" && e.state === "logged" && replied(e, clean));
  for (const [id, entry] of due) {
    await flush();
    try {
      await call("PATCH", `/api/v1/interactions/${id}`, { kind: "talked" });
    } catch (error) {
      if (!(error instanceof ServiceError) || error.kind !== "gone") throw error;
    }
    await serially(() => keep(id, { ...entry, kind: "talked" }));
  }
  return { talked: due.length };
}

ext.tabs.onRemoved.addListener((tabId) => shown.delete(tabId));
