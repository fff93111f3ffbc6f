// Shared helpers: read what the shop rendered into the script tag, and ask the real dev API
// what the widget should show, so expectations come from the API rather than from constants.
const { test: base, expect } = require("@playwright/test");
const { API } = require("../../playwright.config");
const AxeBuilder = require("@axe-core/playwright").default;

const number = (n) => new Intl.NumberFormat("en").format(n);
const date = (iso) =>
  new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(iso));
const points = (n) => `${number(n)} ${n === 1 ? "point" : "points"}`;

const test = base.extend({
  // Fails the test on any uncaught error in the host page and on any Content-Security-Policy
  // violation: every demo page is served with a strict policy.
  page: async ({ page }, use) => {
    const errors = [];
    const violations = [];
    page.on("pageerror", (e) => errors.push(e));
    await page.exposeFunction("__laurelCspViolation", (v) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__laurelCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      ),
    );
    page.cspViolations = violations;
    await use(page);
    // A route handler (see rewrite) may still be reading a response when the test returns:
    // let it finish before the page closes, or the disposed response fails a later test.
    await page.unrouteAll({ behavior: "wait" });
    expect(errors, "uncaught errors in the host page").toEqual([]);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
  cspViolations: async ({ page }, use) => {
    await use(page.cspViolations);
  },
  widgetApi: async ({ page, request }, use) => {
    await use({
      /** The /v1/widget response for the token the page was rendered with. */
      async expected() {
        const token = await shopperToken(page, request);
        const headers = token ? { Authorization: `Bearer ${token}` } : {};
        const res = await request.get(`${API}/v1/widget`, { headers });
        expect(res.ok()).toBeTruthy();
        return res.json();
      },
    });
  },
});

/**
 * A token for the shopper the page shows (its `?as=` persona, or the persona cookie), from the
 * demo shop's backend: the widget takes the page's own out of the DOM.
 */
async function shopperToken(page, request) {
  let persona = new URL(page.url()).searchParams.get("as");
  if (!persona) {
    const cookie = (await page.context().cookies()).find((c) => c.name === "laurel_demo_as");
    persona = cookie ? cookie.value : "member";
  }
  const { token } = await (await request.get(`/demo-token?as=${persona}`)).json();
  return token;
}

/**
 * Serves the responses whose URL matches `pattern` with their text changed by `change(text)`,
 * leaving out the headers named in `drop`.
 */
async function rewrite(page, pattern, change, { drop = [] } = {}) {
  await page.route(pattern, async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    for (const name of drop) delete headers[name];
    await route.fulfill({ response: res, headers, body: change(await res.text()) });
  });
}

/** A `change` for rewrite(): `attrs` added to every Laurel script tag of a demo page. */
const withAttrs = (attrs) => (html) => html.replaceAll("data-api=", `${attrs} data-api=`);

/** Records the token each page was rendered with, read from the HTML the server sent. */
function renderedTokens(page) {
  const seen = [];
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "document") return;
    const match = (await res.text().catch(() => "")).match(/data-token="([^"]+)"/);
    if (match) seen.push(match[1]);
  });
  return seen;
}

/** The rewards a member can redeem now. */
function affordable({ member, rewards, tiers }) {
  const reached = (r) => !r.min_tier || member.lifetime_points >= tiers.find((t) => t.id === r.min_tier).threshold;
  const now = Date.now();
  const open = (r) => !(r.starts_at && Date.parse(r.starts_at) > now) && !(r.ends_at && Date.parse(r.ends_at) <= now);
  return rewards.filter((r) => r.available && open(r) && r.remaining !== 0 && reached(r) && r.cost <= member.balance);
}

/** The most expensive reward a member can redeem now, as the widget's home view names it. */
const bestAffordable = (data) => affordable(data).sort((a, b) => b.cost - a.cost)[0];

/** axe (WCAG 2.x A and AA, 2.1 and 2.2 AA rules) finds nothing inside `include`. */
async function noViolations(page, include) {
  // Cards off screen are skipped by content-visibility until they scroll near, and axe then
  // measures their text against the page instead of the card: render them all first.
  await page.evaluate(() => {
    for (const host of document.querySelectorAll("laurel-widget")) {
      for (const card of host.shadowRoot?.querySelectorAll(".reward, .history-item") ?? []) card.style.contentVisibility = "visible";
    }
  });
  const results = await new AxeBuilder({ page }).include(include).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Saves a birthday in the widget `w`'s Ways to earn, as a shopper does. */
async function saveBirthday(w, month, day) {
  await w.getByRole("combobox", { name: "Birthday month" }).selectOption(month);
  await w.getByRole("combobox", { name: "Birthday day" }).selectOption(day);
  await w.getByRole("button", { name: "Save birthday" }).click();
}

module.exports = { test, expect, API, number, points, date, affordable, bestAffordable, shopperToken, renderedTokens, rewrite, withAttrs, noViolations, saveBirthday };
