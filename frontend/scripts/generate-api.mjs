// Regenerates lib/api-schema.ts from the OpenAPI document the server serves.
// The document comes from the committed snapshot (backend/tests/snapshots/openapi.json), which the
// backend's test suite keeps equal to what `crm` serves; pass --from <url> to read a running server.
// --check fails (exit 1) when the committed types are stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const target = path.join(root, "lib", "api-schema.ts");
const args = process.argv.slice(2);
const check = args.includes("--check");
const fromIndex = args.indexOf("--from");

let document;
if (fromIndex >= 0) {
  const url = args[fromIndex + 1];
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  document = await response.json();
} else {
  const snapshot = path.resolve(root, "..", "backend", "tests", "snapshots", "openapi.json");
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
    console.error("lib/api-schema.ts is stale: run `npm run api:generate` in frontend/ and commit the result.");
    process.exit(1);
  }
  console.log("lib/api-schema.ts matches the OpenAPI document.");
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${path.relative(root, target)}`);
}
