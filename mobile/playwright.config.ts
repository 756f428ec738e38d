import { defineConfig } from "@playwright/test";
import { chromium } from "../scripts/playwright-chromium.mjs";

// The end-to-end smoke of the app's web export (`npm run export:web` → dist/) in Debian's
// Chromium, against the real `crm` binary on mem://, which allows the export's origin (CORS).
// Build both first: cargo build -p crm && npm run export:web
const appPort = Number(process.env.E2E_APP_PORT ?? 18291);
const apiPort = Number(process.env.E2E_API_PORT ?? 18292);
const crm = process.env.CRM_BIN ?? "../target/debug/crm";

export const API = `http://127.0.0.1:${apiPort}`;
export const ADMIN = { email: "admin@example.com", password: "e2e admin passphrase" };

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    ...chromium,
    screenshot: "only-on-failure",
    trace: "off",
  },
  webServer: [
    {
      command: crm,
      url: `${API}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        CRM__DATABASE__URL: "mem://",
        CRM__GRPC__PORT: "0",
        CRM__SERVER__HOST: "127.0.0.1",
        CRM__SERVER__PORT: String(apiPort),
        CRM__SERVER__DASHBOARD_DIR: "",
        CRM__CORS__ALLOWED_ORIGINS: `http://127.0.0.1:${appPort}`,
        CRM__AUTH__BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
        CRM__AUTH__BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
        CRM__LIMITS__LOGIN_PER_MINUTE: "1000",
        CRM__LOG__LEVEL: "warn",
        CRM_CONFIG_DIR: "/nonexistent",
      },
    },
    {
      command: "node e2e/serve.mjs",
      url: `http://127.0.0.1:${appPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      env: { PORT: String(appPort) },
    },
  ],
});
