// Events a shop can measure: laurel:reward-viewed (once per reward and widget), reward-clicked
// and earn-clicked, with the API's variant id where it gives one. Laurel itself sends nothing.
const { test, expect } = require("./fixtures");

const inline = (page) => page.locator("#loyalty");
const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });
const NAMES = ["laurel:reward-viewed", "laurel:reward-clicked", "laurel:earn-clicked"];

/** Collects every analytics event the page hears, with the tag name of its target. */
async function listen(page) {
  await page.addInitScript((names) => {
    window.__events = [];
    for (const name of names) {
      document.addEventListener(name, (e) => window.__events.push({ name, target: e.target.localName, detail: e.detail }));
    }
  }, NAMES);
  return {
    all: () => page.evaluate(() => window.__events),
    named: async (name) => (await page.evaluate(() => window.__events)).filter((e) => e.name === name),
  };
}

test("every reward shown is reported once per widget, with its A/B variant", async ({ page, widgetApi }) => {
  const events = await listen(page);
  const requests = [];
  // A blob: URL (the loader's Intl worker) is the page's own memory, not a request that leaves.
  page.on("request", (r) => r.url().startsWith("blob:") || requests.push(new URL(r.url()).host));
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  const w = inline(page);
  await tab(w, "Rewards").click();
  await expect(w.getByRole("listitem").filter({ hasText: data.rewards[0].name })).toBeVisible();
  const viewed = await events.named("laurel:reward-viewed");
  expect(viewed.map((e) => e.detail.rewardId).sort()).toEqual(data.rewards.map((r) => r.id).sort());
  expect(viewed.every((e) => e.target === "laurel-widget")).toBe(true);
  const ship = viewed.find((e) => e.detail.rewardId === "rw_ship");
  expect(ship.detail).toMatchObject({ rewardName: "Free standard shipping", rewardKind: "free_shipping", variantId: "ship-b" });
  expect(viewed.filter((e) => e.detail.rewardId !== "rw_ship").every((e) => e.detail.variantId === null)).toBe(true);

  // Sorting, filtering and coming back render the cards again: nothing is reported twice.
  await w.getByRole("combobox", { name: "Sort" }).selectOption("desc");
  await w.getByRole("group").getByRole("button").nth(1).click();
  await tab(w, "Home").click();
  await tab(w, "Rewards").click();
  await expect(w.getByRole("listitem").filter({ hasText: data.rewards[0].name })).toBeVisible();
  expect(await events.named("laurel:reward-viewed")).toHaveLength(data.rewards.length);
  // The page heard it; no request left for anywhere but the shop and the API.
  expect(new Set(requests).size).toBeLessThanOrEqual(2);
});

test("Redeem is reported before the confirm step, with the variant", async ({ page }) => {
  const events = await listen(page);
  await page.goto("/?as=member");
  const w = inline(page);
  await tab(w, "Rewards").click();
  await w.getByRole("button", { name: "Redeem Free standard shipping" }).click();
  await expect(w.getByRole("dialog", { name: /^Redeem / })).toBeVisible();
  const clicked = await events.named("laurel:reward-clicked");
  expect(clicked.map((e) => e.detail)).toEqual([
    expect.objectContaining({ rewardId: "rw_ship", rewardKind: "free_shipping", variantId: "ship-b" }),
  ]);
  await w.getByRole("dialog", { name: /^Redeem / }).getByRole("button", { name: "Cancel" }).click();
  expect(await events.named("laurel:reward-clicked")).toHaveLength(1);
});

test("a way to earn's control is reported; its text is not", async ({ page, context, widgetApi }) => {
  const events = await listen(page);
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  const review = data.earn_rules.find((r) => r.kind === "review");
  const w = inline(page);
  await tab(w, "Ways to earn").click();
  const card = w.getByRole("listitem").filter({ hasText: review.name });
  await card.getByRole("heading", { name: review.name }).click();
  expect(await events.named("laurel:earn-clicked")).toEqual([]);
  const opened = context.waitForEvent("page");
  await card.getByRole("link").click();
  await (await opened).close();
  const clicked = await events.named("laurel:earn-clicked");
  expect(clicked.map((e) => e.detail)).toEqual([{ ruleId: review.id, ruleName: review.name, ruleKind: "review" }]);
});
