// Runs the extension's DOM-free content scripts (messages, time, sites, registry) in Node, as the
// browser does (one shared GF global), then prints the JSON value of an expression over `GF`.
// Usage: node content_scripts.mjs EXTENSION_DIR EXPRESSION
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const [dir, expression] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const domFree = (file) =>
  file === "shared/messages.js" || file === "content/core/time.js" ||
  file.startsWith("content/sites/") || file === "content/registry.js" ||
  (file.startsWith("content/surfaces/") && !file.endsWith("/main.js"));
const context = vm.createContext({ URL });
for (const file of manifest.content_scripts[0].js.filter(domFree)) {
  vm.runInContext(readFileSync(join(dir, file), "utf8"), context, { filename: file });
}
console.log(JSON.stringify(vm.runInContext(`(${expression})`, context)));
