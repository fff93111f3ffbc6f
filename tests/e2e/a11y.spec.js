// axe (WCAG 2.x A and AA rules) on every view and overlay a shopper can open.
const { test, expect } = require("./fixtures");
const AxeBuilder = require("@axe-core/playwright").default;

const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });

async function noViolations(page, include) {
  const results = await new AxeBuilder({ page }).include(include).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

for (const [persona, views] of [
  ["member", ["Rewards", "Ways to earn", "My rewards", "History"]],
  ["guest", ["Rewards", "Ways to earn"]],
  ["nonmember", []],
  ["expiring", []],
]) {
  test(`${persona}: every view passes axe`, async ({ page }) => {
    await page.goto(`/?as=${persona}`);
    const w = page.locator("#loyalty");
    await expect(w.locator("section[aria-busy=false]")).toBeVisible();
    await noViolations(page, "#loyalty");
    for (const view of views) {
      await tab(w, view).click();
      await expect(tab(w, view)).toHaveAttribute("aria-current", "page");
      await page.waitForTimeout(200);
      await noViolations(page, "#loyalty");
    }
  });
}

test("the redeem dialog and the launcher panel pass axe", async ({ page }) => {
  await page.goto("/product.html?as=member");
  const host = page.locator("laurel-widget[placement=launcher]");
  await host.getByRole("button", { name: /^Rewards/, expanded: false }).click();
  await expect(host.getByRole("dialog", { name: "Rewards" })).toBeVisible();
  await noViolations(page, "laurel-widget[placement=launcher]");
  await tab(host, "Rewards").click();
  await host.getByRole("button", { name: /^Redeem / }).first().click();
  await expect(host.getByRole("dialog", { name: /^Redeem / })).toBeVisible();
  await noViolations(page, "laurel-widget[placement=launcher]");
});

test("the code after redeeming and the error state pass axe", async ({ page }) => {
  await page.goto("/product.html?as=vip");
  const host = page.locator("laurel-widget[placement=launcher]");
  await host.getByRole("button", { name: /^Rewards/, expanded: false }).click();
  await tab(host, "Rewards").click();
  await host.getByRole("button", { name: /^Redeem /, disabled: false }).first().click();
  await host.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(host.getByRole("dialog", { name: "Here's your reward" })).toBeVisible();
  await noViolations(page, "laurel-widget[placement=launcher]");

  await page.route(/\/v1\/widget$/, (route) => route.fulfill({ status: 500, contentType: "application/problem+json", body: '{"type":"https://laurel.dev/problems/internal","title":"Down","status":500}' }));
  await page.goto("/?as=member");
  await expect(page.locator("#loyalty").getByRole("alert")).toBeVisible({ timeout: 15_000 });
  await noViolations(page, "#loyalty");
});
