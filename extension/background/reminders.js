// Reminders that reach the person: at most one notification a day, at the time they chose
// (default 9:00 on weekdays), grouping what is due — "Ines is waiting on you; Jonas's birthday
// is Thursday; 3 check-ins due" — and a click opens Today on the dashboard. Nothing when nothing
// is due. Away from profiles, the toolbar badge counts the people waiting on you or due today.
//
// Time comes from `clock.now()`, so tests can set the worker's clock (GF.reminders.clock).

import { onNotAProfile } from "./badge.js";
import { call } from "./service.js";
import { serviceUrl, storage } from "./settings.js";

const ext = globalThis.browser ?? globalThis.chrome;
const NOTIFY_ALARM = "givefirst-reminders";
const REFRESH_ALARM = "givefirst-reminders-refresh";
const REFRESH_MINUTES = 15;
const RETRY_MINUTES = 15;
const NOTIFICATION_PREFIX = "givefirst-reminders-";
export const DEFAULTS = Object.freeze({ enabled: true, time: "09:00", weekdaysOnly: true });
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const COLOUR = "#7a4b00";

export const clock = { now: () => new Date() };

/** The person's reminder settings, with the defaults for anything unset or broken. */
export async function reminderSettings() {
  const { reminders = {} } = await storage.get("reminders");
  return {
    enabled: typeof reminders.enabled === "boolean" ? reminders.enabled : DEFAULTS.enabled,
    time: TIME.test(reminders.time ?? "") ? reminders.time : DEFAULTS.time,
    weekdaysOnly: typeof reminders.weekdaysOnly === "boolean" ? reminders.weekdaysOnly : DEFAULTS.weekdaysOnly,
  };
}

/** The local day as YYYY-MM-DD: the person's own date, which the service is asked about. */
export function localDay(moment) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

function atTime(day, time) {
  const [hours, minutes] = time.split(":").map(Number);
  const moment = new Date(day);
  moment.setHours(hours, minutes, 0, 0);
  return moment;
}

function counts(moment, settings) {
  const weekday = moment.getDay();
  return !settings.weekdaysOnly || (weekday !== 0 && weekday !== 6);
}

/** When to look next: the chosen time on the next day that counts; today's, even if it has
 * passed, while today has not been looked at yet (the browser was closed at 9:00). */
export function nextRun(settings, now, checkedOn) {
  for (let ahead = 0; ahead < 8; ahead += 1) {
    const day = new Date(now);
    day.setDate(day.getDate() + ahead);
    if (!counts(day, settings)) continue;
    const when = atTime(day, settings.time);
    if (ahead === 0 && checkedOn === localDay(now)) continue;
    if (ahead === 0 && when <= now) return new Date(now.getTime() + 60000);
    return when;
  }
  return null;
}

async function fetchDue(day) {
  const { body } = await call("GET", `/api/v1/reminders?date=${day}`);
  return body;
}

async function showBadge(count) {
  const text = count > 0 ? String(Math.min(count, 99)) : "";
  await storage.set({ reminderCount: count });
  // Without a tabId this is every tab's badge but where a tab has its own (a profile's verdict).
  await ext.action.setBadgeText({ text });
  await ext.action.setBadgeBackgroundColor?.({ color: COLOUR });
}

/** The badge text for a tab that shows no profile: how many people wait on you or are due. */
export async function reminderBadgeFor(_tabId) {
  const { reminderCount = 0 } = await storage.get("reminderCount");
  return reminderCount > 0 ? String(Math.min(reminderCount, 99)) : "";
}

/** Ask the service what is due today and update the badge; null when it cannot answer. */
export async function refresh() {
  try {
    const due = await fetchDue(localDay(clock.now()));
    await showBadge(due.count);
    return due;
  } catch {
    return null; // not running or not paired: the card says so
  }
}

/** The day's one look: notify when something is due, at most once a day. */
export async function tick() {
  const settings = await reminderSettings();
  const now = clock.now();
  const day = localDay(now);
  const { remindersCheckedOn } = await storage.get("remindersCheckedOn");
  const due = settings.enabled && counts(now, settings) && remindersCheckedOn !== day && now >= atTime(now, settings.time);
  if (!due) {
    await schedule();
    return null;
  }
  const answer = await refresh();
  if (!answer) {
    // givefirst did not answer: look again in a while, not in a loop.
    await ext.alarms.create(NOTIFY_ALARM, { when: now.getTime() + RETRY_MINUTES * 60000 });
    return null;
  }
  await storage.set({ remindersCheckedOn: day });
  const shown = answer.summary ? await notify(day, answer.summary) : null;
  await schedule();
  return shown;
}

async function notify(day, text) {
  const id = NOTIFICATION_PREFIX + day;
  await ext.notifications.create(id, {
    type: "basic",
    iconUrl: ext.runtime.getURL("icons/icon-128.png"),
    title: "givefirst",
    message: text,
  });
  const shown = { id, day, text };
  await storage.set({ lastReminderNotification: shown });
  return shown;
}

let scheduling = Promise.resolve();

/** Set the alarm for the next look (none while notifications are off). Calls run one after
 * another, so one that read the settings before a change cannot set its alarm after the change's. */
export function schedule() {
  const run = scheduling.then(scheduleNow, scheduleNow);
  scheduling = run.catch(() => undefined);
  return run;
}

async function scheduleNow() {
  const settings = await reminderSettings();
  await ext.alarms.clear(NOTIFY_ALARM);
  if (!settings.enabled) return null;
  const { remindersCheckedOn } = await storage.get("remindersCheckedOn");
  const when = nextRun(settings, clock.now(), remindersCheckedOn);
  if (when) await ext.alarms.create(NOTIFY_ALARM, { when: when.getTime() });
  return when;
}

async function openToday(notificationId) {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  await ext.tabs.create({ url: `${await serviceUrl()}/` });
  await ext.notifications.clear(notificationId);
}

/** Wire the alarms and listeners; main.js calls this once as the worker starts. */
export function startReminders() {
  ext.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NOTIFY_ALARM) tick();
    if (alarm.name === REFRESH_ALARM) refresh();
  });
  ext.notifications.onClicked.addListener((id) => openToday(id));
  // A tab that showed a verdict keeps that verdict's colour; away from profiles, the count's.
  onNotAProfile((tabId) => ext.action.setBadgeBackgroundColor({ tabId, color: COLOUR }).catch(() => undefined));
  ext.storage.onChanged.addListener((changes, area) => {
    if (area !== "local") return;
    if (changes.reminders) schedule();
    if (changes.token?.newValue || changes.serviceUrl) refresh();
  });
  ext.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
  schedule();
  refresh();
}

globalThis.GF = globalThis.GF || {};
globalThis.GF.reminders = { clock, nextRun, tick, schedule, refresh, reminderBadgeFor, reminderSettings, localDay, openToday };
