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
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    const base = `http://127.0.0.1:${SITE_PORT}`;
    const shot = async (name) => {
      await page.waitForTimeout(300);
      const file = `${outDir}/demo-${name}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    };
    // The account page with `attr` added to its script tag, as a shop would write it.
    const withScriptAttr = (attr) =>
      page.route(/\/(\?.*)?$/, async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, body: (await res.text()).replaceAll("data-api=", `${attr} data-api=`) });
      });
    const ready = () => page.locator("#loyalty section[aria-busy=false]").waitFor();
    const tab = (scope, name) =>
      scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });
    for (const persona of ["member", "guest", "top", "nonmember"]) {
      await page.goto(`${base}/?as=${persona}`);
      await ready();
      await shot(persona);
    }
    await page.goto(`${base}/?as=member`);
    await ready();
    const w = page.locator("#loyalty");
    await tab(w, "Rewards").click();
    await shot("rewards");
    await tab(w, "Ways to earn").click();
    await shot("earn");
    await tab(w, "How it works").click();
    await shot("how");
    // An order confirmation page, for a shopper who bought before joining.
    await page.goto(`${base}/order.html?as=buyer`);
    await page.locator("laurel-widget#claim [part~=points-badge]").waitFor();
    await shot("claim");
    await page.goto(`${base}/product.html?as=top`);
    const host = page.locator("laurel-widget[placement=launcher]");
    await host.getByRole("button", { name: /^Rewards/, expanded: false }).click();
    await tab(host, "Rewards").click();
    // A reward with a code: the result shows Copy and "Apply to cart".
    await host.getByRole("button", { name: "Redeem Free standard shipping" }).click();
    await host.getByRole("button", { name: "Confirm" }).click();
    await host.getByRole("dialog", { name: "Here's your reward" }).waitFor();
    await shot("redeemed");
    // The same account page in Persian: right to left, Persian digits.
    await withScriptAttr('data-locale="fa"');
    await page.goto(`${base}/?as=member`);
    await ready();
    await shot("fa");
    await page.unrouteAll();
    // Dark, then a brand theme made only of custom properties and ::part(), both added to the
    // shop's own stylesheet as a shop would (the page's CSP allows no inline style).
    await withScriptAttr('data-theme="dark"');
    await page.goto(`${base}/?as=member`);
    await ready();
    await shot("dark");
    await page.unrouteAll();
    await page.route(/\/storefront\.css$/, async (route) => {
      const res = await route.fetch();
      const brand = `
#loyalty { --laurel-color-accent: #6d28d9; --laurel-color-track: #ede9fe; --laurel-color-surface: #fdfcff;
  --laurel-color-border: #ddd6fe; --laurel-radius: 4px; --laurel-radius-control: 4px;
  --laurel-font-family: Georgia, "Times New Roman", serif; }
#loyalty laurel-widget::part(base) { border-block-start: 6px solid #6d28d9; }
#loyalty laurel-widget::part(balance) { color: #4c1d95; }`;
      await route.fulfill({ response: res, body: (await res.text()) + brand });
    });
    await page.goto(`${base}/?as=member`);
    await ready();
    await shot("brand");
    // The demo's theming page: three shops and the default, then the same in dark and Persian.
    await page.unrouteAll();
    await page.setViewportSize({ width: 1500, height: 900 });
    for (const [name, query] of [
      ["theming", "theme=light&lang=en"],
      ["theming-dark-fa", "theme=dark&lang=fa"],
    ]) {
      await page.goto(`${base}/theming.html?as=member&${query}`);
      for (const shop of ["default", "harbour", "bloom", "noir"]) {
        await page.locator(`#${shop} section[aria-busy=false]`).waitFor();
      }
      await shot(name);
    }
    await browser.close();
  } finally {
    server.kill("SIGTERM");
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
