// The bookmarklet's popup. The page itself holds nothing private (it was opened from another site,
// so its own request carried no SameSite=Strict cookie); this script's same-origin calls do carry
// the session, and echo its CSRF token, to read the card and log what happened.
"use strict";

(() => {
  const status = document.querySelector('[data-testid="gf-status"]');
  const root = document.getElementById("card");
  const page = Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
  let csrfToken = null;

  function say(text, kind = "info") {
    status.textContent = text;
    status.dataset.kind = kind;
  }

  class ServiceError extends Error {
    constructor(message, code) {
      super(message);
      this.code = code;
    }
  }

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (data && data.error) || {};
      throw new ServiceError(error.message || `givefirst answered ${response.status}.`, error.code);
    }
    return data;
  }

  function showLoginHelp() {
    const command = document.createElement("code");
    command.textContent = "givefirst open";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => location.reload());
    const help = document.createElement("p");
    help.className = "login-help";
    help.append("You are not logged in to givefirst. In a terminal, run ", command,
      ", then reload this window. ", reload);
    say("Not logged in.", "error");
    root.replaceChildren(help);
  }

  async function show(message) {
    const fields = {};
    for (const name of ["name", "headline", "company", "location"]) {
      if (page[name]) {
        fields[name] = page[name];
      }
    }
    const context = await call("POST", "/api/v1/context", { url: page.url, title: page.title, fields });
    window.givefirstCard.render(root, context, {
      history: 5,
      onLog: (kind, summary, extra) => log(context, kind, summary, extra).catch(report),
      onRemember: (name, howMet) => remember(context, name, howMet).catch(report),
      onLink: (known) => link(context, known).catch(report),
      onLinkProfile: (offer) => linkProfile(context, offer).catch(report),
      status: say,
      link: context.person ? `/people/${context.person.id}` : null,
    });
    say(message || "", message ? "ok" : "info");
  }

  async function log(context, kind, summary, extra = {}) {
    let person = context.person;
    if (!person) {
      // Logging with a stranger is choosing to know them: remember them first.
      const name = context.profile.name || page.title || "Unknown";
      person = await call("POST", "/api/v1/people", { name, profiles: [context.profile.url] });
    }
    const id = crypto.randomUUID(); // a retried click never logs twice
    const weight = extra.weight || 1;
    await call("POST", `/api/v1/people/${person.id}/interactions`, { id, kind, summary, weight });
    if (kind === "gave") {
      for (const done of extra.done || []) {
        await call("PATCH", `/api/v1/interactions/${encodeURIComponent(done)}`, { status: "done" });
      }
    }
    await show(`Logged: ${window.givefirstCard.KIND_LABELS[kind]} — “${summary}”.`);
  }

  async function remember(context, name, howMet) {
    const body = { name, profiles: [context.profile.url] };
    if (howMet) {
      body.how_met = howMet;
    }
    await call("POST", "/api/v1/people", body);
    await show(`Remembered ${name}. Now start by giving.`);
  }

  async function link(context, known) {
    await call("POST", `/api/v1/people/${known.id}/profiles`, { url: context.profile.url });
    await show(`Linked to ${known.name}.`);
  }

  async function linkProfile(context, offer) {
    await call("POST", `/api/v1/people/${context.person.id}/profiles`, { url: offer.url });
    await show(`Linked ${offer.url.replace(/^https?:\/\//, "")} to ${context.person.name}.`);
  }

  function report(error) {
    if (error.code === "login_required") {
      showLoginHelp();
    } else if (error instanceof ServiceError) {
      say(error.message, "error");
    } else {
      say("givefirst is not running: start it with `givefirst serve`, then reload this window.", "error");
    }
  }

  async function start() {
    if (!page.url) {
      say("Open this window with the givefirst bookmarklet, on someone's profile page.", "error");
      return;
    }
    say("Looking up this page…");
    const session = await fetch("/session", { credentials: "same-origin" });
    if (session.status === 401) {
      showLoginHelp();
      return;
    }
    csrfToken = (await session.json()).csrf_token;
    await show();
  }

  start().catch(report);
})();
