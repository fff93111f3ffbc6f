// ./dev bench: measures the built widget in headless Chromium and writes docs/performance.md and
// docs/performance.svg. Figures are reported, never asserted (the size budget is checked by the
// build). Network and CPU follow a Slow 4G profile, assets are served brotli-compressed as a
// CDN would, and every figure is the median of several runs.
//
//   node scripts/bench.js <laurel-dev-api binary>
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const net = require("net");
const path = require("path");
const { chromium } = require("@playwright/test");

const root = path.join(__dirname, "..");
const bin = process.argv[2];
const RUNS = Number(process.env.LAUREL_BENCH_RUNS || 7);
const API_PORT = 18977;
const SITE_PORT = 18976;
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const PROFILE = { rttMs: 150, downKbps: 1600, upKbps: 750, cpu: 4 };
const VENDORS = [
  ["Smile", "about 105 KB"],
  ["LoyaltyLion", "about 113 KB (18 ms desktop CPU, 130 ms mobile)"],
  ["Yotpo", "285 KB to 1.08 MB"],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const ms = (x) => `${Math.round(x)} ms`;

function waitForPort(port) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve();
      });
      socket.on("error", () => (Date.now() > deadline ? reject(new Error(`port ${port}`)) : setTimeout(attempt, 100)));
    };
    attempt();
  });
}

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PROFILE.rttMs,
    downloadThroughput: (PROFILE.downKbps * 1000) / 8,
    uploadThroughput: (PROFILE.upKbps * 1000) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpu });
}

/** Loads a bench page and returns its marks once both the floor and the widget are in. */
async function view(page, url, widget) {
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction((w) => window.__bench && window.__bench.floor && (!w || window.__bench.balance), widget, {
    timeout: 120_000,
    polling: 50,
  });
  // Let late long tasks and layout shifts arrive.
  await page.waitForTimeout(1000);
  return page.evaluate(() => window.__bench);
}

async function pageLoads(browser) {
  const first = [];
  const repeat = [];
  const bare = [];
  let encoding = "";
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("response", (r) => {
      if (r.url().endsWith(".wasm")) encoding = r.headers()["content-encoding"] || "identity";
    });
    await throttle(context, page);
    first.push(await view(page, `${SITE}/bench.html?as=member`, true));
    repeat.push(await view(page, `${SITE}/bench.html?as=member`, true));
    await context.close();
    const bareContext = await browser.newContext();
    const barePage = await bareContext.newPage();
    await throttle(bareContext, barePage);
    bare.push(await view(barePage, `${SITE}/bench-bare.html?as=member`, false));
    await bareContext.close();
  }
  // Medians, and the spread a median hides: the ratio's range and the worst run's long task.
  const summary = (runs) => {
    const ratios = runs.map((r) => r.balance / r.floor);
    // Each long task is [start, duration]; the widget's are those in which one of its scripts started.
    const durations = (tasks) => tasks.map(([, d]) => d);
    const longest = runs.map((r) => Math.max(0, ...durations(r.tasks)));
    const widget = runs.map((r) =>
      Math.max(0, ...durations(r.tasks.filter(([start, d]) => r.widgetScripts.some((s) => s >= start && s < start + d))))
    );
    return {
      balance: median(runs.map((r) => r.balance)),
      floor: median(runs.map((r) => r.floor)),
      ratio: median(ratios),
      ratioMin: Math.min(...ratios),
      ratioMax: Math.max(...ratios),
      longest: median(longest),
      worst: Math.max(...longest),
      runsOver50: longest.filter((d) => d > 50).length,
      over50: median(runs.map((r) => durations(r.tasks).filter((d) => d > 50).length)),
      widgetWorst: Math.max(...widget),
      widgetRunsOver50: widget.filter((d) => d > 50).length,
      cls: median(runs.map((r) => r.cls)),
    };
  };
  return { first: summary(first), repeat: summary(repeat), bare: summary(bare), encoding };
}

/** A catalog of `n` rewards built from the seeded ones. */
function manyRewards(rewards, n) {
  return Array.from({ length: n }, (_, i) => {
    const r = rewards[i % rewards.length];
    return { ...r, id: `${r.id}_${i}`, name: `${r.name} #${i + 1}`, cost: 100 + ((i * 37) % 2000), min_tier: null, available: true };
  });
}

/**
 * Milliseconds for one filter change, in the page: from the click until the list has been
 * updated and laid out. Leptos applies the change in a microtask after the click, so the clock
 * stops in a task queued behind it.
 */
function filterOnce(page, label) {
  return page.locator("#loyalty laurel-widget").evaluate(
    (host, label) =>
      new Promise((resolve) => {
        const root = host.shadowRoot;
        const chip = [...root.querySelectorAll(".chip")].find((b) => b.textContent === label);
        const t0 = performance.now();
        chip.click();
        setTimeout(() => {
          void root.querySelector(".rewards").offsetHeight;
          resolve(performance.now() - t0);
        }, 0);
      }),
    label,
  );
}

async function rewardScaling(browser) {
  const series = [];
  for (const n of [10, 100, 1000]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(/\/v1\/widget$/, async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.rewards = manyRewards(body.rewards, n);
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${SITE}/plain.html?as=member`);
    const w = page.locator("#loyalty laurel-widget");
    await w.getByRole("button", { name: "Rewards", exact: true }).click();
    await w.locator(".reward").first().waitFor();
    const times = [];
    for (let i = 0; i < 10; i++) {
      times.push(await filterOnce(page, "Can redeem now"));
      times.push(await filterOnce(page, "All"));
    }
    series.push({ n, median: median(times), max: Math.max(...times) });
    await context.close();
  }
  return series;
}

async function historyScaling(browser) {
  const PAGE = 1000;
  const PAGES = 10;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/\/v1\/activity/, (route) => {
    const cursor = new URL(route.request().url()).searchParams.get("cursor");
    const p = cursor ? Number(cursor.slice(1)) : 0;
    const items = Array.from({ length: PAGE }, (_, i) => ({
      id: `act_${p}_${i}`,
      kind: i % 3 ? "earn" : "spend",
      points: i % 3 ? 40 + (i % 50) : -(100 + (i % 200)),
      description: `Order #${p * PAGE + i + 1000}`,
      created_at: new Date(Date.UTC(2026, 10, 1) - (p * PAGE + i) * 3600_000).toISOString(),
    }));
    route.fulfill({ json: { items, next_cursor: p + 1 < PAGES ? `p${p + 1}` : null } });
  });
  await page.goto(`${SITE}/plain.html?as=member`);
  const w = page.locator("#loyalty laurel-widget");
  const count = () => w.evaluate((h) => h.shadowRoot.querySelectorAll(".history-item").length);
  const t0 = Date.now();
  await w.getByRole("button", { name: "History", exact: true }).click();
  await page.waitForFunction(() => true);
  while ((await count()) < PAGE) await page.waitForTimeout(5);
  const series = [{ entries: PAGE, ms: Date.now() - t0 }];
  for (let p = 1; p < PAGES; p++) {
    const target = (p + 1) * PAGE;
    const took = await w.evaluate(
      (host, target) =>
        new Promise((resolve) => {
          const root = host.shadowRoot;
          const button = [...root.querySelectorAll("button")].find((b) => b.textContent === "Load more");
          const t = performance.now();
          button.click();
          const check = () => {
            if (root.querySelectorAll(".history-item").length >= target) {
              void root.querySelector(".history").offsetHeight;
              resolve(performance.now() - t);
            } else {
              setTimeout(check, 0);
            }
          };
          check();
        }),
      target,
    );
    series.push({ entries: target, ms: took });
  }
  await context.close();
  return series;
}

function svg(sizes, loads) {
  const width = 640;
  const bar = (y, label, value, max, text, color) => {
    const w = Math.max(1, (value / max) * 380);
    return `<text x="10" y="${y + 14}" font-size="12">${label}</text><rect x="200" y="${y}" width="${w.toFixed(1)}" height="18" fill="${color}"/><text x="${(205 + w).toFixed(1)}" y="${y + 14}" font-size="12">${text}</text>`;
  };
  const rows = [];
  let y = 30;
  const maxKb = 1105;
  rows.push(`<text x="10" y="20" font-size="14" font-weight="bold">Transfer size (KB, brotli; vendors: published)</text>`);
  rows.push(bar(y, "Laurel (all assets)", sizes.total / 1000, maxKb, `${(sizes.total / 1000).toFixed(1)} KB`, "#2f6b3a"));
  for (const [name, kb] of [["Smile", 105], ["LoyaltyLion", 113], ["Yotpo (low)", 285], ["Yotpo (high)", 1080]]) {
    y += 24;
    rows.push(bar(y, name, kb, maxKb, `${kb} KB`, "#9aa0ab"));
  }
  y += 44;
  rows.push(`<text x="10" y="${y}" font-size="14" font-weight="bold">Member's balance on screen vs a bare fetch of /v1/widget (Slow 4G, 4× CPU)</text>`);
  const maxMs = Math.max(loads.first.balance, loads.first.floor) * 1.1;
  for (const [label, v, color] of [
    ["first view: fetch floor", loads.first.floor, "#9aa0ab"],
    ["first view: widget", loads.first.balance, "#2f6b3a"],
    ["repeat view: fetch floor", loads.repeat.floor, "#9aa0ab"],
    ["repeat view: widget", loads.repeat.balance, "#2f6b3a"],
  ]) {
    y += 10;
    rows.push(bar(y, label, v, maxMs, ms(v), color));
    y += 14;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 30}" viewBox="0 0 ${width} ${y + 30}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="#fff"/>${rows.join("")}</svg>\n`;
}

function markdown(sizes, loads, rewards, history, chromiumVersion) {
  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const lines = [];
  lines.push("# Performance");
  lines.push("");
  lines.push(
    `Measured by \`./dev bench\` on ${new Date().toISOString().slice(0, 10)}: ${RUNS} runs each, medians, headless Chromium ${chromiumVersion}, two-core machine. Network: ${PROFILE.rttMs} ms round trip, ${PROFILE.downKbps / 1000} Mbit/s down, ${PROFILE.upKbps} kbit/s up; CPU slowed ${PROFILE.cpu}×. Assets are served by the demo server as a CDN serves them: precompressed (the wasm arrived with \`content-encoding: ${loads.encoding}\`), content-hashed names cached as immutable, the loader revalidated. These figures are reported, not asserted; only the size budget is checked by the tests.`,
  );
  lines.push("");
  lines.push("![Sizes and load times](performance.svg)");
  lines.push("");
  lines.push("## Transfer size");
  lines.push("");
  lines.push("| asset | raw | brotli |");
  lines.push("|---|---|---|");
  for (const a of sizes.assets) lines.push(`| ${a.what} (\`${a.file.replace(/\.[0-9a-f]{10}\./, ".<hash>.")}\`) | ${kib(a.raw)} | ${kib(a.brotli)} |`);
  lines.push(`| **total** | | **${kib(sizes.total)}** (budget ${kib(sizes.budget)}) |`);
  lines.push("");
  lines.push("Published figures for vendors' storefront scripts: " + VENDORS.map(([n, f]) => `${n} ${f}`).join("; ") + ".");
  lines.push("");
  lines.push("## First and repeat view");
  lines.push("");
  lines.push("From the start of navigation to the member's balance on screen, against a bare `fetch()` of `/v1/widget` made by the same page in the same run (its completion is the floor).");
  lines.push("");
  lines.push(`| | floor | widget | widget / floor | range over the ${RUNS} runs |`);
  lines.push("|---|---|---|---|---|");
  const range = (l) => `${l.ratioMin.toFixed(2)}× to ${l.ratioMax.toFixed(2)}×`;
  lines.push(`| first view (empty cache) | ${ms(loads.first.floor)} | ${ms(loads.first.balance)} | ${loads.first.ratio.toFixed(2)}× | ${range(loads.first)} |`);
  lines.push(`| repeat view (assets cached) | ${ms(loads.repeat.floor)} | ${ms(loads.repeat.balance)} | ${loads.repeat.ratio.toFixed(2)}× | ${range(loads.repeat)} |`);
  lines.push("");
  lines.push("## Host-page impact");
  lines.push("");
  lines.push("Long tasks (PerformanceObserver `longtask`) and cumulative layout shift, on the same page with and without the widget, at the same CPU slowdown. A long task is the widget's when one of its scripts (`laurel.js`, which calls the wasm, or the glue) started in it, as the Long Animation Frames API reports them; the layout its DOM changes cause can run in a task of the page's.");
  lines.push("");
  lines.push(`| page | longest task (median run) | tasks over 50 ms (median run) | longest task in any run | runs with a task over 50 ms | the widget's longest task in any run | runs with a widget task over 50 ms | CLS |`);
  lines.push("|---|---|---|---|---|---|---|---|");
  const impact = (name, l) =>
    `| ${name} | ${ms(l.longest)} | ${l.over50} | ${ms(l.worst)} | ${l.runsOver50} of ${RUNS} | ${ms(l.widgetWorst)} | ${l.widgetRunsOver50} of ${RUNS} | ${l.cls.toFixed(3)} |`;
  lines.push(impact("without the widget", loads.bare));
  lines.push(impact("with the widget, first view", loads.first));
  lines.push(impact("with the widget, repeat view", loads.repeat));
  lines.push("");
  lines.push("## Scale");
  lines.push("");
  lines.push("Without throttling. A filter change is timed from the click to the end of the layout it causes (script and layout, not paint), 20 changes each.");
  lines.push("");
  lines.push("| rewards | median per filter change | slowest |");
  lines.push("|---|---|---|");
  for (const r of rewards) lines.push(`| ${r.n.toLocaleString("en")} | ${r.median.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`);
  lines.push("");
  lines.push("History pages of 1,000 entries from a stubbed `/v1/activity`; each row is the time from \"Load more\" to the page's entries laid out.");
  lines.push("");
  lines.push("| entries shown | time |");
  lines.push("|---|---|");
  for (const h of history) lines.push(`| ${h.entries.toLocaleString("en")} | ${Math.round(h.ms)} ms |`);
  lines.push("");
  return lines.join("\n");
}

(async () => {
  if (!bin) {
    console.error("usage: node scripts/bench.js <laurel-dev-api binary>");
    process.exit(2);
  }
  const sizes = JSON.parse(fs.readFileSync(path.join(root, "dist/sizes.json"), "utf8"));
  const server = spawn(bin, ["serve", "--port", String(API_PORT), "--site", "dist", "--site-port", String(SITE_PORT), "--rate-limit", "100000"], {
    cwd: root,
    stdio: "ignore",
  });
  try {
    await waitForPort(SITE_PORT);
    await waitForPort(API_PORT);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-features=LocalNetworkAccessChecks"],
    });
    console.log(`bench: ${RUNS} runs of first and repeat view, Slow 4G, ${PROFILE.cpu}× CPU`);
    const loads = await pageLoads(browser);
    console.log(`bench: first view ${ms(loads.first.balance)} vs floor ${ms(loads.first.floor)} (${loads.first.ratio.toFixed(2)}×, ${loads.first.ratioMin.toFixed(2)}× to ${loads.first.ratioMax.toFixed(2)}×); repeat ${ms(loads.repeat.balance)} vs ${ms(loads.repeat.floor)} (${loads.repeat.ratio.toFixed(2)}×)`);
    console.log(`bench: runs with a task over 50 ms: ${loads.first.runsOver50} of ${RUNS} first views (longest ${ms(loads.first.worst)}), ${loads.bare.runsOver50} of ${RUNS} without the widget (longest ${ms(loads.bare.worst)})`);
    console.log(`bench: runs with a widget task over 50 ms: ${loads.first.widgetRunsOver50} of ${RUNS} first views (longest ${ms(loads.first.widgetWorst)}), ${loads.repeat.widgetRunsOver50} of ${RUNS} repeat views (longest ${ms(loads.repeat.widgetWorst)})`);
    const rewards = await rewardScaling(browser);
    console.log(`bench: filter change ${rewards.map((r) => `${r.n}: ${r.median.toFixed(1)} ms`).join(", ")}`);
    const history = await historyScaling(browser);
    console.log(`bench: history ${history.map((h) => `${h.entries}: ${Math.round(h.ms)} ms`).join(", ")}`);
    const version = browser.version();
    await browser.close();
    fs.writeFileSync(path.join(root, "docs/performance.md"), markdown(sizes, loads, rewards, history, version));
    fs.writeFileSync(path.join(root, "docs/performance.svg"), svg(sizes, loads));
    console.log("bench: wrote docs/performance.md and docs/performance.svg");
  } finally {
    server.kill();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
