import { defineConfig } from "@playwright/test";
import { chromium } from "../scripts/playwright-chromium.mjs";

// The journeys run in Debian's Chromium against the real `crm` binary on mem://, which serves
// this dashboard's static export (out/) on the same origin. Build both first:
//   cargo build -p crm && npm run build
const port = Number(process.env.E2E_PORT ?? 18181);
const crm = process.env.CRM_BIN ?? "../target/debug/crm";

export const ADMIN = { email: "admin@example.com", password: "e2e admin passphrase" };

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...chromium,
    screenshot: "only-on-failure",
    trace: "off",
  },
  webServer: {
    command: crm,
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      CRM__DATABASE__URL: "mem://",
      CRM__GRPC__PORT: "0",
      CRM__SERVER__HOST: "127.0.0.1",
      CRM__SERVER__PORT: String(port),
      CRM__SERVER__DASHBOARD_DIR: "out",
      CRM__AUTH__BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      CRM__AUTH__BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      CRM__LIMITS__LOGIN_PER_MINUTE: "1000",
      CRM__LOG__LEVEL: "warn",
      CRM_CONFIG_DIR: "/nonexistent",
    },
  },
});
