// Loads the extension's site files as the content scripts do (one shared GF global) and prints,
// as JSON, each registered site with its hosts and the key it gives for each of its test URLs.
// Usage: node extension_sites.mjs EXTENSION_DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const dir = process.argv[2];
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const files = manifest.content_scripts[0].js.filter(
  (file) => file.startsWith("content/sites/") || file === "content/registry.js",
);
const context = vm.createContext({ URL });
vm.runInContext("globalThis.GF = {};", context);
for (const file of files) vm.runInContext(readFileSync(join(dir, file), "utf8"), context, { filename: file });

const { SITES, sites } = context.GF;
const describe = (site) => ({
  name: site.name,
  hosts: site.hosts,
  cases: site.testUrls.map(([url, expected]) => [url, expected, site.profileKey(new URL(url))]),
});
console.log(JSON.stringify({ registered: SITES.map(describe), web: describe(sites.web) }));
