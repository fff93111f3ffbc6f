// Loading on real pages: one async tag from any position, before or after DOMContentLoaded, a
// second copy, <laurel-widget> and <laurel-points> anywhere, shared state, bad settings, and a
// strict Content-Security-Policy.
const { test, expect, API, points, shopperToken, renderedTokens } = require("./fixtures");

/** Serves the plain page with its body replaced by `body` (script tags included). */
async function pageWith(page, build) {
  await page.route(/\/plain\.html/, async (route) => {
    const res = await route.fetch();
    const html = await res.text();
    const api = html.match(/data-api="([^"]+)"/)[1];
    const token = html.match(/data-token="([^"]*)"/)[1];
    const out = build({ html, api, token });
    await route.fulfill({ response: res, body: out });
  });
}

const tag = (api, token, extra = "") => `<script src="/laurel.js" data-api="${api}" data-token="${token}" ${extra}></script>`;

/** Counts requests whose URL matches. */
function count(page, pattern) {
  const seen = [];
  page.on("request", (r) => {
    if (pattern.test(r.url())) seen.push(r.url());
  });
  return seen;
}

test("a blocking tag in <head> waits for the mount element further down", async ({ page }) => {
  await pageWith(page, ({ api, token }) => `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," />
    ${tag(api, token, 'data-mount="#later"')}</head>
    <body><h1>Shop</h1><p>Lots of content.</p><div id="later"></div></body></html>`);
  await page.goto("/plain.html?as=member");
  await expect(page.locator("#later laurel-widget").getByRole("heading", { name: "Hi Maya" })).toBeVisible();
});

test("from a CDN path on another origin, under the policy the README gives, it loads everything from beside itself", async ({ page }) => {
  const fs = require("fs");
  const path = require("path");
  const cdn = "http://cdn.laurel.test/assets/v1.2/";
  const types = { js: "text/javascript", wasm: "application/wasm" };
  const served = [];
  await page.route(`${cdn}**`, (route) => {
    const file = route.request().url().slice(cdn.length);
    served.push(file);
    route.fulfill({
      path: path.join(__dirname, "../../dist", file),
      headers: { "content-type": types[file.split(".").pop()], "access-control-allow-origin": "*" },
    });
  });
  await page.route(/\/plain\.html/, async (route) => {
    const res = await route.fetch();
    const html = await res.text();
    const api = html.match(/data-api="([^"]+)"/)[1];
    const token = html.match(/data-token="([^"]*)"/)[1];
    const csp = `default-src 'self'; script-src 'self' http://cdn.laurel.test 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src http://cdn.laurel.test ${api}; worker-src blob:`;
    await route.fulfill({
      response: res,
      headers: { ...res.headers(), "content-security-policy": csp },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /></head>
        <body><div id="loyalty"></div>
        <script src="${cdn}laurel.js" data-api="${api}" data-token="${token}" data-mount="#loyalty" async></script></body></html>`,
    });
  });
  await page.goto("/plain.html?as=member");
  await expect(page.locator("#loyalty laurel-widget").getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  expect(served).toHaveLength(3);
  expect(served).toContain("laurel.js");
  expect(served.find((f) => /^laurel-wasm\.[0-9a-f]{10}\.js$/.test(f))).toBeTruthy();
  expect(served.find((f) => /^laurel\.[a-z]{2}\.[0-9a-f]{10}\.wasm$/.test(f))).toBeTruthy();
});

test("Intl's one-time setup runs in a worker that closes itself", async ({ page, widgetApi }) => {
  const workers = [];
  page.on("worker", (w) => workers.push(w));
  await page.goto("/plain.html?as=member");
  const w = page.locator("#loyalty laurel-widget");
  const data = await widgetApi.expected();
  await expect(w.getByText(points(data.member.balance), { exact: true })).toBeVisible();
  // The loader starts the worker at the page's first idle moment, which a busy machine may give
  // only after the balance is on screen.
  await expect.poll(() => workers.length).toBeGreaterThan(0);
  expect(workers).toHaveLength(1);
  expect(workers[0].url()).toMatch(/^blob:/);
  await expect.poll(() => page.workers().length).toBe(0);
});

test("a policy without worker-src blob: refuses the worker, and the widget formats its numbers all the same", async ({ page, cspViolations, widgetApi }) => {
  await page.route(/\/plain\.html/, async (route) => {
    const res = await route.fetch();
    const csp = res.headers()["content-security-policy"];
    expect(csp).toContain("worker-src blob:;");
    await route.fulfill({ response: res, headers: { ...res.headers(), "content-security-policy": csp.replace("worker-src blob:;", "") } });
  });
  await page.goto("/plain.html?as=member");
  const w = page.locator("#loyalty laurel-widget");
  const data = await widgetApi.expected();
  await expect(w.getByText(points(data.member.balance), { exact: true })).toBeVisible();
  await expect.poll(() => cspViolations.length).toBe(1);
  expect(cspViolations[0]).toMatch(/^worker-src blob .*\/laurel\.js:/);
  // The browser's report of the refused worker is the one violation this page expects.
  cspViolations.length = 0;
  await w.getByRole("button", { name: "History", exact: true }).click();
  await expect(w.locator(".history-item").first()).toBeVisible();
  expect(cspViolations).toEqual([]);
});

test("a server that sends the wasm without its MIME type still gets a widget, and one that fails says why", async ({ page }) => {
  // Many shop CDNs serve .wasm as application/octet-stream: streaming compilation refuses it and
  // the glue falls back to compiling the downloaded bytes.
  await page.route(/\.wasm$/, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ status: 200, body: await res.body(), headers: { "content-type": "application/octet-stream" } });
  });
  await page.goto("/plain.html?as=member");
  await expect(page.getByRole("heading", { name: "Hi Maya" })).toBeVisible();

  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.unroute(/\.wasm$/);
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 503, body: "busy" }));
  await page.reload();
  await expect.poll(() => errors.join("\n")).toMatch(/Laurel: could not start.*503 fetching http.*\.wasm/s);
  await expect(page.locator("h1")).toBeVisible();
});

test("a tag added by script after the page has loaded starts the widget", async ({ page }) => {
  await pageWith(page, ({ api, token }) => `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /></head>
    <body><h1>Shop</h1><div id="loyalty" data-api="${api}" data-token="${token}"></div></body></html>`);
  await page.goto("/plain.html?as=member");
  await page.waitForLoadState("load");
  await page.evaluate(() => {
    const div = document.getElementById("loyalty");
    const s = document.createElement("script");
    s.src = "/laurel.js";
    s.dataset.api = div.dataset.api;
    s.dataset.token = div.dataset.token;
    s.dataset.mount = "#loyalty";
    document.body.appendChild(s);
  });
  await expect(page.locator("#loyalty").getByRole("heading", { name: "Hi Maya" })).toBeVisible();
});

test("a second copy of the tag loads nothing twice and adds no second widget", async ({ page }) => {
  const wasm = count(page, /\/laurel\.[a-z]{2}\.[0-9a-f]{10}\.wasm$/);
  const widget = count(page, /\/v1\/widget$/);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await pageWith(page, ({ api, token }) => `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /></head>
    <body><div id="loyalty"></div>
    ${tag(api, token, 'data-mount="#loyalty" async')}
    ${tag(api, token, 'data-mount="#loyalty" async')}
    ${tag(api, token, "async")}
    ${tag(api, token, "async")}</body></html>`);
  await page.goto("/plain.html?as=member");
  await expect(page.locator("#loyalty laurel-widget").getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  await expect(page.locator("laurel-widget[placement=launcher]").getByRole("button", { name: /^Rewards/ })).toBeVisible();
  await expect(page.locator("laurel-widget")).toHaveCount(2);
  expect(wasm).toHaveLength(1);
  expect(widget).toHaveLength(1);
  expect(warnings.filter((w) => w.includes("second copy of the Laurel tag"))).toHaveLength(2);
});

test("<laurel-widget view> renders inline anywhere, and two widgets plus three previews share one request", async ({ page, request }) => {
  const widget = count(page, /\/v1\/widget$/);
  const previews = count(page, /\/v1\/points-preview/);
  await pageWith(page, ({ api, token }) => `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /></head>
    <body>
      <aside><laurel-widget view="rewards"></laurel-widget></aside>
      <p><laurel-points amount="10.00" currency="EUR"></laurel-points></p>
      <p><laurel-points amount="49.90" currency="EUR"></laurel-points></p>
      <p><laurel-points amount="120.00" currency="EUR"></laurel-points></p>
      ${tag(api, token, "async")}</body></html>`);
  await page.goto("/plain.html?as=member");
  const aside = page.locator("aside laurel-widget");
  await expect(aside.getByRole("button", { name: "Rewards", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(aside.getByRole("list").first()).toBeVisible();
  await expect(page.locator("laurel-widget[placement=launcher]").getByRole("button", { name: /^Rewards/ })).toBeVisible();
  for (const amount of ["10.00", "49.90", "120.00"]) {
    await expect(page.locator(`laurel-points[amount="${amount}"]`).getByText(/^Earn \d+ points?$/)).toBeVisible();
  }
  expect(widget).toHaveLength(1);
  expect(previews).toHaveLength(3);
});

test("<laurel-points> follows its attributes when the shopper picks another variant", async ({ page, request }) => {
  const token = () => shopperToken(page, request);
  await page.goto("/product.html?as=member");
  const badge = page.locator("laurel-points");
  const expected = async (amount) => {
    const res = await request.get(`${API}/v1/points-preview?amount=${amount}&currency=EUR`, {
      headers: { Authorization: `Bearer ${await token()}` },
    });
    return (await res.json()).points;
  };
  await expect(badge.getByText(`Earn ${points(await expected("129.90"))}`)).toBeVisible();
  await page.getByRole("radio", { name: "Gore-Tex" }).check();
  await expect(page.locator("#price")).toHaveText("€159.90");
  const more = await expected("159.90");
  await expect(badge.getByText(`Earn ${points(more)}`)).toBeVisible();
  await page.getByRole("radio", { name: "Standard" }).check();
  await expect(badge.getByText(`Earn ${points(await expected("129.90"))}`)).toBeVisible();
});

for (const [attrs, attribute] of [
  ['data-placement="sidebar"', 'data-placement="sidebar"'],
  ['data-mount="#missing"', 'data-mount="#missing"'],
  ['data-cart="magento"', 'data-cart="magento"'],
  ['data-api="javascript:alert(1)"', 'data-api="javascript:alert(1)"'],
  ['data-timeout="soon"', 'data-timeout="soon"'],
]) {
  test(`an invalid ${attribute.split("=")[0]} gives one console error naming it, and the page is untouched`, async ({ page }) => {
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await pageWith(page, ({ api, token }) => {
      const withApi = attrs.startsWith("data-api") ? attrs : `data-api="${api}" ${attrs}`;
      return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /></head>
        <body><h1>Shop</h1><div id="loyalty"></div><button type="button" id="own">The shop's button</button>
        <script src="/laurel.js" ${withApi} data-token="${token}" async></script>
        <script src="/own.js"></script></body></html>`;
    });
    await page.route("**/own.js", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: 'document.getElementById("own").addEventListener("click", () => { document.title = "clicked"; });',
      }),
    );
    await page.goto("/plain.html?as=member");
    await expect.poll(() => errors.filter((e) => e.startsWith("Laurel:")).length).toBe(1);
    const error = errors.find((e) => e.startsWith("Laurel:"));
    expect(error).toContain(attribute);
    await page.getByRole("button", { name: "The shop's button" }).click();
    await expect(page).toHaveTitle("clicked");
    await expect(page.locator("laurel-widget")).toHaveCount(0);
    const mount = await page.locator("#loyalty").evaluate((el) => ({ children: el.childNodes.length, reserve: el.style.minBlockSize }));
    expect(mount).toEqual({ children: 0, reserve: "" });
  });
}

test("an inline widget renders in space reserved before it loads: nothing below it moves", async ({ page }) => {
  await page.goto("/bench.html?as=member");
  await expect(page.locator("#loyalty laurel-widget").getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  const { reserve, cls } = await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 300));
    return { reserve: document.getElementById("loyalty").style.minBlockSize, cls: window.__bench.cls };
  });
  expect(reserve).toBe("var(--laurel-reserve, 384px)");
  expect(cls).toBe(0);
});

test("every demo page runs under the strict CSP without a single violation", async ({ page, cspViolations }) => {
  const response = await page.goto("/?as=top");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("style-src 'self';");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toMatch(/unsafe-eval(?!')/);
  expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("'unsafe-eval'");
  const w = page.locator("#loyalty");
  await expect(w.getByRole("heading", { name: /^Hi / })).toBeVisible();
  for (const name of ["Rewards", "Ways to earn", "My rewards", "History", "Home"]) {
    await w.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true }).click();
  }
  await page.locator("laurel-widget[placement=launcher]").getByRole("button", { name: /^Rewards/ }).click();
  await expect(page.locator("laurel-widget[placement=launcher]").getByRole("dialog")).toBeVisible();
  for (const path of ["/product.html", "/cart.html", "/spa.html", "/spa.html?page=product", "/plain.html"]) {
    await page.goto(path);
    await expect(page.locator("laurel-widget, laurel-points").first()).toBeAttached();
    await page.waitForLoadState("networkidle");
  }
  expect(cspViolations).toEqual([]);
});

/** Laurel's entries in sessionStorage. */
const cached = (page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("laurel:")).map((k) => [k, sessionStorage.getItem(k)]));

test("a repeat view paints the last answer at once and then shows the fresh one", async ({ page }) => {
  const tokens = renderedTokens(page);
  await page.goto("/plain.html?as=member");
  const w = page.locator("#loyalty laurel-widget");
  await expect(w.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  const token = tokens[0];
  expect(token.split(".")).toHaveLength(3);
  const entries = await cached(page);
  expect(entries).toHaveLength(1);
  const [key, value] = entries[0];
  // Keyed by a hash, holding what was on screen: no token, no customer id, no marketing choice.
  expect(key).not.toContain("maya");
  expect(value).not.toContain(token);
  const data = JSON.parse(value);
  expect(data.member.first_name).toBe("Maya");
  expect(data.member).not.toHaveProperty("marketing_opt_in");

  // The API is slow this time, and the balance has moved meanwhile.
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(/\/v1\/widget$/, async (route) => {
    await gate;
    const res = await route.fetch();
    const body = await res.json();
    body.member.balance += 5;
    await route.fulfill({ response: res, json: body });
  });
  await page.reload();
  await expect(w.getByText(points(data.member.balance), { exact: true })).toBeVisible();
  await expect(w.locator("[part~=skeleton]")).toHaveCount(0);
  release();
  await expect(w.getByText(points(data.member.balance + 5), { exact: true })).toBeVisible();
});

test("signing out or in forgets every cached answer", async ({ page }) => {
  await page.goto("/plain.html?as=member");
  await expect(page.locator("#loyalty laurel-widget").getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  expect(await cached(page)).toHaveLength(1);
  await page.evaluate(() => window.Laurel.logout());
  await expect(page.locator("#loyalty laurel-widget").getByRole("heading", { name: /^Join / })).toBeVisible();
  expect(await cached(page)).toEqual([]);
});

test("the token leaves the DOM once read, and the widget keeps working with it", async ({ page }) => {
  const tokens = renderedTokens(page);
  await page.goto("/?as=member");
  const w = page.locator("#loyalty laurel-widget");
  await expect(w.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  expect(tokens).toHaveLength(1);
  const dom = await page.evaluate(() => ({ withToken: document.querySelectorAll("[data-token]").length, html: document.documentElement.outerHTML }));
  expect(dom.withToken).toBe(0);
  expect(dom.html).not.toContain(tokens[0]);
  // Still signed in: the history is the member's own.
  await w.getByRole("button", { name: "History", exact: true }).click();
  await expect(w.locator(".history-item").first()).toBeVisible();
});
