// The walking skeleton, as a shopper meets it: the demo storefront, the pasted script tag,
// the real dev API over HTTP, Debian's Chromium.
const { test, expect, API, points, rewrite } = require("./fixtures");
const AxeBuilder = require("@axe-core/playwright").default;

const widget = (page) => page.locator("#loyalty");

test("a member sees greeting, balance, tier and progress to the next tier", async ({ page, widgetApi }) => {
  await page.goto("/?as=member");
  const { member, program } = await widgetApi.expected();
  expect(program.points_name.other).toBe("points");
  const w = widget(page);
  await expect(w.getByRole("heading", { name: `Hi ${member.first_name}` })).toBeVisible();
  await expect(w.getByText(points(member.balance), { exact: true })).toBeVisible();
  await expect(w.getByText(`${member.tier.name} member`, { exact: true })).toBeVisible();
  const next = member.next_tier;
  const bar = w.getByRole("progressbar", { name: `Progress to ${next.name}` });
  await expect(bar).toHaveAttribute("aria-valuemin", String(member.tier.threshold));
  await expect(bar).toHaveAttribute("aria-valuemax", String(next.threshold));
  await expect(bar).toHaveAttribute("aria-valuenow", String(next.threshold - next.points_remaining));
  await expect(w.getByText(`${points(next.points_remaining)} to ${next.name}`, { exact: true })).toBeVisible();
});

test("a member short of every reward sees a bar to the nearest one, and none once it is in reach", async ({ page }) => {
  const tote = { id: "rw_tote", kind: "free_product", name: "Tote bag", cost: 400, available: true };
  const withBalance = (balance) => (text) => {
    const d = JSON.parse(text);
    return JSON.stringify({ ...d, member: { ...d.member, balance }, rewards: [{ ...tote, cost: 900, id: "rw_far", name: "Far away" }, tote], for_you: [] });
  };
  await rewrite(page, `${API}/v1/widget`, withBalance(150));
  await page.goto("/?as=member");
  const w = widget(page);
  const bar = w.getByRole("progressbar", { name: "Progress to Tote bag" });
  await expect(bar).toHaveAttribute("aria-valuemin", "0");
  await expect(bar).toHaveAttribute("aria-valuemax", "400");
  await expect(bar).toHaveAttribute("aria-valuenow", "150");
  await expect(w.getByText("250 points more for Tote bag.", { exact: true })).toBeVisible();

  await page.unrouteAll();
  await rewrite(page, `${API}/v1/widget`, withBalance(450));
  await page.reload();
  await expect(w.getByText("You can redeem Tote bag now.")).toBeVisible();
  await expect(w.getByRole("progressbar", { name: "Progress to Tote bag" })).toHaveCount(0);
});

test("a top-tier member sees no progress bar but a top-tier message", async ({ page, widgetApi }) => {
  await page.goto("/?as=top");
  const { member } = await widgetApi.expected();
  expect(member.next_tier).toBeNull();
  const w = widget(page);
  await expect(w.getByRole("heading", { name: `Hi ${member.first_name}` })).toBeVisible();
  await expect(w.getByText(`You've reached ${member.tier.name}, our top tier`)).toBeVisible();
  await expect(w.getByRole("progressbar")).toHaveCount(0);
});

test("a guest sees the signup bonus and joins through the shop's signup page", async ({ page, widgetApi }) => {
  await page.goto("/?as=guest");
  const { member, program } = await widgetApi.expected();
  expect(member).toBeNull();
  const w = widget(page);
  await expect(w.getByRole("heading", { name: `Join ${program.name}` })).toBeVisible();
  await expect(w.getByText(`Get ${points(program.signup_bonus)} just for joining.`)).toBeVisible();
  await w.getByRole("link", { name: "Join now" }).click();
  await expect(page).toHaveURL(new RegExp(`${program.signup_url.replace(".", "\\.")}$`));
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
});

test("the persona switch shows every state and marks the current one", async ({ page }) => {
  await page.goto("/?as=guest");
  const nav = page.getByRole("navigation", { name: "Demo: view the widget as" });
  await expect(nav.getByRole("link", { name: "Guest" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Top-tier member" }).click();
  await expect(nav.getByRole("link", { name: "Top-tier member" })).toHaveAttribute("aria-current", "page");
  await expect(widget(page).getByText(/our top tier/)).toBeVisible();
});

test("the page is the shop owner's script tag and nothing else", async ({ page }) => {
  await page.goto("/?as=member");
  const tags = await page.locator("script").evaluateAll((s) =>
    s.map((el) => ({ src: el.getAttribute("src"), inline: el.textContent.trim().length > 0 })),
  );
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toEqual({ src: "/laurel.js", inline: false });
  const attrs = await page.locator("script").first().evaluate((el) => ({ ...el.dataset }));
  expect(attrs.api).toBe(API);
  // The token was there for the widget to read, and is gone from the DOM since.
  await expect(page.locator("#loyalty").getByRole("heading", { name: /^Hi / })).toBeVisible();
  expect(await page.locator("script[data-token]").count()).toBe(0);
});

test("while the API is slow the widget shows a loading state, then the data", async ({ page }) => {
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(`${API}/v1/widget`, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto("/?as=member");
  const status = widget(page).getByRole("status");
  await expect(status).toHaveText("Loading your rewards…");
  await expect(widget(page).locator("section")).toHaveAttribute("aria-busy", "true");
  release();
  await expect(widget(page).getByRole("heading", { name: /^Hi / })).toBeVisible();
  // Gone with the data (the widget's other live region, for celebrations, stays, empty).
  await expect(status.filter({ hasText: "Loading" })).toHaveCount(0);
});

test("an API failure shows a clear message, and retry recovers", async ({ page }) => {
  let fail = true;
  await page.route(`${API}/v1/widget`, (route) =>
    fail
      ? route.fulfill({
          status: 503,
          contentType: "application/problem+json",
          body: JSON.stringify({ type: "about:blank", title: "Unavailable", status: 503 }),
        })
      : route.continue(),
  );
  await page.goto("/?as=member");
  const w = widget(page);
  await expect(w.getByRole("alert")).toContainText("Something went wrong on our side");
  // The host page is untouched.
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  fail = false;
  await w.getByRole("button", { name: "Try again" }).click();
  await expect(w.getByRole("heading", { name: /^Hi / })).toBeVisible();
  await expect(w.getByRole("alert")).toHaveCount(0);
});

test("a dropped connection and an unreadable answer each get their own message", async ({ page }) => {
  await page.route(`${API}/v1/widget`, (route) => route.abort("connectionrefused"));
  await page.goto("/?as=member");
  await expect(widget(page).getByRole("alert")).toContainText("couldn't reach the rewards service");

  await page.unroute(`${API}/v1/widget`);
  await page.route(`${API}/v1/widget`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"program": 5, "member": "<b>x</b>"' }),
  );
  await page.reload();
  await expect(widget(page).getByRole("alert")).toContainText("couldn't read");
});

test("an expired token says so and offers no pointless retry", async ({ page }) => {
  await page.route(`${API}/v1/widget`, (route) =>
    route.fulfill({
      status: 401,
      contentType: "application/problem+json",
      body: JSON.stringify({ type: "https://laurel.dev/problems/token-expired", title: "Token expired", status: 401 }),
    }),
  );
  await page.goto("/?as=member");
  await expect(widget(page).getByRole("alert")).toContainText("Your session has ended");
  await expect(widget(page).getByRole("button")).toHaveCount(0);
});

test("the host page's CSS does not reach inside the widget", async ({ page }) => {
  await page.goto("/?as=guest");
  const link = widget(page).getByRole("link", { name: "Join now" });
  await expect(link).toBeVisible();
  const style = await link.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, font: s.fontFamily };
  });
  // The shop sets every link to magenta Georgia.
  expect(style.color).not.toBe("rgb(181, 23, 158)");
  expect(style.font).not.toContain("Georgia");
});

for (const persona of ["guest", "member", "top"]) {
  test(`the ${persona} view has no axe violations`, async ({ page }) => {
    await page.goto(`/?as=${persona}`);
    await expect(widget(page).locator("section[aria-busy=false]")).toBeVisible();
    const results = await new AxeBuilder({ page }).include("#loyalty").analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
