// The toolbar badge: the verdict at a glance for each tab, without opening anything. Set for every
// verdict that asks something of the person; `ready` and `stranger` leave it empty, and so does a
// page that is not a profile. Other parts (reminders on non-profile tabs, say) call notAProfile()
// to learn the tab is free for them.

import "../shared/vocabulary.js";

const ext = globalThis.browser ?? globalThis.chrome;

const { VERDICT_BADGES, VERDICT_COLOURS, NOT_RUNNING_COLOUR } = globalThis.GF.VOCABULARY;
export const BADGES = Object.freeze(Object.fromEntries(
  Object.entries(VERDICT_BADGES).map(([verdict, text]) => [verdict, { text, colour: VERDICT_COLOURS[verdict] }])));
const NOT_RUNNING = { text: "OFF", colour: NOT_RUNNING_COLOUR };

const listeners = new Set();

async function paint(tabId, badge, title) {
  try {
    await ext.action.setBadgeText({ tabId, text: badge?.text || "" });
    if (badge) await ext.action.setBadgeBackgroundColor({ tabId, color: badge.colour });
    await ext.action.setTitle({ tabId, title: title ? `givefirst: ${title}` : "givefirst" });
  } catch {
    // The tab closed meanwhile: nothing to paint.
  }
}

/** A profile's verdict on this tab; `title` is the nudge's title (never a name). */
export function showVerdict(tabId, verdict, title) {
  return paint(tabId, BADGES[verdict] || null, title);
}

/** givefirst does not answer: say so on the badge of the profile being viewed. */
export function showNotRunning(tabId) {
  return paint(tabId, NOT_RUNNING, "givefirst is not running. Start it with scripts/run");
}

/** This tab does not show a profile: the badge is free (listeners may use it for reminders). */
export async function notAProfile(tabId) {
  await paint(tabId, null, "");
  // null, not "": the tab shows the badge every tab shares again (reminders.js keeps its count).
  await ext.action.setBadgeText({ tabId, text: null }).catch(() => undefined);
  for (const listener of listeners) await listener(tabId);
}

/** Call `listener(tabId)` whenever a tab turns out not to be a profile. */
export function onNotAProfile(listener) {
  listeners.add(listener);
}
