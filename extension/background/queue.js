// The offline queue: every log and fact is stored first and sent after, so nothing typed is lost
// when the service is down, slow, or the browser is not paired any more. Each carries a
// client-chosen UUID, so sending one twice never duplicates it on the service.
//
// What happens to a note the service does not take:
// - not running, too slow, not paired, this browser refused (401/403): it waits, with all behind it;
// - the service fails on it (5xx): it waits and is tried again; after MAX_TRIES it is "stuck" and
//   set aside, so it no longer holds up the notes behind it;
// - its person is gone (404, merged into someone else, say): it goes to whoever the profile it was
//   written on belongs to now;
// - refused for good (422, or no one to give it to): it leaves the queue for the "refused" list,
//   with its text, until the person has seen it in the sidebar.

import { call, ServiceError } from "./service.js";
import { storage } from "./settings.js";

export const MAX_TRIES = 3;
const MAX_REFUSED = 50;
const WAIT = new Set(["not_running", "timeout", "not_paired", "forbidden"]);

let chain = Promise.resolve();

/** Run storage read-modify-writes one at a time (messages and alarms arrive concurrently). */
function serially(task) {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

async function load(name = "queue") {
  const items = (await storage.get(name))[name] || [];
  for (const item of items) {
    // Queued before notes had their own id (facts had none): give them one, kept from now on.
    item.id ??= item.body.id ?? crypto.randomUUID();
    item.body.id ??= item.id;
  }
  return items;
}

function pathFor(item) {
  const kind = item.type === "fact" ? "facts" : "interactions";
  return `/api/v1/people/${encodeURIComponent(item.personId)}/${kind}`;
}

function failureOf(error) {
  return error instanceof ServiceError ? error.toJSON() : { kind: "failed", message: String(error?.message || error) };
}

/** What the sidebar shows of a note that was not sent: enough to copy it or log it again. */
function publicView(item) {
  const { body } = item;
  return {
    id: item.id,
    type: item.type,
    kind: item.type === "fact" ? "fact" : body.kind,
    summary: body.summary ?? null,
    label: body.label ?? null,
    value: body.value ?? null,
    text: item.type === "fact" ? `${body.label}: ${body.value}` : body.summary,
    personId: item.personId,
    personName: item.personName || null,
    profileUrl: item.profileUrl || null,
    queuedAt: item.queuedAt,
    tries: item.tries || 0,
    reason: item.reason || null,
  };
}

export function enqueue(item) {
  return serially(async () => {
    const queue = await load();
    queue.push({ ...item, id: item.body.id, tries: 0, stuck: false, queuedAt: new Date().toISOString() });
    await storage.set({ queue });
  });
}

/** Notes waiting to be sent (stuck ones, set aside, are not counted). */
export async function pending() {
  return (await load()).filter((item) => !item.stuck).length;
}

/** Whoever the profile a note was written on belongs to now, or null. */
async function ownerOf(profileUrl) {
  try {
    return (await call("POST", "/api/v1/context", { url: profileUrl })).body.person;
  } catch (error) {
    if (error instanceof ServiceError && (error.kind === "not_a_profile" || error.kind === "invalid")) return null;
    throw error;
  }
}

/** One attempt: null when sent, else the failure. A person merged away is looked up again once. */
async function deliver(item) {
  try {
    await call("POST", pathFor(item), item.body);
    return null;
  } catch (error) {
    const failure = failureOf(error);
    if (failure.kind !== "gone" || !item.profileUrl) return failure;
    let owner;
    try {
      owner = await ownerOf(item.profileUrl);
    } catch (lookup) {
      return failureOf(lookup);
    }
    if (!owner || owner.id === item.personId) {
      return { ...failure, message: `${item.personName || "This person"} is no longer in givefirst.` };
    }
    item.movedFrom = item.personId;
    item.personId = owner.id;
    item.personName = owner.name;
    try {
      await call("POST", pathFor(item), item.body);
      return null;
    } catch (again) {
      return failureOf(again);
    }
  }
}

async function state(extra = {}) {
  const queue = await load();
  return {
    ...extra,
    left: queue.filter((item) => !item.stuck).length,
    stuck: queue.filter((item) => item.stuck).map(publicView),
    refused: (await load("refused")).map(publicView),
  };
}

/** The notes that could not be sent, for the sidebar. */
export function problems() {
  return serially(() => state());
}

/**
 * Send what is queued, oldest first, as the comment at the top says. Answers what was sent (with
 * the person each went to), what is left, what is stuck or refused, and what stopped the sending.
 */
export function flush() {
  return serially(async () => {
    let queue = await load();
    if (!queue.length) return state({ sent: 0, sentNotes: [], stoppedBy: null });
    await storage.set({ queue }); // keeps the ids `load` gave to notes queued without one
    const sent = [];
    let stoppedBy = null;
    for (const item of [...queue]) {
      if (item.stuck) continue;
      const failure = await deliver(item);
      if (!failure) {
        sent.push({ id: item.id, personId: item.personId, personName: item.personName || null, moved: Boolean(item.movedFrom) });
        queue = queue.filter((queued) => queued.id !== item.id);
        await storage.set({ queue });
        continue;
      }
      if (WAIT.has(failure.kind)) {
        stoppedBy = failure;
        break;
      }
      if (failure.kind === "failed") {
        item.tries = (item.tries || 0) + 1;
        item.reason = failure.message;
        item.stuck = item.tries >= MAX_TRIES;
        queue = queue.map((queued) => (queued.id === item.id ? item : queued));
        await storage.set({ queue });
        if (item.stuck) continue; // set aside: the notes behind it go on
        stoppedBy = failure;
        break;
      }
      // Refused for good: keep its text for the person, never resend it.
      const refused = [...(await load("refused")), { ...item, reason: failure.message }].slice(-MAX_REFUSED);
      queue = queue.filter((queued) => queued.id !== item.id);
      await storage.set({ queue, refused });
    }
    return state({ sent: sent.length, sentNotes: sent, stoppedBy });
  });
}

/** Give a stuck note another MAX_TRIES tries. */
export function retry(id) {
  return serially(async () => {
    const queue = (await load()).map((item) => (item.id === id ? { ...item, stuck: false, tries: 0 } : item));
    await storage.set({ queue });
  }).then(flush);
}

/** Forget a stuck or refused note (the person copied it, logged it again, or let it go). */
export function forget(id) {
  return serially(async () => {
    const queue = (await load()).filter((item) => item.id !== id);
    const refused = (await load("refused")).filter((item) => item.id !== id);
    await storage.set({ queue, refused });
    return state();
  });
}
