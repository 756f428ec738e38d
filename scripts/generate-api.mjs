// Regenerates a client's typed API schema (`--out <file>`, relative to the client's folder, the
// current directory) from the OpenAPI document the server serves: one generator for the
// dashboard (frontend/lib/api-schema.ts) and the app (mobile/src/api/schema.ts).
// The document comes from the committed snapshot (backend/tests/snapshots/openapi.json), which the
// backend's test suite keeps equal to what `crm` serves; pass --from <url> to read a running server.
// --check fails (exit 1) when the committed types are stale.
// openapi-typescript is the calling client's own dev dependency (its node_modules).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.cwd();
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
if (outIndex < 0) throw new Error("usage: generate-api.mjs --out <file> [--check] [--from <url>]");
const target = path.resolve(root, args[outIndex + 1]);
const requireHere = createRequire(path.join(root, "package.json"));
const generator = await import(pathToFileURL(requireHere.resolve("openapi-typescript")).href);
// Resolved from here, the package's CommonJS entry: its exports arrive as `default` as well.
const openapiTS = typeof generator.default === "function" ? generator.default : generator.default.default;
const astToString = generator.astToString ?? generator.default.astToString;
const check = args.includes("--check");
const fromIndex = args.indexOf("--from");

let document;
if (fromIndex >= 0) {
  const url = args[fromIndex + 1];
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  document = await response.json();
} else {
  const snapshot = path.resolve(here, "..", "backend", "tests", "snapshots", "openapi.json");
  document = JSON.parse(readFileSync(snapshot, "utf8"));
}

const ast = await openapiTS(document, { alphabetize: true });
const header =
  "// Generated from the crm OpenAPI document by scripts/generate-api.mjs. Do not edit:\n" +
  "// run `npm run api:generate` after an API change.\n\n";
const generated = header + astToString(ast);

if (check) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing counts as stale
  }
  if (current !== generated) {
    console.error(`${path.relative(root, target)} is stale: run \`npm run api:generate\` in ${path.basename(root)}/ and commit the result.`);
    process.exit(1);
  }
  console.log(`${path.relative(root, target)} matches the OpenAPI document.`);
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${path.relative(root, target)}`);
}
