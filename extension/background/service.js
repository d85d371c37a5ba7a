// The only code that talks to the givefirst service. Failures become a ServiceError whose kind
// the card and options page show to the person (GF.FAILURES), never a swallowed exception.

import { addressChosen, forgetToken, serviceUrl, storage, token, USUAL_PORTS } from "./settings.js";

const TIMEOUT_MS = 10000;
const PROBE_TIMEOUT_MS = 800;
const PROBE_AGAIN_MS = 5000;
let lastProbe = 0;

export class ServiceError extends Error {
  constructor(kind, message, status = null) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  toJSON() {
    return { kind: this.kind, message: this.message, status: this.status };
  }
}

function failureKind(status, code) {
  if (status === 401) return "not_paired";
  if (status === 403) return "forbidden"; // this browser or its address, not what was sent
  if (status === 404) return "gone";
  if (code === "not_a_profile") return "not_a_profile";
  if (status >= 400 && status < 500) return "invalid";
  return "failed";
}

async function answersAsGivefirst(base) {
  try {
    const response = await fetch(`${base}/api/v1/health`, {
      credentials: "omit", cache: "no-store", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return (await response.json())?.name === "givefirst";
  } catch {
    return false;
  }
}

/**
 * Nothing answers where we looked: unless the person set the address, look on the usual ports
 * (`scripts/run --port 7171` needs no change in the options) and remember where it answers.
 * Returns the address found, or null.
 */
async function lookForService() {
  if ((await addressChosen()) || Date.now() - lastProbe < PROBE_AGAIN_MS) return null;
  lastProbe = Date.now();
  const candidates = USUAL_PORTS.map((port) => `http://127.0.0.1:${port}`);
  const answers = await Promise.all(candidates.map(answersAsGivefirst));
  const found = candidates.find((_, index) => answers[index]) || null;
  if (found && found !== (await serviceUrl())) await storage.set({ foundServiceUrl: found });
  return found;
}

/** The token, or why there is none: nothing answers (not running), or not paired yet. */
async function bearer() {
  const saved = await token();
  if (saved) return `Bearer ${saved}`;
  if (!(await isRunning())) throw new ServiceError("not_running", `Nothing answers at ${await serviceUrl()}.`);
  throw new ServiceError("not_paired", "Pair this browser with givefirst first.");
}

/** One JSON request. `auth: false` for health and pairing, which need no token. */
export async function call(method, path, body, { auth = true } = {}) {
  try {
    return await once(method, path, body, auth);
  } catch (error) {
    if (error instanceof ServiceError && error.kind === "not_running" && (await lookForService())) {
      return once(method, path, body, auth);
    }
    throw error;
  }
}

async function once(method, path, body, auth) {
  const base = await serviceUrl();
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (auth) headers.Authorization = await bearer();
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (error?.name === "TimeoutError") {
      // Something took the request and did not answer: slow, not stopped.
      throw new ServiceError("timeout", `No answer from ${base} within ${TIMEOUT_MS / 1000} s.`);
    }
    throw new ServiceError("not_running", `Nothing answers at ${base}.`);
  }
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { status: response.status, body: answer };
  const error = answer?.error || {};
  const kind = failureKind(response.status, error.code);
  if (kind === "not_paired" && auth) await forgetToken(); // revoked: back to pairing
  throw new ServiceError(kind, error.message || `givefirst answered ${response.status}.`, response.status);
}

/** Whether givefirst answers, where we know it or on a usual port. */
export async function isRunning() {
  if (await answersAsGivefirst(await serviceUrl())) return true;
  return Boolean(await lookForService());
}
