// The only code that talks to the givefirst service. Failures become a ServiceError whose kind
// the card and options page show to the person (GF.FAILURES), never a swallowed exception.

import { forgetToken, serviceUrl, token } from "./settings.js";

const TIMEOUT_MS = 10000;

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

/** One JSON request. `auth: false` for health and pairing, which need no token. */
export async function call(method, path, body, { auth = true } = {}) {
  const base = await serviceUrl();
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (auth) {
    const saved = await token();
    if (!saved) throw new ServiceError("not_paired", "Pair this browser with givefirst first.");
    headers.Authorization = `Bearer ${saved}`;
  }
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

export async function isRunning() {
  try {
    const { body } = await call("GET", "/api/v1/health", undefined, { auth: false });
    return body?.name === "givefirst";
  } catch {
    return false;
  }
}
