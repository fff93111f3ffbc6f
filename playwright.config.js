// Playwright drives Debian's Chromium against the built widget (dist/) and the real dev API.
// ./dev test builds both and sets LAUREL_DEV_API_BIN; no browser is ever downloaded.
const { defineConfig } = require("@playwright/test");

const API_PORT = 18787;
const SITE_PORT = 18080;
const bin = process.env.LAUREL_DEV_API_BIN || "cargo run -q -p laurel-dev-api --";

module.exports = defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${SITE_PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // A page fulfilled by page.route() has no address space of its own, so Local Network
        // Access would block its calls to the dev API on 127.0.0.1. Real shop pages never meet
        // this: tests build hostile pages that way, and the demo pages are served for real.
        "--disable-features=LocalNetworkAccessChecks",
      ],
    },
  },
  webServer: {
    command: `${bin} serve --port ${API_PORT} --site dist --site-port ${SITE_PORT}`,
    url: `http://127.0.0.1:${SITE_PORT}/register.html`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});

module.exports.API = `http://127.0.0.1:${API_PORT}`;
