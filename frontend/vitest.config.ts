import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import path from "node:path";

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@": path.resolve(__dirname, ".") } },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./test/setup.ts"],
    // The page's origin in jsdom; the client resolves API paths against it.
    env: { NEXT_PUBLIC_API_URL: "http://localhost" },
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["e2e/**", ".next/**", "node_modules/**", "out/**"],
  },
});
