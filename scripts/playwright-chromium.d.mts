export declare const chromium: {
  browserName: "chromium";
  launchOptions: { executablePath: string; args: string[] };
};
