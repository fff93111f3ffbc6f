// Rewards that fit the shopper: each fulfilment shown its own way, why a reward cannot be
// redeemed yet, and what points are worth. Expectations come from the dev API's answers. The
// redeeming tests use their own persona, so that other specs' balances do not move under them.
const { test, expect, API, date, number, points, rewrite, withAttrs } = require("./fixtures");

const inline = (page) => page.locator("#loyalty");
const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });
const euros = (n, locale = "en") => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(n);

/** Redeems `name` from the Rewards view; returns the API's answer. */
async function redeem(page, name) {
  const w = inline(page);
  await tab(w, "Rewards").click();
  await w.getByRole("button", { name: `Redeem ${name}` }).click();
  const answer = page.waitForResponse((r) => r.url() === `${API}/v1/redemptions` && r.request().method() === "POST");
  await w.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  return (await answer).json();
}

test("a donation thanks the shopper with its impact and the program's total, and gives no code", async ({ page }) => {
  await page.goto("/?as=patron");
  const r = await redeem(page, "Plant 5 trees");
  expect(r.fulfilment).toBe("donation");
  const dialog = inline(page).getByRole("dialog", { name: "Thank you for giving" });
  await expect(dialog).toContainText(r.message);
  await expect(dialog).toContainText(r.impact_total);
  await expect(dialog.getByText("Your code")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Copy" })).toHaveCount(0);
  await expect(dialog.getByRole("link", { name: "Apply to cart" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close" }).click();

  await tab(inline(page), "My rewards").click();
  const item = inline(page).locator("[data-fulfilment=donation]").first();
  await expect(item).toContainText("Plant 5 trees");
  await expect(item).toContainText(r.message);
  await expect(item.getByRole("button")).toHaveCount(0);
});

test("a voucher gives its reference to copy and how to use it, with no Apply to cart", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?as=patron");
  const r = await redeem(page, "Trail-running workshop");
  expect(r.fulfilment).toBe("voucher");
  const dialog = inline(page).getByRole("dialog", { name: "Here's your reward" });
  await expect(dialog.getByText("Your reference")).toBeVisible();
  await expect(dialog.getByText(r.reference, { exact: true })).toBeVisible();
  await expect(dialog).toContainText(r.message);
  await expect(dialog.getByRole("link", { name: "Apply to cart" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Copy" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(r.reference);
  await dialog.getByRole("button", { name: "Close" }).click();

  await tab(inline(page), "My rewards").click();
  const item = inline(page).locator("[data-fulfilment=voucher]").filter({ hasText: r.reference });
  await expect(item).toContainText(r.message);
  await expect(item.getByRole("button", { name: `Copy: ${r.reference}` })).toBeVisible();
});

test("a fulfilment the widget does not know shows the reward's name and the API's text", async ({ page }) => {
  const odd = (r) => ({ ...r, fulfilment: "nft_drop", code: null, message: "Your collectible arrives by email." });
  await rewrite(page, `${API}/v1/redemptions`, (text) => {
    const body = JSON.parse(text);
    return JSON.stringify(body.items ? { items: body.items.map(odd) } : odd(body));
  });
  await page.goto("/?as=patron");
  await redeem(page, "€5 off your order");
  const dialog = inline(page).getByRole("dialog", { name: "Here's your reward" });
  await expect(dialog).toContainText("€5 off your order");
  await expect(dialog).toContainText("Your collectible arrives by email.");
  await expect(dialog.getByRole("button", { name: "Copy" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close" }).click();
  await tab(inline(page), "My rewards").click();
  await expect(inline(page).locator("[data-fulfilment=other]").first()).toContainText("Your collectible arrives by email.");
});

test("the catalog says why a reward cannot be redeemed, and what else to know first", async ({ page, widgetApi }) => {
  await page.goto("/?as=vip");
  const data = await widgetApi.expected();
  const find = (id) => data.rewards.find((r) => r.id === id);
  const w = inline(page);
  await tab(w, "Rewards").click();
  const card = (id) => w.getByRole("listitem").filter({ has: page.getByRole("heading", { name: find(id).name, exact: true }) });

  const soldOut = find("rw_express");
  expect(soldOut.remaining).toBe(0);
  await expect(card("rw_express")).toContainText("Sold out");
  await expect(card("rw_express")).toHaveAttribute("data-status", "sold-out");
  await expect(card("rw_express").getByRole("button")).toHaveCount(0);

  const upcoming = find("rw_early");
  await expect(card("rw_early")).toContainText(`Available from ${date(upcoming.starts_at)}`);
  await expect(card("rw_early").getByRole("button")).toHaveCount(0);

  await expect(card("rw_bottle")).toContainText(`${find("rw_bottle").remaining} left`);
  await expect(card("rw_socks")).toContainText(`Until ${date(find("rw_socks").ends_at)}`);
  await expect(card("rw_5off")).toContainText(`On orders of ${euros(find("rw_5off").min_order.amount)} or more`);
  await expect(card("rw_5off").getByRole("button", { name: "Redeem €5 off your order" })).toBeVisible();
});

test("a reward whose end has passed cannot be redeemed, even if an API still lists it", async ({ page }) => {
  await rewrite(page, `${API}/v1/widget`, (text) => {
    const data = JSON.parse(text);
    data.rewards = data.rewards.map((r) => (r.id === "rw_5off" ? { ...r, ends_at: "2020-01-01T00:00:00Z" } : r));
    return JSON.stringify(data);
  });
  await page.goto("/?as=member");
  const w = inline(page);
  await tab(w, "Rewards").click();
  const card = w.getByRole("listitem").filter({ hasText: "€5 off your order" });
  await expect(card).toHaveAttribute("data-status", "unavailable");
  await expect(card.getByRole("button")).toHaveCount(0);
});

test("balances and costs say what the points are worth, in the shop's currency", async ({ page, widgetApi }) => {
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  const { points, value } = data.program.point_value;
  const worth = (n) => `Worth about ${euros((n * value.amount) / points)}`;
  const w = inline(page);
  await expect(w.locator("[part~=balance]")).toContainText(worth(data.member.balance));
  await tab(w, "Rewards").click();
  await w.getByRole("button", { name: "Redeem €5 off your order" }).click();
  await expect(w.getByRole("dialog")).toContainText(worth(data.rewards.find((r) => r.id === "rw_5off").cost));
});

test("without a point value, or with one the widget cannot format, no amount is shown", async ({ page }) => {
  for (const pointValue of [null, { points: 100, value: { amount: 1, currency: "EURO" } }]) {
    await page.unrouteAll();
    await rewrite(page, `${API}/v1/widget`, (text) => JSON.stringify({ ...JSON.parse(text), program: { ...JSON.parse(text).program, point_value: pointValue } }));
    await page.goto("/?as=member");
    await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
    await expect(inline(page).locator("[part~=balance]")).not.toContainText("Worth");
  }
});

test("in Persian the value of points is in Persian digits", async ({ page, widgetApi }) => {
  await rewrite(page, /\/plain\.html/, withAttrs('data-locale="fa"'));
  await page.goto("/plain.html?as=member");
  const data = await widgetApi.expected();
  const { points, value } = data.program.point_value;
  await expect(inline(page).locator("[part~=balance]")).toContainText(euros((data.member.balance * value.amount) / points, "fa"));
});

test("home shows the rewards picked for the member, with the API's reasons, first to last", async ({ page, widgetApi }) => {
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  expect(data.for_you.length).toBeGreaterThan(0);
  const picks = inline(page).locator("[part=picks]");
  await expect(inline(page).getByRole("heading", { name: "Picked for you" })).toBeVisible();
  const cards = picks.getByRole("listitem");
  await expect(cards).toHaveCount(Math.min(3, data.for_you.length));
  for (const [i, pick] of data.for_you.slice(0, 3).entries()) {
    const reward = data.rewards.find((r) => r.id === pick.reward_id);
    await expect(cards.nth(i).getByRole("heading")).toHaveText(reward.name);
    await expect(cards.nth(i).locator("[part=reason]")).toHaveText(pick.reason);
  }
  // A pick the member can afford is redeemable right there.
  const affordable = data.for_you.map((p) => data.rewards.find((r) => r.id === p.reward_id)).find((r) => r.cost <= data.member.balance);
  await picks.getByRole("button", { name: `Redeem ${affordable.name}` }).click();
  await expect(inline(page).getByRole("dialog", { name: `Redeem ${affordable.name}?` })).toBeVisible();
});

test("the catalog sorts the member's picks first when asked for recommendations", async ({ page, widgetApi }) => {
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  const w = inline(page);
  await tab(w, "Rewards").click();
  await w.getByRole("combobox", { name: "Sort" }).selectOption({ label: "Recommended for you" });
  const names = w.locator("[part=rewards] [part=reward] h3");
  const picked = data.for_you.map((p) => data.rewards.find((r) => r.id === p.reward_id).name);
  await expect(names.first()).toHaveText(picked[0]);
  expect((await names.allTextContents()).slice(0, picked.length)).toEqual(picked);
});

test("picks that name no reward are skipped, and none means no section and no sort option", async ({ page }) => {
  for (const forYou of [[{ reward_id: "rw_nope", reason: "Gone" }], []]) {
    await page.unrouteAll();
    await rewrite(page, `${API}/v1/widget`, (text) => JSON.stringify({ ...JSON.parse(text), for_you: forYou }));
    await page.goto("/?as=member");
    const w = inline(page);
    await expect(w.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
    await expect(w.getByRole("heading", { name: "Picked for you" })).toHaveCount(0);
  }
  await tab(inline(page), "Rewards").click();
  await expect(inline(page).getByRole("option", { name: "Recommended for you" })).toHaveCount(0);
});

test("How it works tells a guest and a member how to earn and spend, what points are worth, the tiers and expiry", async ({ page, widgetApi }) => {
  for (const as of ["guest", "member"]) {
    await page.goto(`/?as=${as}`);
    const data = await widgetApi.expected();
    const w = inline(page);
    await tab(w, "How it works").click();
    await expect(w.getByRole("heading", { name: "How it works" })).toBeVisible();
    const lines = w.getByRole("list").last().getByRole("listitem");
    const purchase = data.earn_rules.find((r) => r.kind === "purchase");
    const cheapest = Math.min(...data.rewards.map((r) => r.cost));
    const tiers = [...data.tiers].sort((a, b) => a.threshold - b.threshold);
    const { points: per, value } = data.program.point_value;
    await expect(lines).toHaveText([
      `Earn ${points(purchase.points)} for every 1 you spend, and more with the ways to earn.`,
      `Swap your points for rewards, from ${points(cheapest)}.`,
      `${points(per)} are worth ${euros(value.amount)}.`,
      "The points you earn in total decide your tier:",
      ...tiers.map((t) => `${t.name} from ${points(t.threshold)}${t.benefits.length ? `: ${t.benefits.join(", ")}` : ""}`),
      `Points expire ${number(data.program.points_expire_after_days)} days after you earn them.`,
    ]);
  }
});

test("How it works leaves out what the API does not give, and lists tiers from the lowest in any order", async ({ page }) => {
  await rewrite(page, `${API}/v1/widget`, (text) => {
    const d = JSON.parse(text);
    const { point_value, points_expire_after_days, ...program } = d.program;
    return JSON.stringify({
      ...d,
      program,
      earn_rules: d.earn_rules.filter((r) => r.kind !== "purchase"),
      rewards: [],
      tiers: [
        { id: "g", name: "Gold", threshold: 1500, benefits: [] },
        { id: "b", name: "Bronze", threshold: 0, benefits: ["Birthday gift"] },
      ],
    });
  });
  await page.goto("/?as=member");
  const w = inline(page);
  await tab(w, "How it works").click();
  await expect(w.getByRole("list").last().getByRole("listitem")).toHaveText([
    "The points you earn in total decide your tier:",
    "Bronze from 0 points: Birthday gift",
    "Gold from 1,500 points",
  ]);
});

test("the page can open How it works, and in Persian it is in Persian digits", async ({ page }) => {
  await rewrite(page, /\/plain\.html/, withAttrs('data-locale="fa"'));
  await page.goto("/plain.html?as=member");
  const w = inline(page);
  await expect(w.locator("[part~=balance]")).toBeVisible();
  await page.evaluate(() => window.Laurel.open("how"));
  await expect(w.getByRole("heading", { name: "چطور کار می‌کند" })).toBeVisible();
  await expect(w.locator("li").filter({ hasText: "۳۶۵" })).toBeVisible();
});
