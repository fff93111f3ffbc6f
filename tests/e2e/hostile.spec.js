// A hostile corpus: what a broken or malicious loyalty API (or shop backend) might answer, served
// through route interception on every endpoint the widget calls. Each case asserts that the
// shopper sees a message or a working widget, that nothing reaches window.onerror, that no
// payload executes (no dialog, no global set, no javascript: or data: link), and that the host
// page's own button still works. The page's Content-Security-Policy is removed for these tests,
// so that the widget's own escaping is what stops a payload, not the policy.
const { test, expect, rewrite, withAttrs } = require("./fixtures");

const WIDGET = /\/v1\/widget$/;
const ACTIVITY = /\/v1\/activity\?/;
const REDEMPTIONS = /\/v1\/redemptions$/;
const ENROLL = /\/v1\/enrollments$/;
const ACTIONS = /\/v1\/actions$/;
const PREVIEW = /\/v1\/points-preview\?/;
const TOKEN = /\/demo-token/;

const PAYLOADS = [
  '<script>window.__pwned="script"</script>',
  '<img src=x onerror="window.__pwned=\'img\'">',
  'javascript:window.__pwned="js"//',
  'data:text/html,<script>window.__pwned="data"</script>',
];
// Fields that are identifiers, enum values or times, not text a shopper reads or a URL.
const NOT_TEXT = new Set(["id", "kind", "min_tier", "created_at", "expires_at", "reward_id", "next_cursor", "birthday"]);

const MSG = {
  network: /couldn't reach the rewards service/,
  timeout: /taking too long to answer/,
  session: /session has ended|sign in again/i,
  rateLimited: /Too many requests/,
  server: /went wrong on our side/,
  unreadable: /answer we couldn't read/,
  generic: /Something went wrong/,
  any: /\S/,
};

const inline = (page) => page.locator("#loyalty laurel-widget");
const tab = (w, name) => w.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });

// --- responses ----------------------------------------------------------------------------------
const problem = (status, type = "internal", extra = {}) => ({
  status,
  contentType: "application/problem+json",
  body: JSON.stringify({
    type: `https://laurel.dev/problems/${type}`,
    title: "<b>title</b>",
    status,
    detail: 'DETAIL-FOR-THE-CONSOLE <img src=x onerror="window.__pwned=1">',
    ...extra,
  }),
});
const json = (body, status = 200) => ({ status, contentType: "application/json", body: typeof body === "string" ? body : JSON.stringify(body) });
const raw = (body, contentType, status = 200) => ({ status, contentType, body });

/** Replaces every text and URL string in `value` with `payload`. */
function poison(value, payload, key = "") {
  if (Array.isArray(value)) return value.map((v) => poison(v, payload, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, payload, k)]));
  }
  return typeof value === "string" && !NOT_TEXT.has(key) ? payload : value;
}

/** A handler that answers with `respond(real)`: the real answer, changed, or a canned one. */
function answer(respond) {
  return async (route) => {
    if (typeof respond === "function") {
      const r = await respond(route);
      if (r && r.abort) return route.abort(r.abort);
      if (r) return route.fulfill(r);
      return;
    }
    return route.fulfill(respond);
  };
}

/** The real JSON answer, changed by `change`. */
const edited = (change) => async (route) => {
  const res = await route.fetch();
  const body = await res.json();
  return json(change(body) ?? body, res.status());
};
const drop = (kind = "connectionreset") => () => ({ abort: kind });
/** Held past the widget's timeout (1.5 s on these pages). */
const slow = (ms = 4000) => async (route) => {
  await new Promise((r) => setTimeout(r, ms));
  // The widget gave up on it long ago: the request is gone.
  await route.fulfill(problem(503)).catch(() => {});
};
const onlyPost = (respond) => async (route) => (route.request().method() === "POST" ? answer(respond)(route) : route.continue());

// --- the page -----------------------------------------------------------------------------------
/** Serves the demo pages without their CSP and with a short timeout, and watches for anything
 * executing. */
async function arm(page) {
  await rewrite(page, /\/(plain|product)\.html/, withAttrs('data-timeout="1500"'), { drop: ["content-security-policy"] });
  await page.addInitScript(() => {
    window.__errors = [];
    window.addEventListener("error", (e) => window.__errors.push(String(e.message)));
    window.addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
    const alertish = () => {
      window.__pwned = "dialog";
    };
    window.alert = alertish;
  });
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return dialogs;
}

/** Nothing ran, nothing unsafe is linked, and the host page's own button still answers. */
async function assertUnharmed(page, dialogs) {
  await page.evaluate(() => {
    const b = document.createElement("button");
    b.textContent = "Host button";
    b.addEventListener("click", () => (window.__clicks = (window.__clicks || 0) + 1));
    document.body.prepend(b);
  });
  await page.getByRole("button", { name: "Host button" }).click();
  expect(await page.evaluate(() => window.__clicks)).toBe(1);
  const state = await page.evaluate(() => {
    const links = [];
    for (const host of document.querySelectorAll("laurel-widget, laurel-points")) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll("[href], [src]")) links.push(el.href || el.src);
      if (root.querySelector("script, iframe, object, embed")) links.push("an element that runs code");
    }
    return { pwned: window.__pwned, errors: window.__errors, links };
  });
  expect(state.pwned, "a payload executed").toBeUndefined();
  expect(dialogs, "a dialog opened").toEqual([]);
  expect(state.errors, "errors reached window.onerror").toEqual([]);
  for (const link of state.links) expect(link).toMatch(/^https?:\/\//);
}

// --- how each endpoint is reached ---------------------------------------------------------------
const reach = {
  async widget(page, persona = "top") {
    await page.goto(`/plain.html?as=${persona}`);
  },
  async activity(page) {
    await page.goto("/plain.html?as=top");
    await tab(inline(page), "History").click();
  },
  async codes(page) {
    await page.goto("/plain.html?as=top");
    await tab(inline(page), "My rewards").click();
  },
  async redeem(page) {
    await page.goto("/plain.html?as=top");
    const w = inline(page);
    await tab(w, "Rewards").click();
    await w.getByRole("button", { name: /^Redeem /, disabled: false }).first().click();
    await w.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  },
  async join(page) {
    await page.goto("/plain.html?as=outage");
    const w = inline(page);
    await w.getByRole("checkbox", { name: "I accept the program terms" }).check();
    await w.getByRole("button", { name: /^Join and get/ }).click();
  },
  async action(page) {
    // The newsletter shown as not yet done, whatever other tests did.
    await page.route(WIDGET, answer(edited((d) => void d.earn_rules.forEach((r) => r.kind === "newsletter" && (r.completed = false)))));
    await page.goto("/plain.html?as=top");
    const w = inline(page);
    await tab(w, "Ways to earn").click();
    await w.getByRole("button", { name: "Subscribe" }).click();
  },
  async preview(page) {
    await page.goto("/product.html?as=top");
  },
  async token(page) {
    await page.goto("/plain.html?as=member&expires_in=-120");
  },
};

/** What the shopper should see: a message matching `pattern`, or a widget that works. */
async function expectOutcome(page, where, outcome) {
  const w = inline(page);
  if (outcome === "usable" && where === "redeem") {
    const done = w.getByRole("dialog", { name: "Here's your reward" });
    await expect(done).toBeVisible();
    await done.getByRole("button", { name: "Close" }).click();
    return;
  }
  if (outcome === "usable") {
    await expect(w.getByRole("navigation", { name: "Rewards sections" }).or(w.getByRole("heading").first()).first()).toBeVisible();
    return;
  }
  if (outcome === "guest") {
    await expect(w.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    return;
  }
  if (outcome === "quiet") {
    // laurel-points shows nothing rather than a wrong figure; the page around it is untouched.
    await expect(page.locator("laurel-points")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForTimeout(300);
    const text = await page.locator("laurel-points").evaluate((el) => (el.shadowRoot ? el.shadowRoot.textContent : ""));
    expect(text).not.toMatch(/<|undefined|NaN|Infinity|e\+/);
    return;
  }
  const alert = (where === "redeem" ? w.getByRole("dialog") : w).getByRole("alert").first();
  await expect(alert).toHaveText(outcome, { timeout: 15_000 });
  // The problem's detail and title are for the console, never for the shopper.
  await expect(alert).not.toContainText("DETAIL-FOR-THE-CONSOLE");
  await expect(alert).not.toContainText("<b>");
}

// --- the corpus ---------------------------------------------------------------------------------
const big = (n, make) => Array.from({ length: n }, (_, i) => make(i));
const cases = [];
const add = (where, url, name, respond, outcome) => cases.push({ where, url, name, respond, outcome });

// GET /v1/widget: every failing status, then every way its body can be wrong.
for (const [status, type, outcome] of [
  [400, "validation", MSG.any],
  // Renewed once, refused again: signed out; and refused as a guest too.
  [401, "token-expired", MSG.session],
  [403, "forbidden-thing", MSG.session],
  [404, "not-found", MSG.any],
  [405, "method", MSG.generic],
  [408, "timeout", MSG.timeout],
  [409, "conflict", MSG.generic],
  [410, "gone", MSG.generic],
  [413, "payload-too-large", MSG.any],
  [422, "validation", MSG.any],
  [429, "rate-limited", MSG.rateLimited],
  [500, "internal", MSG.server],
  [501, "nope", MSG.server],
  [502, "bad-gateway", MSG.server],
  [503, "internal", MSG.server],
  [504, "gateway-timeout", MSG.timeout],
]) {
  add("widget", WIDGET, `${status} ${type}`, problem(status, type), outcome);
}
add("widget", WIDGET, "418 without a body", { status: 418 }, MSG.generic);
add("widget", WIDGET, "500 as an HTML error page", raw("<html><body><script>window.__pwned=1</script>Oops</body></html>", "text/html", 500), MSG.server);
add("widget", WIDGET, "an unknown problem type, detail to the console only", problem(400, "evil", { type: "https://evil.test/x" }), MSG.generic);
add("widget", WIDGET, "a problem+json body with a 200 status", raw(JSON.stringify({ type: "x", title: "y" }), "application/problem+json"), MSG.unreadable);
add("widget", WIDGET, "invalid JSON", json('{"program": {"name": "Laurel"'), MSG.unreadable);
add("widget", WIDGET, "HTML as text/html", raw("<!doctype html><p>Login</p>", "text/html"), MSG.unreadable);
add("widget", WIDGET, "valid JSON as text/plain", async (route) => raw(await (await route.fetch()).text(), "text/plain"), MSG.unreadable);
add("widget", WIDGET, "an empty body", raw("", "application/json"), MSG.unreadable);
add("widget", WIDGET, "null", json("null"), MSG.unreadable);
add("widget", WIDGET, "an array", json("[]"), MSG.unreadable);
add("widget", WIDGET, "a missing required field (program)", edited((d) => void delete d.program), MSG.unreadable);
add("widget", WIDGET, "a wrong type (balance as a string)", edited((d) => void (d.member.balance = "lots")), MSG.unreadable);
add("widget", WIDGET, "a negative balance", edited((d) => void (d.member.balance = -5)), MSG.unreadable);
add("widget", WIDGET, "an absurdly large balance", edited((d) => void (d.member.balance = 1e300)), MSG.unreadable);
add("widget", WIDGET, "a fractional balance", edited((d) => void (d.member.balance = 10.5)), MSG.unreadable);
add("widget", WIDGET, "10,000 rewards", edited((d) => void (d.rewards = big(10_000, (i) => ({ ...d.rewards[0], id: `rw_${i}` })))), MSG.unreadable);
add("widget", WIDGET, "a 1 MB program name", edited((d) => void (d.program.name = "x".repeat(1 << 20))), MSG.unreadable);
add("widget", WIDGET, "nesting 100 deep", edited((d) => void (d.extra = JSON.parse("[".repeat(100) + "]".repeat(100)))), MSG.unreadable);
add("widget", WIDGET, "unknown fields everywhere", edited((d) => void ((d.x = { y: [1] }), (d.member.z = true), d.rewards.forEach((r) => (r.w = "?")))), "usable");
add("widget", WIDGET, "unknown enum values", edited((d) => void (d.rewards.forEach((r, i) => i % 2 && (r.kind = "teleport")), d.earn_rules.forEach((r) => (r.kind = "dance")))), "usable");
add("widget", WIDGET, "missing optional fields", edited((d) => void (delete d.member.expiring_points, delete d.earn_rules, d.rewards.forEach((r) => delete r.image_url))), "usable");
add("widget", WIDGET, "empty lists", edited((d) => void ((d.rewards = []), (d.earn_rules = []))), "usable");
for (const payload of PAYLOADS) {
  add("widget", WIDGET, `${payload.slice(0, 12)} in every text and URL field`, edited((d) => poison(d, payload)), "usable");
}
add("widget", WIDGET, "a redirect to javascript:", { status: 302, headers: { location: "javascript:window.__pwned=1" } }, MSG.network);
add("widget", WIDGET, "a dropped connection", drop(), MSG.network);
add("widget", WIDGET, "a refused connection", drop("connectionrefused"), MSG.network);
add("widget", WIDGET, "no answer within the timeout", slow(), MSG.timeout);

// GET /v1/activity (History).
add("activity", ACTIVITY, "500", problem(500), MSG.server);
add("activity", ACTIVITY, "404 not-found", problem(404, "not-found"), MSG.any);
add("activity", ACTIVITY, "invalid JSON", json('{"items": ['), MSG.unreadable);
add("activity", ACTIVITY, "HTML", raw("<p>hi</p>", "text/html"), MSG.unreadable);
add("activity", ACTIVITY, "10,000 entries", edited((d) => void (d.items = big(10_000, (i) => ({ ...d.items[0], id: String(i) })))), MSG.unreadable);
add("activity", ACTIVITY, "points as a string", edited((d) => void (d.items[0].points = "5")), MSG.unreadable);
add("activity", ACTIVITY, "no items field", json({ next_cursor: null }), MSG.unreadable);
add("activity", ACTIVITY, "a dropped connection", drop(), MSG.network);
for (const payload of PAYLOADS) {
  add("activity", ACTIVITY, `${payload.slice(0, 12)} in every field`, edited((d) => poison(d, payload)), "usable");
}

// GET /v1/redemptions (My rewards).
add("codes", REDEMPTIONS, "500", problem(500), MSG.server);
add("codes", REDEMPTIONS, "invalid JSON", json("{"), MSG.unreadable);
add("codes", REDEMPTIONS, "10,000 codes", json({ items: big(10_000, (i) => ({ id: `r${i}`, reward_id: "rw", reward_name: "n", code: "C", points_spent: 1, balance_after: 1, created_at: "2026-01-01T00:00:00Z" })) }), MSG.unreadable);
add("codes", REDEMPTIONS, "a negative points_spent", json({ items: [{ id: "r", reward_id: "rw", reward_name: "n", code: "C", points_spent: -1, balance_after: 1, created_at: "2026-01-01T00:00:00Z" }] }), MSG.unreadable);
add("codes", REDEMPTIONS, "a dropped connection", drop(), MSG.network);
for (const payload of PAYLOADS) {
  const item = { id: "r", reward_id: "rw", reward_name: payload, code: payload, points_spent: 1, balance_after: 1, created_at: "2026-01-01T00:00:00Z" };
  add("codes", REDEMPTIONS, `${payload.slice(0, 12)} in a code and its name`, json({ items: [item] }), "usable");
}

// POST /v1/redemptions (Confirm): every refusal the contract names, and broken answers.
for (const [status, type, pattern] of [
  [409, "insufficient-points", /enough points/],
  [409, "reward-unavailable", /isn't available/],
  [403, "tier-too-low", /higher tier/],
  [403, "not-enrolled", /Join the program/],
  [422, "idempotency-key-reused", /already used/],
  [409, "request-in-flight", /still working/],
  [429, "rate-limited", MSG.rateLimited],
  [500, "internal", MSG.server],
  [400, "validation", /didn't look right/],
]) {
  add("redeem", REDEMPTIONS, `${status} ${type}`, onlyPost(problem(status, type)), pattern);
}
add("redeem", REDEMPTIONS, "invalid JSON", onlyPost(json("{", 201)), MSG.unreadable);
add("redeem", REDEMPTIONS, "a negative balance_after", onlyPost(json({ id: "r", reward_id: "rw", reward_name: "n", code: "C", points_spent: 1, balance_after: -1, created_at: "2026-01-01T00:00:00Z" }, 201)), MSG.unreadable);
add("redeem", REDEMPTIONS, "a dropped connection", onlyPost(drop()), MSG.network);
add("redeem", REDEMPTIONS, "no answer within the timeout", onlyPost(slow()), MSG.timeout);
for (const payload of PAYLOADS) {
  const body = { id: "r", reward_id: "rw", reward_name: payload, code: payload, points_spent: 1, balance_after: 1, created_at: "2026-01-01T00:00:00Z" };
  add("redeem", REDEMPTIONS, `${payload.slice(0, 12)} as the code`, onlyPost(json(body, 201)), "usable");
}

// POST /v1/enrollments (Join).
add("join", ENROLL, "409 already-enrolled", problem(409, "already-enrolled"), /already a member/);
add("join", ENROLL, "400 validation", problem(400, "validation"), /didn't look right/);
add("join", ENROLL, "500", problem(500), MSG.server);
add("join", ENROLL, "invalid JSON", json("{", 201), MSG.unreadable);
add("join", ENROLL, "a dropped connection", drop(), MSG.network);
add("join", ENROLL, "a script as the member's name", json({ first_name: PAYLOADS[0], balance: 200, lifetime_points: 200, tier: { id: "bronze", name: PAYLOADS[1], threshold: 0 }, next_tier: null, referral_url: PAYLOADS[2], birthday_set: false }, 201), "usable");

// POST /v1/actions (Subscribe).
add("action", ACTIONS, "500", problem(500), MSG.server);
add("action", ACTIONS, "409 already done", problem(409, "conflict"), MSG.generic);
add("action", ACTIONS, "invalid JSON", json("{", 201), MSG.unreadable);
add("action", ACTIONS, "points as a string", json({ points_awarded: "50", balance: 1 }, 201), MSG.unreadable);
add("action", ACTIONS, "a dropped connection", drop(), MSG.network);

// GET /v1/points-preview (<laurel-points> on a product page).
add("preview", PREVIEW, "500", problem(500), "quiet");
add("preview", PREVIEW, "invalid JSON", json("{"), "quiet");
add("preview", PREVIEW, "negative points", json({ points: -5, multiplier: 1 }), "quiet");
add("preview", PREVIEW, "absurd points", json({ points: 1e308, multiplier: 1 }), "quiet");
add("preview", PREVIEW, "a script as the multiplier", json({ points: 5, multiplier: PAYLOADS[1] }), "quiet");
add("preview", PREVIEW, "a dropped connection", drop(), "quiet");

// The shop's token endpoint, asked when the page's token has expired.
add("token", TOKEN, "invalid JSON", json("{"), "guest");
add("token", TOKEN, "a number as the token", json({ token: 5 }), "guest");
add("token", TOKEN, "an HTML login page", raw("<form>Log in</form>", "text/html"), "guest");
add("token", TOKEN, "500", problem(500), "guest");
add("token", TOKEN, "a script as the token", json({ token: PAYLOADS[0] }), "guest");

test.describe.configure({ mode: "parallel" });

for (const c of cases) {
  test(`${c.where}: ${c.name}`, async ({ page }) => {
    const dialogs = await arm(page);
    await page.route(c.url, answer(c.respond));
    await reach[c.where](page);
    await expectOutcome(page, c.where, c.outcome);
    if (c.outcome === "usable") {
      // Every view renders the hostile data it holds.
      const w = inline(page);
      for (const name of ["Rewards", "Ways to earn", "My rewards", "History", "Home"]) {
        const button = tab(w, name);
        if (await button.count()) await button.click();
      }
    }
    // A modal dialog covers the page by design: the shopper closes it first.
    const dialog = inline(page).getByRole("dialog");
    if (await dialog.count()) {
      await page.keyboard.press("Escape");
      await expect(dialog).toHaveCount(0);
    }
    await assertUnharmed(page, dialogs);
  });
}

test("the corpus covers every endpoint with at least 60 responses", () => {
  expect(cases.length).toBeGreaterThanOrEqual(60);
  expect(new Set(cases.map((c) => c.where))).toEqual(new Set(Object.keys(reach)));
});
