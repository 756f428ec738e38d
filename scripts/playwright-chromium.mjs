// How the browser tests (frontend/ and mobile/) run Chromium: Debian's, headless, with nothing
// fetched from the network (no browser download, no background services).
export const chromium = {
  browserName: "chromium",
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};
