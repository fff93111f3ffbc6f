// The whole journey with the keyboard alone: open the launcher, move to Rewards, redeem, copy the
// code and close, checking where focus is after every step (WAI-ARIA APG dialog pattern).
const { test, expect } = require("./fixtures");

const host = (page) => page.locator("laurel-widget[placement=launcher]");

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page, target, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el.getRootNode().activeElement === el).catch(() => false)) return i;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${target} never took focus in ${max} presses`);
}

test("open the launcher, redeem, copy the code and close, with key presses only", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/product.html?as=vip");
  const w = host(page);
  const launcher = w.getByRole("button", { name: /^Rewards/, expanded: false });
  await expect(launcher).toBeVisible();

  // 1. The launcher's button, reached from the page, opens its panel; focus moves into it.
  await tabTo(page, launcher);
  await page.keyboard.press("Enter");
  const panel = w.getByRole("dialog", { name: "Rewards" });
  await expect(panel).toBeVisible();
  expect(await panel.evaluate((el) => el.contains(el.getRootNode().activeElement))).toBe(true);

  // 2. The Rewards tab.
  const rewardsTab = panel.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name: "Rewards", exact: true });
  await tabTo(page, rewardsTab);
  await page.keyboard.press("Enter");
  await expect(rewardsTab).toHaveAttribute("aria-current", "page");
  await expect(rewardsTab).toBeFocused();

  // 3. A reward with a code; its dialog opens on Confirm.
  const redeem = panel.getByRole("button", { name: "Redeem Free standard shipping" });
  await tabTo(page, redeem);
  const name = (await redeem.getAttribute("aria-label")) || (await redeem.textContent());
  await page.keyboard.press("Enter");
  const confirm = w.getByRole("dialog", { name: /^Redeem .*\?$/ });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Confirm" })).toBeFocused();

  // 4. Confirm; the result dialog takes focus, and Copy copies the code.
  await page.keyboard.press("Enter");
  const result = w.getByRole("dialog", { name: "Here's your reward" });
  await expect(result).toBeVisible();
  expect(await result.evaluate((el) => el.contains(el.getRootNode().activeElement))).toBe(true);
  const code = (await result.locator("[part=code], .code").first().textContent()).trim();
  const copy = result.getByRole("button", { name: "Copy" });
  await tabTo(page, copy);
  await page.keyboard.press("Enter");
  await expect(result.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  // 5. Escape closes the result; focus goes back into the panel, not to the page.
  await page.keyboard.press("Escape");
  await expect(result).toHaveCount(0);
  await expect(panel).toBeVisible();
  expect(await panel.evaluate((el) => el.contains(el.getRootNode().activeElement))).toBe(true);

  // 6. Escape again closes the panel and returns focus to the launcher's button.
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(w.getByRole("button", { name: /^Rewards/, expanded: false })).toBeFocused();
  expect(name).toMatch(/Redeem/);
});
