// Redeeming, codes, history, the launcher and the product-page points preview.
const { test, expect, API, points, shopperToken } = require("./fixtures");

const inline = (page) => page.locator("#loyalty");
const launcherHost = (page) => page.locator("laurel-widget[placement=launcher]");
/** The launcher's own button: the only "Rewards" button that says whether it is expanded. */
const launcherButton = (page, expanded) => launcherHost(page).getByRole("button", { name: /^Rewards/, expanded });
const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });

/** Records every POST /v1/redemptions the page sends. */
function recordRedemptions(page) {
  const sent = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url() === `${API}/v1/redemptions`) sent.push(r.headers()["idempotency-key"]);
  });
  return sent;
}

test("redeeming confirms first, spends once on a double click, shows the code and updates the balance everywhere", async ({ page, widgetApi }) => {
  await page.goto("/?as=top");
  const before = await widgetApi.expected();
  const reward = before.rewards.find((r) => r.id === "rw_5off");
  const sent = recordRedemptions(page);
  const w = inline(page);
  await tab(w, "Rewards").click();
  const trigger = w.getByRole("button", { name: `Redeem ${reward.name}` });
  await trigger.click();

  const dialog = w.getByRole("dialog", { name: `Redeem ${reward.name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(points(reward.cost));
  await expect(dialog).toContainText(points(before.member.balance - reward.cost));
  await dialog.getByRole("button", { name: "Confirm" }).dblclick();

  const done = w.getByRole("dialog", { name: "Here's your reward" });
  await expect(done).toBeVisible();
  const code = (await done.locator(".code").textContent()).trim();
  expect(code).toMatch(/^LR-/);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toBeTruthy();
  await expect(done.getByRole("link", { name: "Apply to cart" })).toHaveAttribute("href", `/cart.html?discount=${code}`);

  const after = await widgetApi.expected();
  expect(after.member.balance).toBe(before.member.balance - reward.cost);
  await done.getByRole("button", { name: "Close" }).click();
  await expect(trigger).toBeFocused();

  // The launcher on the same page shares the balance.
  await launcherButton(page, false).click();
  await expect(launcherHost(page).getByText(points(after.member.balance), { exact: true })).toBeVisible();

  await tab(w, "My rewards").click();
  await expect(w.getByRole("listitem").filter({ hasText: code })).toContainText(reward.name);
  await tab(w, "History").click();
  await expect(w.getByRole("listitem").first()).toContainText(`Redeemed: ${reward.name}`);
});

test("each failure has its own message, and every retry reuses the intent's key", async ({ page }) => {
  // Eve, not Arjun: the test above checks Arjun's balance exactly and may run at the same time.
  await page.goto("/?as=expiring");
  const sent = recordRedemptions(page);
  // A refused connection is tried three times in all (the key makes repeating safe) before the
  // shopper is told.
  const refused = { abort: true, text: "couldn't reach the rewards service" };
  const answers = [
    { status: 409, type: "insufficient-points", text: "don't have enough points" },
    { status: 409, type: "reward-unavailable", text: "isn't available any more" },
    refused,
  ];
  const replies = [answers[0], answers[1], refused, refused, refused];
  let answer = 0;
  await page.route(`${API}/v1/redemptions`, (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const a = replies[answer++];
    if (!a) return route.continue();
    if (a.abort) return route.abort("connectionrefused");
    return route.fulfill({
      status: a.status,
      contentType: "application/problem+json",
      body: JSON.stringify({ type: `https://laurel.dev/problems/${a.type}`, title: a.type, status: a.status }),
    });
  });
  const w = inline(page);
  await tab(w, "Rewards").click();
  await w.getByRole("button", { name: "Redeem Plant 5 trees" }).click();
  const dialog = w.getByRole("dialog");
  for (const a of answers) {
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog.getByRole("alert")).toContainText(a.text);
  }
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(w.getByRole("dialog", { name: "Thank you for giving" })).toBeVisible();
  expect(sent).toHaveLength(6);
  expect(new Set(sent).size).toBe(1);
});

test("the dialog closes with Escape and keeps focus inside while open", async ({ page }) => {
  await page.goto("/?as=member");
  const w = inline(page);
  await tab(w, "Rewards").click();
  const trigger = w.getByRole("button", { name: /^Redeem / }).first();
  await trigger.click();
  const dialog = w.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Confirm" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Confirm" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
});

test("history pages with Load more, newest first, with dates", async ({ page, widgetApi, request }) => {
  await page.goto("/?as=member");
  const token = await shopperToken(page, request);
  const first = await (await request.get(`${API}/v1/activity?limit=10`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const w = inline(page);
  await tab(w, "History").click();
  const items = w.getByRole("list").last().getByRole("listitem");
  await expect(items).toHaveCount(first.items.length);
  await expect(items.first()).toContainText(first.items[0].description);
  await w.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => items.count()).toBeGreaterThan(first.items.length);
  await expect(items.first().locator("time")).toHaveAttribute("datetime", first.items[0].created_at);
});

test("the launcher opens a panel, closes with Escape or a click outside, and returns focus", async ({ page }) => {
  await page.goto("/product.html?as=member");
  const host = launcherHost(page);
  await expect(host.getByRole("img", { name: "A reward is ready to redeem" })).toBeVisible();
  await launcherButton(page, false).click();
  const panel = host.getByRole("dialog", { name: "Rewards" });
  await expect(panel.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  await expect(launcherButton(page, true)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(launcherButton(page, false)).toBeFocused();
  await launcherButton(page, false).click();
  await expect(panel).toBeVisible();
  await page.getByRole("heading", { name: "Trail Runner 2" }).click();
  await expect(panel).toHaveCount(0);
});

test("a guest's launcher teases the signup bonus", async ({ page, widgetApi }) => {
  await page.goto("/product.html?as=guest");
  const { program } = await widgetApi.expected();
  await expect(launcherHost(page).getByRole("button", { name: new RegExp(`Join and get ${points(program.signup_bonus)}`) })).toBeVisible();
});

test("product pages show the points a purchase earns, with the member's multiplier", async ({ page, request }) => {
  for (const persona of ["guest", "top"]) {
    await page.goto(`/product.html?as=${persona}`);
    const token = await shopperToken(page, request);
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    const preview = await (await request.get(`${API}/v1/points-preview?amount=129.90&currency=EUR`, { headers })).json();
    await expect(page.locator("main laurel-points [part~=points-badge]")).toHaveText(`Earn ${points(preview.points)}`);
  }
});

test("Apply to cart carries the code to the cart", async ({ page }) => {
  await page.goto("/product.html?as=expiring");
  const host = launcherHost(page);
  await launcherButton(page, false).click();
  await tab(host, "Rewards").click();
  await host.getByRole("button", { name: "Redeem Free standard shipping" }).click();
  await host.getByRole("dialog", { name: /^Redeem / }).getByRole("button", { name: "Confirm" }).click();
  const done = host.getByRole("dialog", { name: "Here's your reward" });
  const code = (await done.locator(".code").textContent()).trim();
  await done.getByRole("link", { name: "Apply to cart" }).click();
  await expect(page).toHaveURL(/\/cart\.html\?discount=/);
  await expect(page.getByRole("textbox", { name: "Discount code" })).toHaveValue(code);
});
