// The ask guard's and connect guard's chips. A chip's words (the reason, the person's name) live
// here and in the chip's own frame (chip/chip.html, of the extension's origin), never in the web
// page: the content script learns only whether to show a chip and in which colour.

import { enqueue, flush } from "./queue.js";
import { call, ServiceError } from "./service.js";
import * as tabs from "./tabs.js";

const ext = globalThis.browser ?? globalThis.chrome;
const chips = new Map(); // `${tabId}:${kind}` → what the chip says and what it may do

const id = (tabId, kind) => `${tabId}:${kind}`;

function publish(tabId, kind) {
  ext.runtime.sendMessage({ type: "chipChanged", tabId, kind, chip: view(tabId, kind) }).catch(() => undefined);
}

/**
 * The reason that explains the verdict. Most verdicts have one kind of reason; "give first" lists
 * the last give, the last ask and the balance, and is explained by the missing give, else by the
 * balance below zero.
 */
export function explainingReason(nudge) {
  const reasons = nudge.reasons || [];
  if (nudge.verdict === "give_first") {
    return reasons.find((r) => /^No give/.test(r)) || reasons.find((r) => /^Balance/.test(r)) || reasons[0] || nudge.message;
  }
  return reasons[0] || nudge.message;
}

export function view(tabId, kind) {
  const chip = chips.get(id(tabId, kind));
  if (!chip) return null;
  const { nudge, name, armed, logged, profileUrl, known } = chip;
  return {
    kind,
    verdict: nudge?.verdict || "stranger",
    title: nudge?.title || "",
    reason: nudge ? explainingReason(nudge) : "",
    give: nudge?.suggestions?.[0]?.text || "",
    name: name || "",
    known: Boolean(known),
    canRemember: Boolean(profileUrl) && !known,
    armed: Boolean(armed),
    logged: Boolean(logged),
  };
}

/** Check a message being typed; a chip is due when it asks someone you have not given to. */
export async function askCheck(tabId, { text, url }) {
  const body = { text };
  if (url) body.url = url;
  const result = (await call("POST", "/api/v1/ask-check", body)).body;
  const { nudge } = result;
  if (!result.is_ask || !nudge || nudge.verdict === "ready") {
    chips.delete(id(tabId, "ask"));
    return { show: false };
  }
  let person = null;
  if (url) person = (await call("POST", "/api/v1/context", { url }).catch(() => null))?.body;
  chips.set(id(tabId, "ask"), {
    nudge, phrase: result.phrase || "", profileUrl: url || null, known: Boolean(person?.person),
    personId: person?.person?.id ?? null, name: person?.person?.name || person?.profile?.name || "",
  });
  publish(tabId, "ask");
  return { show: true, verdict: nudge.verdict };
}

/** The connect dialog opened for the stranger this tab shows. */
export function connectOpened(tabId) {
  const shown = tabs.view(tabId);
  if (shown.kind !== "card" || shown.answer.person) {
    chips.delete(id(tabId, "connect"));
    return { show: false };
  }
  chips.set(id(tabId, "connect"), { nudge: shown.answer.nudge, profileUrl: shown.url, name: shown.answer.profile?.name || "" });
  publish(tabId, "connect");
  return { show: true, verdict: "stranger" };
}

export function hide(tabId, kind) {
  chips.delete(id(tabId, kind));
  return { hidden: true };
}

/** The person asked to log this ask once it is sent. */
export function arm(tabId) {
  const chip = chips.get(id(tabId, "ask"));
  if (!chip?.personId) throw new ServiceError("invalid", "Remember this person first, then log the ask.");
  chip.armed = true;
  publish(tabId, "ask");
  return view(tabId, "ask");
}

/** The message box was sent: log the ask if the person asked for it. */
export async function sent(tabId) {
  const chip = chips.get(id(tabId, "ask"));
  if (!chip?.armed || chip.logged) return { logged: false };
  chip.logged = true;
  const summary = (chip.phrase || "An ask").slice(0, 2000); // the ask's phrase, never the message
  const body = { id: crypto.randomUUID(), kind: "asked", summary, occurred_at: new Date().toISOString() };
  await enqueue({ type: "interaction", personId: chip.personId, body, profileUrl: chip.profileUrl, personName: chip.name });
  const result = await flush();
  publish(tabId, "ask");
  await tabs.askAgain(tabId);
  return { logged: true, left: result.left };
}

/** A messaging surface saw the message sent (background/sent.js): whether the chip was armed. */
export function takeArmed(tabId) {
  const chip = chips.get(id(tabId, "ask"));
  if (!chip?.armed || chip.logged) return false;
  chip.logged = true;
  publish(tabId, "ask");
  return true;
}

/** Remember the stranger a chip is about, with how the person knows them. */
export async function remember(tabId, kind, { name, howMet }) {
  const chip = chips.get(id(tabId, kind));
  if (!chip?.profileUrl) throw new ServiceError("invalid", "Nobody to remember here.");
  const email = chip.profileUrl.startsWith("mailto:") ? chip.profileUrl.slice("mailto:".length) : null;
  const body = email ? { name, emails: [email] } : { name, profiles: [chip.profileUrl] };
  if (howMet) body.how_met = howMet;
  const person = (await call("POST", "/api/v1/people", body)).body;
  Object.assign(chip, { known: true, personId: person.id, name: person.name });
  publish(tabId, kind);
  await tabs.askAgain(tabId, tabs.view(tabId).key);
  return view(tabId, kind);
}

ext.tabs.onRemoved.addListener((tabId) => {
  chips.delete(id(tabId, "ask"));
  chips.delete(id(tabId, "connect"));
});
