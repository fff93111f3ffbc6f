// Failures the widget survives against the real dev API: retries, a token that renews itself,
// a session that ends, going offline, a trap in the wasm, and redemptions that happen exactly
// once whatever the shopper or the network does.
const { test, expect, API, shopperToken, renderedTokens, rewrite, withAttrs } = require("./fixtures");

const inline = (page) => page.locator("#loyalty laurel-widget");
const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });

/** URLs of requests the page makes that match `pattern`, with their Authorization header. */
function requests(page, pattern) {
  const seen = [];
  page.on("request", (r) => {
    if (pattern.test(r.url())) seen.push({ url: r.url(), method: r.method(), auth: r.headers().authorization || null, at: Date.now() });
  });
  return seen;
}

test("a GET that meets 503 twice is tried again and succeeds, without a message", async ({ page }) => {
  let failures = 2;
  await page.route(/\/v1\/widget$/, (route) =>
    failures-- > 0
      ? route.fulfill({ status: 503, contentType: "application/problem+json", body: '{"type":"https://laurel.dev/problems/internal","title":"Down","status":503}' })
      : route.continue(),
  );
  const sent = requests(page, /\/v1\/widget$/);
  await page.goto("/plain.html?as=member");
  await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  expect(sent).toHaveLength(3);
  await expect(inline(page).getByRole("alert")).toHaveCount(0);
});

test("429 waits as long as Retry-After says, in seconds or as a date", async ({ page }) => {
  for (const retryAfter of ["1", () => new Date(Date.now() + 1500).toUTCString()]) {
    let limited = true;
    await page.unroute(/\/v1\/widget$/);
    await page.route(/\/v1\/widget$/, (route) => {
      if (!limited) return route.continue();
      limited = false;
      route.fulfill({
        status: 429,
        headers: { "retry-after": typeof retryAfter === "function" ? retryAfter() : retryAfter, "access-control-expose-headers": "Retry-After" },
        contentType: "application/problem+json",
        body: '{"type":"https://laurel.dev/problems/rate-limited","title":"Slow down","status":429}',
      });
    });
    const sent = requests(page, /\/v1\/widget$/);
    await page.goto("/plain.html?as=member");
    await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(900);
  }
});

test("a POST without an Idempotency-Key is never repeated", async ({ page }) => {
  const sent = requests(page, /\/v1\/enrollments$/);
  await page.route(/\/v1\/enrollments$/, (route) =>
    route.fulfill({ status: 503, contentType: "application/problem+json", body: '{"type":"https://laurel.dev/problems/internal","title":"Down","status":503}' }),
  );
  await page.goto("/plain.html?as=outage");
  const w = inline(page);
  await w.getByRole("checkbox", { name: "I accept the program terms" }).check();
  await w.getByRole("button", { name: /^Join and get/ }).click();
  await expect(w.getByRole("alert")).toContainText("Something went wrong on our side");
  expect(sent.filter((r) => r.method === "POST")).toHaveLength(1);
});

test("an expired token is renewed from data-token-url on the 401, and the request succeeds", async ({ page }) => {
  const renewals = requests(page, /\/demo-token/);
  const calls = requests(page, /\/v1\/widget$/);
  // Expired two minutes ago: past the API's minute of leeway.
  await page.goto("/plain.html?as=member&expires_in=-120");
  await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  expect(renewals.length).toBeGreaterThanOrEqual(1);
  const auths = calls.map((c) => c.auth);
  expect(new Set(auths).size).toBeGreaterThanOrEqual(2);
});

test("a token about to expire is renewed before it does, and later calls carry the new one", async ({ page }) => {
  const rendered = renderedTokens(page);
  const renewals = requests(page, /\/demo-token/);
  await page.goto("/plain.html?as=member&expires_in=62");
  const w = inline(page);
  await expect(w.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  // Renewal is due a minute before expiry, at the earliest five seconds after the first load.
  await expect.poll(() => renewals.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  const history = requests(page, /\/v1\/activity/);
  await tab(w, "History").click();
  await expect(w.locator(".history-item").first()).toBeVisible();
  expect(history[0].auth).toMatch(/^Bearer /);
  expect(history[0].auth).not.toBe(`Bearer ${rendered[0]}`);
});

test("when the token cannot be renewed the shopper sees the guest view with a sign-in link", async ({ page }) => {
  await page.route(/\/demo-token/, (route) => route.fulfill({ json: { token: null } }));
  await page.addInitScript(() => {
    window.__signedOut = 0;
    document.addEventListener("laurel:signed-out", () => window.__signedOut++);
  });
  await page.goto("/plain.html?as=member&expires_in=-120");
  const w = inline(page);
  await expect(w.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(w.getByRole("heading", { name: "Hi Maya" })).toHaveCount(0);
  expect(await page.evaluate(() => window.__signedOut)).toBe(1);
});

test("offline, the balance stays with its time and redeeming waits; back online it refreshes", async ({ page, context }) => {
  await page.goto("/plain.html?as=top");
  const w = inline(page);
  await expect(w.getByRole("heading", { name: /^Hi / })).toBeVisible();
  await context.setOffline(true);
  const notice = w.getByRole("status").filter({ hasText: "You're offline" });
  await expect(notice).toContainText(/your points as of \d{1,2}:\d{2}/);
  await expect(w.locator(".balance-value")).toBeVisible();
  await tab(w, "Rewards").click();
  const redeem = w.getByRole("button", { name: /^Redeem / }).first();
  await expect(redeem).toBeDisabled();
  const refreshed = page.waitForRequest(/\/v1\/widget$/);
  await context.setOffline(false);
  await refreshed;
  await expect(notice).toHaveCount(0);
  await expect(redeem).toBeEnabled();
});

test("a trap in the wasm leaves a short note in every widget, one console error, and the page working", async ({ page }) => {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // The glue's changed() fails as a trap would, with a WebAssembly.RuntimeError: the next time
  // a <laurel-points> changes its price, the module is dead.
  await rewrite(
    page,
    /\/laurel-wasm\.[0-9a-f]+\.js$/,
    (js) => `${js.replace(/([{,])(\w+) as changed([,}])/, "$1__laurelTrap as changed$3")}\nfunction __laurelTrap(){throw new WebAssembly.RuntimeError("unreachable")}`,
  );
  await page.goto("/product.html?as=member");
  await expect(page.locator("main laurel-points").getByText(/^Earn /)).toBeVisible();
  await page.getByRole("radio", { name: "Gore-Tex" }).check();
  const notes = () =>
    page.evaluate(() => [...document.querySelectorAll("laurel-widget")].map((h) => h.shadowRoot && h.shadowRoot.textContent));
  await expect.poll(notes).toEqual(["Rewards are unavailable right now."]);
  // Said to screen readers as a status.
  const roles = () => page.evaluate(() => [...document.querySelectorAll("laurel-widget")].map((h) => h.shadowRoot.firstElementChild.getAttribute("role")));
  expect(await roles()).toEqual(["status"]);
  expect(errors.filter((e) => e.startsWith("Laurel: stopped"))).toHaveLength(1);
  // Nothing more is sent to the dead module, and the page's own scripts still run.
  await page.getByRole("radio", { name: "Standard" }).check();
  expect(errors.filter((e) => e.startsWith("Laurel: stopped"))).toHaveLength(1);
  await expect(page.locator("#price")).toHaveText("€129.90");
});

/** How many redemptions the API holds for the page's shopper. */
async function redemptionCount(page, request) {
  const token = await shopperToken(page, request);
  const list = await (await request.get(`${API}/v1/redemptions`, { headers: { Authorization: `Bearer ${token}` } })).json();
  return list.items.length;
}

test("a double click and a retry after a timeout each end in exactly one redemption", async ({ page, request }) => {
  // A one-second timeout, and the API's first answer held back for three: the widget gives up on
  // it and tries again with the same key, while the first request completes on the server.
  await rewrite(page, /\/plain\.html/, withAttrs('data-timeout="1000"'));
  await page.goto("/plain.html?as=vip");
  const w = inline(page);
  await expect(w.getByRole("heading", { name: "Hi Noor" })).toBeVisible();
  const data = await (await request.get(`${API}/v1/widget`, { headers: { Authorization: `Bearer ${await shopperToken(page, request)}` } })).json();
  const codes = data.rewards.filter((r) => r.available && !r.min_tier && r.kind !== "donation" && r.remaining !== 0);
  const reward = codes.sort((a, b) => a.cost - b.cost)[0];

  // 1. A double click on Confirm.
  let before = await redemptionCount(page, request);
  await tab(w, "Rewards").click();
  await w.getByRole("button", { name: `Redeem ${reward.name}` }).click();
  await w.getByRole("dialog").getByRole("button", { name: "Confirm" }).dblclick();
  await expect(w.getByRole("dialog", { name: "Here's your reward" })).toBeVisible();
  expect(await redemptionCount(page, request)).toBe(before + 1);
  await w.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  // 2. A retry after a forced timeout.
  before = await redemptionCount(page, request);
  let held = false;
  await page.route(/\/v1\/redemptions$/, async (route) => {
    if (route.request().method() !== "POST" || held) return route.continue();
    held = true;
    const res = await route.fetch();
    await new Promise((r) => setTimeout(r, 3000));
    await route.fulfill({ response: res }).catch(() => {});
  });
  const keys = [];
  page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/v1/redemptions") && keys.push(r.headers()["idempotency-key"]));
  await w.getByRole("button", { name: `Redeem ${reward.name}` }).click();
  await w.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(w.getByRole("dialog", { name: "Here's your reward" })).toBeVisible({ timeout: 20_000 });
  expect(keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(keys).size).toBe(1);
  expect(await redemptionCount(page, request)).toBe(before + 1);
});
