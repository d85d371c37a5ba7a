// Settings in chrome.storage.local, as docs/product.md says: `serviceUrl` and `token`, plus the
// pairing in progress, the offline queue, notes the service refused, and per-site preferences.
// Only the extension's own pages and its background read it (see main.js).

export const DEFAULT_SERVICE_URL = "http://127.0.0.1:7170";
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

export const storage = (globalThis.browser ?? globalThis.chrome).storage.local;

/** A service URL we are willing to talk to: loopback only, no path. Throws with a reason. */
export function checkedServiceUrl(raw) {
  const text = String(raw ?? "").trim().replace(/\/+$/, "");
  if (!LOOPBACK.test(text)) {
    throw new Error("The service URL must be http://127.0.0.1:PORT (or localhost).");
  }
  return text;
}

// Where `scripts/run --port N` may have started the service when the person set no address: the
// extension looks on these ports for a service whose health says "givefirst", and remembers it.
export const USUAL_PORTS = [7170, 7171, 7172, 7173, 7174, 7175, 7176, 7177, 7178, 7179];

/** The service's address: the one the person set, else the one found on a usual port. */
export async function serviceUrl() {
  const { serviceUrl: saved, foundServiceUrl: found } = await storage.get(["serviceUrl", "foundServiceUrl"]);
  try {
    return checkedServiceUrl(saved || found || DEFAULT_SERVICE_URL);
  } catch {
    return DEFAULT_SERVICE_URL; // a bad stored value must not send requests elsewhere
  }
}

/** Whether the person set the address (then it is never looked for elsewhere). */
export async function addressChosen() {
  return Boolean((await storage.get("serviceUrl")).serviceUrl);
}

export async function token() {
  return (await storage.get("token")).token || null;
}

export async function saveToken(value, name) {
  await storage.set({ token: value, tokenName: name || null });
  await storage.remove("pairing");
}

export async function forgetToken() {
  await storage.remove(["token", "tokenName"]);
}

// In the page, by default, nothing but a launcher, and not even that where the site's terms
// frown on anything added to its pages. The whole card in the page is the person's choice.
const LAUNCHER_OFF_BY_DEFAULT = new Set(["linkedin", "facebook"]);

/** {launcher, inPage} for a site: what the person chose, else the defaults. */
export async function siteOptions(site) {
  const { siteOptions: saved = {} } = await storage.get("siteOptions");
  const chosen = saved[site] || {};
  return {
    launcher: chosen.launcher ?? !LAUNCHER_OFF_BY_DEFAULT.has(site),
    inPage: chosen.inPage ?? false,
  };
}
