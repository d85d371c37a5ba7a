// Runs the extension's DOM-free content scripts (messages, time, sites, registry) in Node, as the
// browser does (one shared GF global, the vocabulary included), then prints the JSON value of an expression over `GF`.
// Further files (relative to EXTENSION_DIR, or absolute) run after them in the same global, for
// scripts whose load defines words without touching the DOM (the card's weights).
// Usage: node content_scripts.mjs EXTENSION_DIR EXPRESSION [FILE...]
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import vm from "node:vm";

const [dir, expression, ...more] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const domFree = (file) =>
  file === "shared/messages.js" || file === "shared/vocabulary.js" || file === "content/core/time.js" ||
  file.startsWith("content/sites/") || file === "content/registry.js" ||
  (file.startsWith("content/surfaces/") && !file.endsWith("/main.js"));
const context = vm.createContext({ URL });
context.window = context;
for (const file of manifest.content_scripts[0].js.filter(domFree)) {
  vm.runInContext(readFileSync(join(dir, file), "utf8"), context, { filename: file });
}
for (const file of more) {
  vm.runInContext(readFileSync(resolve(dir, file), "utf8"), context, { filename: file });
}
console.log(JSON.stringify(vm.runInContext(`(${expression})`, context)));
