// Challenges from the dev API: each step as an accessible progressbar, the reward for finishing,
// and one finished by actions in the widget: rewarded once, its badge on Home.
const { test, expect, points, noViolations, saveBirthday } = require("./fixtures");

const inline = (page) => page.locator("#loyalty");
const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });

test("a member sees each challenge's steps as progressbars and what finishing gives", async ({ page, widgetApi }) => {
  await page.goto("/?as=member");
  const data = await widgetApi.expected();
  const w = inline(page);
  await tab(w, "Challenges").click();
  for (const c of data.challenges) {
    const card = w.getByRole("listitem").filter({ has: page.getByRole("heading", { name: c.name }) });
    for (const s of c.steps) {
      const bar = card.getByRole("progressbar", { name: s.label });
      await expect(bar).toHaveAttribute("aria-valuenow", String(Math.min(s.progress, s.goal)));
      await expect(bar).toHaveAttribute("aria-valuemax", String(s.goal));
      await expect(card.getByText(`${s.label}: ${Math.min(s.progress, s.goal)} of ${s.goal}`)).toBeVisible();
    }
    const reward = points(c.reward_points);
    await expect(card.getByText(c.ends_at ? new RegExp(`^Finish it by .+ for ${reward}\\.$`) : `Finish it for ${reward}.`)).toBeVisible();
  }
  // Maya told us her birthday: one of three steps of "Get started" is done.
  const started = data.challenges.find((c) => c.id === "ch_started");
  expect(started.steps.map((s) => s.progress)).toEqual([1, 0, 0]);
  await noViolations(page, "#loyalty");
});

test("a guest has no Challenges tab", async ({ page }) => {
  await page.goto("/?as=guest");
  await expect(tab(inline(page), "Ways to earn")).toBeVisible();
  await expect(tab(inline(page), "Challenges")).toHaveCount(0);
});

test("finishing the last step in the widget rewards the challenge once and shows its badge", async ({ page, context, widgetApi }) => {
  await context.route("https://www.instagram.com/**", (r) => r.fulfill({ contentType: "text/html", body: "<title>Instagram</title>" }));
  await page.addInitScript(() => {
    window.__nudges = [];
    document.addEventListener("laurel:nudge", (e) => window.__nudges.push(e.detail));
  });
  await page.goto("/?as=player");
  const data = await widgetApi.expected();
  const before = data.member.balance;
  const challenge = data.challenges.find((c) => c.name === "Get started");
  const w = inline(page);
  await tab(w, "Ways to earn").click();
  await saveBirthday(w, "04", "12");
  await expect(w.getByText("You earned 100 points!")).toBeVisible();
  await w.getByRole("button", { name: "Subscribe" }).click();
  await expect(w.getByText("You earned 50 points!")).toBeVisible();
  await tab(w, "Challenges").click();
  const started = w.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Get started" }) });
  await expect(started.getByText("Follow us on Instagram: 0 of 1")).toBeVisible();
  await tab(w, "Ways to earn").click();
  const opened = context.waitForEvent("page");
  await w.getByRole("listitem").filter({ hasText: "Follow us on Instagram" }).getByRole("link").click();
  await (await opened).close();
  // The follow's 25 points, its running bonus of 25, and the challenge's 150.
  await expect(w.getByText("You earned 50 points!")).toHaveCount(2);
  // Finishing it is celebrated in the widget, announced, and told to the page once.
  const cheer = w.locator("[part~=nudge][data-kind=challenge-completed]");
  await expect(cheer).toHaveText("Get started: Done! You earned 150 points.×");
  await expect(w.getByRole("status").filter({ has: page.locator("[part~=nudge][data-kind=challenge-completed]") })).toHaveCount(1);
  expect(await page.evaluate(() => window.__nudges.filter((n) => n.kind === "challenge-completed"))).toEqual([
    { kind: "challenge-completed", id: challenge.id },
  ]);
  await tab(w, "Challenges").click();
  await expect(started.getByText("Done! You earned 150 points.")).toBeVisible();
  await tab(w, "Home").click();
  await expect(w.locator("[part~=badges]")).toHaveText("Your badges: Insider");
  await expect(w.getByText(points(before + 100 + 50 + 50 + 150), { exact: true })).toBeVisible();
  expect((await widgetApi.expected()).member.balance).toBe(before + 350);

  // Two redemptions finish "Treat yourself this month": the widget reads its data again and
  // shows the balance with the challenge's 100 points, not only the redemption's balance after.
  for (let i = 0; i < 2; i++) {
    await tab(w, "Rewards").click();
    await w.getByRole("button", { name: "Redeem Free standard shipping" }).click();
    await w.getByRole("dialog", { name: /^Redeem / }).getByRole("button", { name: "Confirm" }).click();
    await w.getByRole("dialog", { name: "Here's your reward" }).getByRole("button", { name: "Close" }).click();
  }
  await tab(w, "Home").click();
  await expect(w.locator("[part~=badges]")).toHaveText("Your badges: Insider · Treat seeker");
  await expect(w.getByText(points(before + 350 - 600 + 100), { exact: true })).toBeVisible();
});
