// Pairing: ask the service for a code, show it, poll until the person approves it with
// `givefirst pair approve CODE`, then keep the token. The request id is the secret; the code is not.

import { call, ServiceError } from "./service.js";
import { saveToken, storage } from "./settings.js";

function clientName() {
  return globalThis.browser?.runtime?.getBrowserInfo ? "firefox" : "chromium";
}

async function current() {
  const { pairing } = await storage.get("pairing");
  if (pairing && Date.parse(pairing.expiresAt) > Date.now()) return pairing;
  return null;
}

/** A code to show: the pairing already waiting, or a new one. */
export async function start() {
  const waiting = await current();
  if (waiting) return publicView(waiting);
  const { body } = await call("POST", "/api/v1/pair", { client: clientName() }, { auth: false });
  const pairing = {
    requestId: body.request_id,
    code: body.code,
    expiresAt: body.expires_at,
    approveWith: body.approve_with,
  };
  await storage.set({ pairing });
  return publicView(pairing);
}

function publicView(pairing) {
  return { code: pairing.code, approveWith: pairing.approveWith, expiresAt: pairing.expiresAt };
}

const ENDED = { 403: "denied", 404: "expired", 410: "expired" };

/** One claim: pending, approved (the token is saved), denied or expired. */
export async function poll() {
  const pairing = await current();
  if (!pairing) return { status: "expired" };
  try {
    const { status, body } = await call(
      "POST", "/api/v1/pair/claim", { request_id: pairing.requestId }, { auth: false },
    );
    if (status === 200 && body?.token) {
      await saveToken(body.token, body.token_name);
      return { status: "approved", tokenName: body.token_name };
    }
    return { status: "pending", ...publicView(pairing) };
  } catch (error) {
    if (error instanceof ServiceError && ENDED[error.status]) {
      await storage.remove("pairing");
      return { status: ENDED[error.status] };
    }
    throw error;
  }
}
