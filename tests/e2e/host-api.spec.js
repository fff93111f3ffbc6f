// The host page talks to the widget: the window.Laurel queue and API, the laurel:* events and
// their details, cancelling a redemption, handing the code to the cart, a single-page app that
// switches shoppers, and destroy. Redeeming tests use Noor (vip), who has points to spare.
const { test, expect, API, points, shopperToken, rewrite, withAttrs } = require("./fixtures");

const inline = (page) => page.locator("#loyalty laurel-widget");
const launcher = (page) => page.locator("laurel-widget[placement=launcher]");
const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });

/** Records every laurel:* event that reaches document: its type, detail and the host it came from. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    const names = [
      "ready",
      "error",
      "open",
      "close",
      "enrolled",
      "points-changed",
      "tier-changed",
      "before-redeem",
      "reward-redeemed",
    ];
    for (const name of names) {
      document.addEventListener(`laurel:${name}`, (e) => {
        const from = e.target === document ? "document" : e.target.getAttribute("placement") || e.target.tagName.toLowerCase();
        window.__events.push({ type: e.type, detail: e.detail, from, bubbles: e.bubbles, composed: e.composed });
      });
    }
  });
  return {
    all: () => page.evaluate(() => window.__events),
    of: async (type) => (await page.evaluate(() => window.__events)).filter((e) => e.type === type),
  };
}

/** The API's view of the shopper whose token the page carries. */
async function apiWidget(page, request) {
  const token = await shopperToken(page, request);
  const res = await request.get(`${API}/v1/widget`, { headers: { Authorization: `Bearer ${token}` } });
  return res.json();
}

/** The plain page with extra attributes on both its script tags. */
async function plainWith(page, attrs) {
  await rewrite(page, /\/plain\.html/, withAttrs(attrs));
}

/** Redeems the cheapest reward in the inline widget; the API's answer. */
/** Redeems the cheapest reward that gives a code (a donation gives none). */
async function redeemCheapest(page, data) {
  const codes = data.rewards.filter((r) => r.available && !r.min_tier && r.kind !== "donation" && r.remaining !== 0);
  const reward = codes.sort((a, b) => a.cost - b.cost)[0];
  const w = inline(page);
  await tab(w, "Rewards").click();
  await w.getByRole("button", { name: `Redeem ${reward.name}` }).click();
  const answer = page.waitForResponse((r) => r.url() === `${API}/v1/redemptions` && r.request().method() === "POST");
  await w.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  const body = await (await answer).json();
  await expect(w.getByRole("dialog", { name: "Here's your reward" })).toBeVisible();
  return { reward, redemption: body };
}

test("commands queued before laurel.js loads run in order once it has", async ({ page, request }) => {
  await page.addInitScript(() => {
    window.__order = [];
    window.Laurel = window.Laurel || [];
    window.Laurel.push(["on", "ready", (e) => window.__order.push(`ready:${e.detail.member.balance}`)]);
    window.Laurel.push(["on", "open", (e) => window.__order.push(`open:${e.detail.view}`)]);
    window.Laurel.push(["open", "earn"]);
  });
  await page.goto("/plain.html?as=member");
  const panel = launcher(page).getByRole("dialog");
  await expect(panel).toBeVisible();
  await expect(tab(panel, "Ways to earn")).toHaveAttribute("aria-current", "page");
  await expect(tab(inline(page), "Ways to earn")).toHaveAttribute("aria-current", "page");
  const { member } = await apiWidget(page, request);
  // Handlers queued before load hear both the queued open and the first answer's ready, once
  // each; which comes first depends on when the answer arrives (the commands run in tasks of
  // their own after the widget's start).
  await expect.poll(() => page.evaluate(() => [...window.__order].sort())).toEqual(["open:earn", `ready:${member.balance}`]);
  // The queue became the API.
  expect(await page.evaluate(() => ["open", "close", "identify", "logout", "refresh", "destroy", "on"].every((m) => typeof window.Laurel[m] === "function"))).toBe(true);
});

test("open, close, refresh and on() with its unsubscribe", async ({ page }) => {
  const events = await recordEvents(page);
  await page.goto("/plain.html?as=member");
  await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  await page.evaluate(() => {
    window.__opened = 0;
    window.__off = window.Laurel.on("open", () => window.__opened++);
    window.Laurel.open("history");
  });
  const panel = launcher(page).getByRole("dialog");
  await expect(tab(panel, "History")).toHaveAttribute("aria-current", "page");
  await page.evaluate(() => window.Laurel.close());
  await expect(panel).toHaveCount(0);
  await page.evaluate(() => {
    window.__off();
    window.Laurel.open();
  });
  await expect(panel).toBeVisible();
  expect(await page.evaluate(() => window.__opened)).toBe(1);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  expect((await events.of("laurel:open")).map((e) => e.detail)).toEqual([{ view: "history" }, { view: "history" }]);
  expect(await events.of("laurel:close")).toHaveLength(2);
  // refresh() asks the API again without a skeleton in between. (open() moved the inline
  // widget to History too; back Home first.)
  await page.evaluate(() => window.Laurel.open("home"));
  await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  await page.keyboard.press("Escape");
  const again = page.waitForRequest(`${API}/v1/widget`);
  await page.evaluate(() => window.Laurel.refresh());
  await again;
  await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  await expect(inline(page).locator("[part~=skeleton]")).toHaveCount(0);
});

test("ready, before-redeem, reward-redeemed and points-changed carry their documented details", async ({ page, request }) => {
  const events = await recordEvents(page);
  await page.goto("/plain.html?as=vip");
  const before = await apiWidget(page, request);
  await expect(inline(page).getByRole("heading", { name: "Hi Noor" })).toBeVisible();
  const [ready] = await events.of("laurel:ready");
  expect(ready).toEqual({
    type: "laurel:ready",
    from: "document",
    bubbles: true,
    composed: true,
    detail: { signedIn: true, member: { balance: before.member.balance, tier: { id: before.member.tier.id, name: before.member.tier.name } } },
  });

  const { reward, redemption } = await redeemCheapest(page, before);
  const [ask] = await events.of("laurel:before-redeem");
  expect(ask.from).toBe("inline");
  const variantId = reward.variant_id ?? null;
  expect(ask.detail).toEqual({ rewardId: reward.id, rewardName: reward.name, rewardKind: reward.kind, variantId, cost: reward.cost });
  const [done] = await events.of("laurel:reward-redeemed");
  expect(done.from).toBe("inline");
  expect(done.detail).toEqual({
    rewardId: reward.id,
    rewardName: reward.name,
    rewardKind: reward.kind,
    variantId,
    fulfilment: "code",
    code: redemption.code,
    reference: null,
    pointsSpent: redemption.points_spent,
    balanceAfter: redemption.balance_after,
    expiresAt: redemption.expires_at,
  });
  await expect(inline(page).getByText(redemption.code)).toBeVisible();
  const [changed] = await events.of("laurel:points-changed");
  expect(changed.detail).toEqual({ oldBalance: before.member.balance, newBalance: redemption.balance_after });
  const order = (await events.all()).map((e) => e.type);
  // The widget then reads its data again (a redemption may finish a challenge): any later
  // points-changed comes from that.
  expect(order.slice(1, 4)).toEqual(["laurel:before-redeem", "laurel:reward-redeemed", "laurel:points-changed"]);
});

test("calling preventDefault() on laurel:before-redeem stops the redemption before any request", async ({ page, request }) => {
  await page.goto("/plain.html?as=vip");
  const before = await apiWidget(page, request);
  const posts = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await page.evaluate(() => window.Laurel.on("before-redeem", (e) => e.preventDefault()));
  const reward = before.rewards.filter((r) => r.available && !r.min_tier).sort((a, b) => a.cost - b.cost)[0];
  const w = inline(page);
  await tab(w, "Rewards").click();
  const trigger = w.getByRole("button", { name: `Redeem ${reward.name}` });
  await trigger.click();
  await w.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(w.getByRole("dialog")).toHaveCount(0);
  await expect(trigger).toBeFocused();
  // No request at all (Noor's balance is no witness: other tests redeem as her in parallel).
  expect(posts).toEqual([]);
});

test("joining fires laurel:enrolled, and a bonus that reaches the next tier fires tier-changed", async ({ page, request }) => {
  const events = await recordEvents(page);
  await page.goto("/plain.html?as=visitor");
  const w = inline(page);
  await w.getByRole("checkbox", { name: "I accept the program terms" }).check();
  await w.getByRole("button", { name: /^Join and get/ }).click();
  await expect(w.getByRole("heading", { name: "Hi Ana" })).toBeFocused();
  const joined = await apiWidget(page, request);
  const [enrolled] = await events.of("laurel:enrolled");
  expect(enrolled.from).toBe("inline");
  expect(enrolled.detail).toEqual({ member: { balance: joined.member.balance, tier: { id: joined.member.tier.id, name: joined.member.tier.name } } });
  expect(await events.of("laurel:points-changed")).toEqual([]);

  await page.goto("/plain.html?as=almost");
  const omar = await apiWidget(page, request);
  await tab(inline(page), "Ways to earn").click();
  const form = inline(page).locator("form.birthday");
  await form.getByLabel("Birthday month").selectOption("05");
  await form.getByLabel("Birthday day").selectOption("17");
  await form.getByRole("button", { name: "Save birthday" }).click();
  await expect(inline(page).getByText(/You earned/)).toBeVisible();
  const after = await apiWidget(page, request);
  expect(after.member.tier.id).not.toBe(omar.member.tier.id);
  const [points] = await events.of("laurel:points-changed");
  expect(points.detail).toEqual({ oldBalance: omar.member.balance, newBalance: after.member.balance });
  const [tier] = await events.of("laurel:tier-changed");
  expect(tier.detail).toEqual({
    oldTier: { id: omar.member.tier.id, name: omar.member.tier.name },
    newTier: { id: after.member.tier.id, name: after.member.tier.name },
  });
});

for (const [mode, expected] of [
  ["url", (code) => `/cart.html?discount=${code}`],
  ["shopify", (code) => `/discount/${code}?redirect=%2Fplain.html%3Fas%3Dvip`],
  ["woocommerce", (code) => `/plain.html?as=vip&coupon_code=${code}`],
  ["event", null],
]) {
  test(`data-cart="${mode}" hands the code to the cart`, async ({ page, request }) => {
    const events = await recordEvents(page);
    await plainWith(page, mode === "url" ? 'data-cart="url" data-cart-url="/cart.html?discount={code}"' : `data-cart="${mode}"`);
    await page.goto("/plain.html?as=vip");
    const data = await apiWidget(page, request);
    const { redemption } = await redeemCheapest(page, data);
    const link = inline(page).getByRole("dialog").getByRole("link", { name: "Apply to cart" });
    if (expected) {
      await expect(link).toHaveAttribute("href", expected(redemption.code));
    } else {
      await expect(link).toHaveCount(0);
    }
    const [done] = await events.of("laurel:reward-redeemed");
    expect(done.detail.code).toBe(redemption.code);
  });
}

/** Every text and attribute value in the page, shadow roots included. */
function everything(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll("*")) {
        for (const a of el.attributes) out.push(a.value);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
      out.push(root.textContent || "");
    };
    walk(document);
    for (const el of document.querySelectorAll("laurel-widget, laurel-points")) out.push(el.shadowRoot ? el.shadowRoot.textContent : "");
    return out.join("\n");
  });
}

test("a single-page app signs in and out without a reload, and no trace of the shopper stays", async ({ page, request }) => {
  await page.goto("/spa.html");
  await page.evaluate(() => (window.__sameDocument = true));
  const w = page.locator("#app laurel-widget");
  await expect(w.getByRole("heading", { name: /^Join / })).toBeVisible();

  await page.getByRole("button", { name: "Sign in as Maya" }).click();
  await expect(w.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  const token = await (await request.get("/demo-token?as=member")).json();
  const maya = await (await request.get(`${API}/v1/widget`, { headers: { Authorization: `Bearer ${token.token}` } })).json();
  await expect(w.getByText(points(maya.member.balance), { exact: true })).toBeVisible();
  // Leave a dialog open and a code list loaded, then sign out.
  await tab(w, "My rewards").click();
  await tab(w, "Rewards").click();
  const affordable = maya.rewards.find((r) => r.available && !r.min_tier && r.cost <= maya.member.balance);
  await w.getByRole("button", { name: `Redeem ${affordable.name}` }).click();
  await expect(w.getByRole("dialog")).toBeVisible();
  // The dialog is modal, so the app signs out from its own code, as a session expiry would.
  await page.evaluate(() => document.getElementById("sign-out").click());

  await expect(w.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(w.getByRole("dialog")).toHaveCount(0);
  const text = await everything(page);
  for (const trace of ["Maya", maya.member.referral_url, points(maya.member.balance)]) {
    expect(text).not.toContain(trace);
  }
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await expect(page.getByRole("list", { name: "Laurel events" })).toContainText('laurel:ready {"signedIn":false');

  // Pages change without a reload: the product page's preview appears, the account widget goes.
  await page.getByRole("link", { name: "Trail Runner 2" }).click();
  await expect(page.locator("#app laurel-points").getByText(/^Earn \d+ points$/)).toBeVisible();
  await expect(page.locator("#app laurel-widget")).toHaveCount(0);
  await page.goBack();
  await expect(w.getByRole("heading", { name: /^Join / })).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test("destroy() removes every node and listener, and a new init starts again", async ({ page, request }) => {
  await page.goto("/plain.html?as=member");
  await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  await page.evaluate(() => {
    window.__heard = 0;
    window.Laurel.on("open", () => window.__heard++);
    window.Laurel.destroy();
  });
  await expect(page.locator("laurel-widget")).toHaveCount(0);
  expect(await page.locator("#loyalty").evaluate((el) => el.childNodes.length)).toBe(0);
  // No listener of ours is left: a laurel:open from anywhere reaches nobody; the API stays quiet.
  const requests = [];
  page.on("request", (r) => r.url().startsWith(API) && requests.push(r.url()));
  await page.evaluate(() => document.dispatchEvent(new CustomEvent("laurel:open")));
  expect(await page.evaluate(() => window.__heard)).toBe(0);
  await page.mouse.click(5, 5);
  await page.waitForTimeout(500);
  expect(requests).toEqual([]);

  const api = await page.evaluate(() => document.querySelector("script[data-api]").dataset.api);
  const token = await shopperToken(page, request);
  // Labels may be given as an object: init writes them to data-labels as JSON.
  const labels = { en: { filter_all: "Everything" } };
  await page.evaluate(([api, token, labels]) => window.Laurel.init({ api, token, labels, mount: "#loyalty", view: "rewards" }), [api, token, labels]);
  await expect(tab(inline(page), "Rewards")).toHaveAttribute("aria-current", "page");
  await expect(inline(page).locator("[part~=filter]").first()).toHaveText("Everything");
  await expect(page.locator("laurel-widget")).toHaveCount(1);
  // A new tag adds its launcher again.
  await page.evaluate(([api, token]) => {
    const s = document.createElement("script");
    s.src = "/laurel.js";
    s.dataset.api = api;
    s.dataset.token = token;
    document.body.appendChild(s);
  }, [api, token]);
  await expect(launcher(page).getByRole("button", { name: /^Rewards/ })).toBeVisible();
});
