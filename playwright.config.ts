import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when present (offline machines: never `playwright install`); otherwise
// Playwright's own browser, so a machine with internet works too.
const systemChromium = "/usr/bin/chromium";
const executablePath = process.env.PLAYWRIGHT_CHROMIUM ?? (fs.existsSync(systemChromium) ? systemChromium : undefined);

export default defineConfig({
  testDir: "./e2e",
  // The stack (throwaway PostgreSQL, ClaveÚnica emulator, portal) is started once for the run.
  globalSetup: "./e2e/support/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    ...devices["Desktop Chrome"],
    locale: "es-CL",
    timezoneId: "America/Santiago",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});
