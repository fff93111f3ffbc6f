// Every shopper journey against the dev API, found by role and accessible name as a person
// would. Tests that change data use their own persona so they can run in parallel:
// nonmember (Sam) joins, new (Lina) earns, top (Arjun) redeems with exact balance checks,
// expiring (Eve) redeems without them; member (Maya) is only read.
const { test, expect, API, points, date, affordable, bestAffordable, saveBirthday } = require("./fixtures");

const inline = (page) => page.locator("#loyalty");
const launcherHost = (page) => page.locator("laurel-widget[placement=launcher]");
const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });

test.describe("guest", () => {
  test("sees the explainer, bonus, ways to earn and a rewards preview, and can sign in", async ({ page, widgetApi }) => {
    await page.goto("/?as=guest");
    const data = await widgetApi.expected();
    const w = inline(page);
    await expect(w.getByText("Earn points every time you shop")).toBeVisible();
    await expect(w.getByText(`Get ${points(data.program.signup_bonus)} just for joining.`)).toBeVisible();
    await tab(w, "Ways to earn").click();
    for (const rule of data.earn_rules) {
      await expect(w.getByRole("heading", { name: rule.name })).toBeVisible();
    }
    await tab(w, "Rewards").click();
    await expect(w.getByRole("listitem").filter({ hasText: data.rewards[0].name })).toBeVisible();
    await expect(w.getByRole("button", { name: /^Redeem / })).toHaveCount(0);
    await tab(w, "Home").click();
    await w.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/login\.html$/);
  });
});

test.describe("non-member", () => {
  test("joins with the terms accepted and sees the bonus in the balance", async ({ page, widgetApi }) => {
    await page.goto("/?as=nonmember");
    const data = await widgetApi.expected();
    expect(data.signed_in).toBe(true);
    const w = inline(page);
    const join = w.getByRole("button", { name: `Join and get ${points(data.program.signup_bonus)}` });
    await join.click();
    await expect(w.getByRole("alert")).toHaveText("Please accept the terms to join.");
    await w.getByRole("checkbox", { name: "I accept the program terms" }).check();
    await w.getByRole("checkbox", { name: /offers and news/ }).check();
    await join.click();
    await expect(w.getByRole("heading", { name: "Hi Sam" })).toBeFocused();
    await expect(w.getByText(points(data.program.signup_bonus), { exact: true })).toBeVisible();
    const after = await widgetApi.expected();
    expect(after.member.balance).toBe(data.program.signup_bonus);
    expect(after.member.marketing_opt_in).toBe(true);
  });
});

test.describe("member home", () => {
  test("shows the next affordable reward", async ({ page, widgetApi }) => {
    await page.goto("/?as=member");
    const data = await widgetApi.expected();
    const best = bestAffordable(data);
    await expect(inline(page).getByText(`You can redeem ${best.name} now.`)).toBeVisible();
  });

  test("warns when points expire soon", async ({ page, widgetApi }) => {
    await page.goto("/?as=expiring");
    const { member } = await widgetApi.expected();
    const e = member.expiring_points;
    await expect(inline(page).getByText(`${points(e.points)} expire on ${date(e.expires_on)}.`)).toBeVisible();
  });

  test("at the top tier shows the tier's benefits", async ({ page, widgetApi }) => {
    await page.goto("/?as=top");
    const { member, tiers } = await widgetApi.expected();
    const benefits = tiers.find((t) => t.id === member.tier.id).benefits;
    const list = inline(page).getByRole("list").filter({ hasText: benefits[0] });
    await expect(list.getByRole("listitem")).toHaveText(benefits);
  });
});

test.describe("ways to earn", () => {
  test("birthday and newsletter award points once, in the widget", async ({ page, widgetApi }) => {
    await page.goto("/?as=new");
    const before = (await widgetApi.expected()).member.balance;
    const w = inline(page);
    await tab(w, "Ways to earn").click();
    await saveBirthday(w, "04", "12");
    await expect(w.getByText("You earned 100 points!")).toBeVisible();
    await expect(w.getByRole("listitem").filter({ hasText: "Tell us your birthday" }).getByText("Done")).toBeVisible();
    await w.getByRole("button", { name: "Subscribe" }).click();
    await expect(w.getByText("You earned 50 points!")).toBeVisible();
    await expect(w.getByRole("button", { name: "Subscribe" })).toHaveCount(0);
    await tab(w, "Home").click();
    await expect(w.getByText(points(before + 150), { exact: true })).toBeVisible();
  });

  test("referral link copies, and review opens its page", async ({ page, context, widgetApi }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/?as=member");
    const { member } = await widgetApi.expected();
    const w = inline(page);
    await tab(w, "Ways to earn").click();
    await expect(w.getByRole("textbox", { name: "Your referral link" })).toHaveValue(member.referral_url);
    await w.getByRole("button", { name: "Copy" }).click();
    await expect(w.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(member.referral_url);
    await expect(w.getByRole("link", { name: "Go: Review a product" })).toHaveAttribute("href", "/reviews.html");
  });
});

test.describe("reward picks", () => {
  test("filters by what can be redeemed and by kind, sorts by cost, and explains the rest", async ({ page, widgetApi }) => {
    await page.goto("/?as=member");
    const data = await widgetApi.expected();
    const w = inline(page);
    await tab(w, "Rewards").click();
    const cards = w.getByRole("list").last().getByRole("listitem");
    await expect(cards).toHaveCount(data.rewards.length);
    await expect(w.getByText("Unlocks at Gold").first()).toBeVisible();
    const short = data.rewards.find((r) => !r.min_tier && r.available && r.cost > data.member.balance);
    await expect(cards.filter({ hasText: short.name })).toContainText(`${points(short.cost - data.member.balance)} more`);

    await w.getByRole("button", { name: "Can redeem now" }).click();
    await expect(w.getByRole("button", { name: "Can redeem now" })).toHaveAttribute("aria-pressed", "true");
    const redeemable = await cards.count();
    expect(redeemable).toBeGreaterThan(0);
    await expect(w.getByRole("button", { name: /^Redeem / })).toHaveCount(redeemable);

    await w.getByRole("button", { name: "Free shipping" }).click();
    const shipping = data.rewards.filter((r) => r.kind === "free_shipping");
    await expect(cards).toHaveCount(shipping.length);

    await w.getByRole("button", { name: "All", exact: true }).click();
    await w.getByRole("combobox", { name: "Sort" }).selectOption("desc");
    const priciest = [...data.rewards].sort((a, b) => b.cost - a.cost)[0];
    await expect(cards.first()).toContainText(priciest.name);
  });

  test("stays responsive with 1,000 rewards", async ({ page, widgetApi }) => {
    await page.goto("/?as=member");
    const data = await widgetApi.expected();
    const rewards = Array.from({ length: 1000 }, (_, i) => ({
      ...data.rewards[i % data.rewards.length],
      id: `bulk-${i}`,
      name: `Bulk reward ${i}`,
      cost: 100 + i,
    }));
    await page.route(`${API}/v1/widget`, async (route) => {
      const res = await route.fetch();
      route.fulfill({ response: res, json: { ...(await res.json()), rewards } });
    });
    await page.reload();
    const w = inline(page);
    await tab(w, "Rewards").click();
    const cards = w.getByRole("list").last().getByRole("listitem");
    await expect(cards).toHaveCount(1000);
    const started = Date.now();
    await w.getByRole("button", { name: "Can redeem now" }).click();
    await expect(cards).toHaveCount(affordable({ ...data, rewards }).length);
    console.log(`filtering 1,000 rewards took ${Date.now() - started} ms`);
  });
});

test("reward images load, and only from http(s) or relative URLs", async ({ page, widgetApi }) => {
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  const w = inline(page);
  await tab(w, "Rewards").click();
  const images = w.getByRole("list").last().locator("img");
  await expect(images).toHaveCount(data.rewards.filter((r) => r.image_url).length);
  // Lazy images: the first is on screen and must have loaded; every src is the API's URL.
  const cheapest = [...data.rewards].sort((a, b) => a.cost - b.cost)[0];
  await expect(images.first()).toHaveAttribute("src", cheapest.image_url);
  await expect.poll(() => images.first().evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);

  await page.route(`${API}/v1/widget`, async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.rewards = body.rewards.map((r, i) => ({ ...r, image_url: i % 2 ? "javascript:alert(1)" : "data:image/svg+xml,<svg/>" }));
    route.fulfill({ response: res, json: body });
  });
  await page.reload();
  await tab(w, "Rewards").click();
  await expect(w.getByRole("list").last().getByRole("listitem").first()).toBeVisible();
  await expect(w.getByRole("list").last().locator("img")).toHaveCount(0);
});

test("Share hands the referral link to the Web Share API where the browser has it", async ({ page, widgetApi }) => {
  // Headless Chromium on Linux has no share sheet; stand one in at the edge and record calls.
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => {
      window.__shared.push(data);
      return Promise.resolve();
    };
  });
  await page.goto("/?as=member");
  const { member, program } = await widgetApi.expected();
  const w = inline(page);
  await tab(w, "Ways to earn").click();
  await w.getByRole("button", { name: "Share" }).click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toEqual([{ title: program.name, url: member.referral_url }]);
});
