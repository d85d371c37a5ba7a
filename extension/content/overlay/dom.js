// Building DOM from data without ever parsing it as HTML: every string from a web page or from
// the service goes in as text. (No innerHTML anywhere in the extension.)
(() => {
  /**
   * h("button", {class: "x", dataset: {testid: "gf-log-gave"}, onclick}, "I gave") → element.
   * Children may be strings (as text), nodes, or null/false (skipped); arrays are flattened.
   */
  function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "dataset") Object.assign(element.dataset, value);
      else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else if (name === "class") element.className = value;
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  /** A data-testid, as the overlay contract in PRODUCT.md names them. */
  const testid = (id) => ({ testid: id });

  globalThis.GF.h = h;
  globalThis.GF.testid = testid;
})();
