// Building DOM from data without ever parsing it as HTML: every string from a web page or from
// the service goes in as text. (No innerHTML anywhere in the extension.)
//
// Shared by the extension's pages and by the few elements content scripts add to a page (the
// launcher, the hosts of our frames), whose open shadow roots a page's scripts can reach: every
// handler here runs only for events the browser made from the person's own input (`isTrusted`),
// never for a script's click() or dispatchEvent(); forms go only by the person's Enter or click.
(() => {
  /**
   * h("button", {class: "x", dataset: {testid: "gf-save"}, onclick}, "Save") → element.
   * Children may be strings (as text), nodes, or null/false (skipped); arrays are flattened.
   * `on…` handlers run only for trusted events.
   */
  function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "dataset") Object.assign(element.dataset, value);
      else if (name.startsWith("on")) element.addEventListener(name.slice(2), byThePerson(value));
      else if (name === "class") element.className = value;
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  /** A handler that ignores events a script made (the page can reach into an open shadow root). */
  function byThePerson(handler) {
    return (event) => {
      if (event.isTrusted) handler(event);
    };
  }

  /**
   * A form sent only by the person: Enter in one of its inputs or a click on its button.
   * A script's button.click() or form.requestSubmit() still fires a submit event the browser
   * marks as trusted, so the submit event itself never sends anything.
   */
  function personForm(inputs, button, onSend) {
    const form = h("form", {}, inputs, button);
    form.addEventListener("submit", (event) => event.preventDefault());
    for (const input of inputs) {
      input.addEventListener("keydown", byThePerson((event) => {
        if (event.key !== "Enter" || event.isComposing) return;
        event.preventDefault();
        onSend();
      }));
    }
    button.addEventListener("click", byThePerson((event) => {
      event.preventDefault();
      onSend();
    }));
    return form;
  }

  /**
   * Positioning that page styles cannot undo, even `div { position: static !important }`: inline,
   * and important. `display` stays with the shadow root's :host rules, which also hide it.
   */
  function pinHost(host, place) {
    const rules = { position: "fixed", margin: "0", padding: "0", border: "0", float: "none", transform: "none",
      "max-width": "none", "min-width": "0", "z-index": "2147483646", ...place };
    for (const [property, value] of Object.entries(rules)) host.style.setProperty(property, value, "important");
  }

  /** A data-testid, as the card contract in docs/product.md names them. */
  const testid = (id) => ({ testid: id });

  globalThis.GF.h = h;
  globalThis.GF.byThePerson = byThePerson;
  globalThis.GF.personForm = personForm;
  globalThis.GF.pinHost = pinHost;
  globalThis.GF.testid = testid;
})();
