// Takes screenshots of the demo storefront in headless Chromium for the README.
// Usage: node scripts/screenshot.js DEV_API_BIN OUT_DIR
const { spawn } = require("child_process");
const { chromium } = require("@playwright/test");

const [bin, outDir = "docs"] = process.argv.slice(2);
const API_PORT = 18797;
const SITE_PORT = 18090;

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

(async () => {
  const server = spawn(bin, ["serve", "--port", API_PORT, "--site", "dist", "--site-port", SITE_PORT], {
    stdio: "ignore",
  });
  try {
    await waitFor(`http://127.0.0.1:${SITE_PORT}/register.html`, 30_000);
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    for (const persona of ["member", "guest", "top"]) {
      await page.goto(`http://127.0.0.1:${SITE_PORT}/?as=${persona}`);
      await page.locator("#loyalty section[aria-busy=false]").waitFor();
      const file = `${outDir}/demo-${persona}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    await browser.close();
  } finally {
    server.kill("SIGTERM");
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
