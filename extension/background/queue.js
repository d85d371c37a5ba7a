// The offline queue: every log is stored first and sent after, so nothing typed is lost when the
// service is down or the worker is stopped mid-request. Interactions carry a client-chosen UUID,
// so sending one twice never duplicates it on the service.

import { call, ServiceError } from "./service.js";
import { storage } from "./settings.js";

let chain = Promise.resolve();

/** Run storage read-modify-writes one at a time (messages and alarms arrive concurrently). */
function serially(task) {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

async function load() {
  return (await storage.get("queue")).queue || [];
}

function pathFor(item) {
  const kind = item.type === "fact" ? "facts" : "interactions";
  return `/api/v1/people/${encodeURIComponent(item.personId)}/${kind}`;
}

export function enqueue(item) {
  return serially(async () => {
    const queue = await load();
    queue.push({ ...item, queuedAt: new Date().toISOString() });
    await storage.set({ queue });
  });
}

export async function pending() {
  return (await load()).length;
}

/**
 * Send what is queued, oldest first. Stops at the first "not running" or "not paired" and keeps
 * the rest; drops an item the service refuses outright (its person was deleted, say), because
 * resending it could never succeed.
 */
export function flush() {
  return serially(async () => {
    let queue = await load();
    let sent = 0;
    let stoppedBy = null;
    while (queue.length) {
      const [item] = queue;
      try {
        await call("POST", pathFor(item), item.body);
        sent += 1;
      } catch (error) {
        if (!(error instanceof ServiceError) || error.kind !== "invalid") {
          stoppedBy = error instanceof ServiceError ? error.toJSON() : { kind: "failed", message: String(error) };
          break;
        }
      }
      queue = queue.slice(1);
      await storage.set({ queue });
    }
    return { sent, left: queue.length, stoppedBy };
  });
}
