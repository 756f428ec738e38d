import type { NextConfig } from "next";

// A static export: `crm` serves `out/` at `/`, so API and dashboard share one origin.
// `npm run dev` talks to a running server at NEXT_PUBLIC_API_URL (see .env.development).
const config: NextConfig = {
  output: "export",
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
};

export default config;
