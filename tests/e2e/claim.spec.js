// Joining after a purchase: an order confirmation page's `<laurel-widget view="claim" order>`
// tells the shopper what the order earns, and joining there adds its points once. The order
// claim is the one the demo shop's backend signed into the page; the points come from the dev
// API. Bea and Ben are the two shoppers who bought before joining.
const { test, expect, API, points } = require("./fixtures");

const claimWidget = (page) => page.locator("laurel-widget#claim");
const offer = (n) => `This order earns you ${points(n)}. Join to claim them.`;

async function orderPreview(page, request) {
  const claim = await claimWidget(page).getAttribute("order");
  const res = await request.get(`${API}/v1/points-preview?order=${encodeURIComponent(claim)}`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()).points;
}

async function join(w, bonus) {
  await w.getByRole("checkbox", { name: "I accept the program terms" }).check();
  await w.getByRole("button", { name: `Join and get ${points(bonus)}` }).click();
}

test.describe.configure({ mode: "serial" });

test("a shopper who bought before joining sees what the order earns, joins there and gets the points", async ({ page, request, widgetApi }) => {
  await page.goto("/order.html?as=buyer&order=EV-CLAIM-1");
  const earned = await orderPreview(page, request);
  expect(earned).toBeGreaterThan(0);
  const before = await widgetApi.expected();
  expect(before.member).toBeNull();
  const w = claimWidget(page);
  await expect(w.locator("[part~=points-badge]")).toHaveText(offer(earned));
  await join(w, before.program.signup_bonus);
  await expect(w.getByRole("heading", { name: "Hi Bea" })).toBeFocused();
  await expect(w.locator("[part~=points-badge]")).toHaveCount(0);
  const after = await widgetApi.expected();
  expect(after.member.balance).toBe(before.program.signup_bonus + earned);
  await expect(w.getByText(points(after.member.balance), { exact: true })).toBeVisible();
});

test("the same order claimed again is refused with a clear message, and a forged claim too; nothing is joined", async ({ page, request, widgetApi }) => {
  await page.goto("/order.html?as=buyer2&order=EV-CLAIM-1");
  const data = await widgetApi.expected();
  const w = claimWidget(page);
  await expect(w.locator("[part~=points-badge]")).toHaveText(offer(await orderPreview(page, request)));
  await join(w, data.program.signup_bonus);
  await expect(w.getByRole("alert")).toHaveText("The points for this order have already been claimed.");
  expect((await widgetApi.expected()).member).toBeNull();

  // A claim the shop did not sign: no offer, and joining with it is refused.
  await page.goto("/order.html?as=buyer2&order=EV-CLAIM-2");
  const signed = await claimWidget(page).getAttribute("order");
  const [head, body] = signed.split(".");
  await expect(claimWidget(page).locator("[part~=points-badge]")).toBeVisible();
  await claimWidget(page).evaluate((el, forged) => el.setAttribute("order", forged), `${head}.${body}.Zm9yZ2Vk`);
  // The widget follows the new attribute: the API refuses to preview that claim.
  await expect(claimWidget(page).locator("[part~=points-badge]")).toHaveCount(0);
  await join(claimWidget(page), data.program.signup_bonus);
  await expect(claimWidget(page).getByRole("alert")).toHaveText("This order can't be claimed any more. Please contact the shop.");
  expect((await widgetApi.expected()).member).toBeNull();
});

test("a guest checks out from the cart and sees what the order earns, with sign-up and sign-in", async ({ page, request }) => {
  await page.goto("/cart.html?as=guest");
  await page.getByRole("link", { name: "Check out" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  const w = claimWidget(page);
  await expect(w.locator("[part~=points-badge]")).toHaveText(offer(await orderPreview(page, request)));
  await expect(w.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a claim widget without an order says what is missing on the console and breaks nothing", async ({ page }) => {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto("/order.html?as=buyer2");
  await claimWidget(page).evaluate((el) => {
    const bare = document.createElement("laurel-widget");
    bare.id = "bare";
    bare.setAttribute("view", "claim");
    el.after(bare);
  });
  await expect.poll(() => errors.join("\n")).toContain('<laurel-widget view="claim"> needs order=');
  await expect(claimWidget(page).locator("[part~=points-badge]")).toBeVisible();
});
