// The bookmarklet, readable. bookmarklet.py drops these comment lines, joins the rest into one
// line and fills in SERVICE_URL. It runs inside the page you are on, under that page's CSP, so
// it never fetches, frames or loads a script from the service (page CSP and the browser's
// local-network rules block those): it only opens a popup on the service, with what the page
// shows in the URL's fragment, which never reaches a server or its logs.
(() => {
  const clip = (text, limit) => String(text || "").replace(/\s+/g, " ").trim().slice(0, limit);
  const meta = (name) => {
    const tag = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    return tag ? tag.getAttribute("content") : "";
  };
  const isPerson = (node) => node && [].concat(node["@type"]).includes("Person");
  let person = null;
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent);
      const nodes = [].concat(data, data["@graph"] || [], data.mainEntity || []);
      person = person || nodes.find(isPerson) || null;
    } catch (error) {
      continue;
    }
  }
  const named = (value) => (value && typeof value === "object" ? value.name : value) || "";
  const heading = document.querySelector("main h1, h1");
  const place = person && (person.address || person.homeLocation);
  const fields = {
    url: location.href,
    title: clip(document.title, 300),
    name: clip(named(person) || (heading && heading.textContent), 200),
    headline: clip((person && person.jobTitle) || meta("og:description"), 300),
    company: clip(person && named([].concat(person.worksFor || [])[0]), 200),
    location: clip(named(place && (place.addressLocality || place)), 200),
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value) {
      params.set(key, value);
    }
  }
  window.open(SERVICE_URL + "/popup#" + params.toString(), "givefirst", "popup,width=460,height=720");
})();
