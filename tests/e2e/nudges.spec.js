// Timely nudges: what is worth telling a member is told to the page once per page as
// laurel:nudge, one shows as a toast by the launcher, and what the member dismissed (or opened
// the panel for) stays seen in this browser. Reaching a tier and finishing a challenge are
// celebrated as they happen.
const { test, expect, bestAffordable, date, points, rewrite, withAttrs } = require("./fixtures");

const launcher = (page) => page.locator("laurel-widget[placement=launcher]");
const toast = (page) => launcher(page).locator("[part~=nudge]");
const inline = (page) => page.locator("#loyalty");

/** Collects laurel:nudge and laurel:nudge-shown, across reloads of the page. */
async function listen(page) {
  await page.addInitScript(() => {
    window.__nudges = [];
    for (const name of ["laurel:nudge", "laurel:nudge-shown"]) {
      document.addEventListener(name, (e) => window.__nudges.push({ name, ...e.detail }));
    }
  });
  return () => page.evaluate(() => window.__nudges);
}

test("each nudge is told once, one shows, and what the member dismissed stays dismissed", async ({ page, widgetApi }) => {
  const heard = await listen(page);
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  const reward = bestAffordable(data);
  // A first visit: the member's tier is history, not news.
  await expect(toast(page)).toHaveText(/^Double points week: ends in 2 days \d+ hours?×$/);
  await expect(toast(page)).toHaveAttribute("data-kind", "boost-running");
  expect(await heard()).toEqual([
    { name: "laurel:nudge", kind: "boost-running", id: "bo_double" },
    { name: "laurel:nudge", kind: "reward-affordable", id: reward.id },
    { name: "laurel:nudge-shown", kind: "boost-running", id: "bo_double" },
  ]);
  // The toast is a polite status, outside the closed panel.
  await expect(launcher(page).getByRole("status").filter({ has: page.locator("[part~=nudge]") })).toHaveCount(1);

  await toast(page).getByRole("button", { name: "Close" }).click();
  await expect(toast(page)).toHaveCount(0);
  await page.reload();
  await expect(toast(page)).toHaveText(`You can redeem ${reward.name} now.×`);
  expect(await heard()).toEqual([
    { name: "laurel:nudge", kind: "reward-affordable", id: reward.id },
    { name: "laurel:nudge-shown", kind: "reward-affordable", id: reward.id },
  ]);

  // Opening the panel shows what the nudge said: it is seen too.
  await launcher(page).getByRole("button", { name: /^Rewards/ }).click();
  await expect(toast(page)).toHaveCount(0);
  await page.reload();
  await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  await expect(toast(page)).toHaveCount(0);
  expect(await heard()).toEqual([]);
});

test("points that expire within 7 days are worth a nudge", async ({ page, widgetApi }) => {
  // Ten days out in the seed: four days on, they are within the week, and the boost is over.
  await page.clock.install({ time: Date.now() + 4 * 86_400_000 });
  await page.goto("/?as=expiring");
  const { points: n, expires_on } = (await widgetApi.expected()).member.expiring_points;
  await expect(toast(page)).toHaveText(`${points(n)} expire on ${date(expires_on)}.×`);
  await expect(toast(page)).toHaveAttribute("data-kind", "points-expiring");
});

test("reaching a tier is celebrated where the member is, announced, and without motion when asked", async ({ page, widgetApi }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const heard = await listen(page);
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  await expect(toast(page)).toHaveAttribute("data-kind", "boost-running");
  // The shop's order lifts the member a tier; the widget hears of it on its next read.
  const next = data.member.next_tier;
  await rewrite(page, "**/v1/widget", (text) => {
    const d = JSON.parse(text);
    d.member.tier = { id: next.id, name: next.name, threshold: next.threshold };
    return JSON.stringify(d);
  });
  await page.evaluate(() => window.Laurel.refresh());
  const text = `You've reached ${next.name}. Enjoy your new benefits!×`;
  for (const place of [launcher(page), inline(page)]) {
    const cheer = place.locator("[part~=nudge][data-kind=tier-reached]");
    await expect(cheer).toHaveText(text);
    await expect(place.getByRole("status").filter({ has: page.locator("[part~=nudge][data-kind=tier-reached]") })).toHaveCount(1);
    expect(await cheer.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
  }
  expect((await heard()).filter((e) => e.kind === "tier-reached")).toEqual([
    { name: "laurel:nudge", kind: "tier-reached", id: next.id },
    { name: "laurel:nudge-shown", kind: "tier-reached", id: next.id },
  ]);
  // Remembered when told and again when dismissed: kept once.
  await inline(page).locator("[part~=nudge][data-kind=tier-reached]").getByRole("button").click();
  await expect(inline(page).locator("[part~=nudge][data-kind=tier-reached]")).toHaveCount(0);
  const kept = await page.evaluate((key) => Object.values(localStorage).join(" ").split(" ").filter((k) => k === key).length, `tier-reached:${next.id}`);
  expect(kept).toBe(1);
});

test("data-nudges=off tells the page only; badge shows the launcher's badge, no toast", async ({ page, widgetApi }) => {
  const heard = await listen(page);
  await rewrite(page, "**/?as=new", withAttrs('data-nudges="off"'));
  await page.goto("/?as=new");
  // Other tests may have given Lina enough for a reward by now.
  const reward = bestAffordable(await widgetApi.expected());
  const told = [{ name: "laurel:nudge", kind: "boost-running", id: "bo_double" }];
  if (reward) told.push({ name: "laurel:nudge", kind: "reward-affordable", id: reward.id });
  await expect.poll(heard).toEqual(told);
  await expect(toast(page)).toHaveCount(0);
  // Handed to the page, it is not told again.
  await page.reload();
  await expect(inline(page).getByRole("heading", { name: "Hi Lina" })).toBeVisible();
  expect(await heard()).toEqual([]);

  await page.unroute("**/?as=new");
  await page.evaluate(() => localStorage.clear());
  await rewrite(page, "**/?as=new", withAttrs('data-nudges="badge"'));
  await page.reload();
  const badge = launcher(page).locator("[part~=badge]");
  await expect(badge).toBeVisible();
  await expect(toast(page)).toHaveCount(0);
  await launcher(page).getByRole("button", { name: /^Rewards/ }).click();
  await launcher(page).getByRole("button", { name: "Close" }).click();
  // Seen: the badge stays only for a reward to redeem, as without nudges.
  await expect(badge).toHaveCount(reward ? 1 : 0);
});
