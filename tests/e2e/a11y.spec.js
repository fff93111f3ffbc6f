// axe (WCAG 2.x A and AA rules) on every view and overlay a shopper can open.
const { test, expect, rewrite, withAttrs, noViolations } = require("./fixtures");

const tab = (scope, name) => scope.getByRole("navigation", { name: "Rewards sections" }).getByRole("button", { name, exact: true });

/** The view on screen, then each of `views` in turn, passes axe. */
async function viewsPassAxe(page, w, views) {
  await noViolations(page, "#loyalty");
  for (const view of views) {
    await tab(w, view).click();
    await expect(tab(w, view)).toHaveAttribute("aria-current", "page");
    await page.waitForTimeout(200);
    await noViolations(page, "#loyalty");
  }
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
    await viewsPassAxe(page, w, views);
  });
}

for (const [persona, views] of [
  ["member", ["Rewards", "Ways to earn", "My rewards", "History", "How it works"]],
  ["guest", ["Rewards"]],
  ["nonmember", []],
]) {
  test(`${persona}: every view passes axe in the dark theme`, async ({ page }) => {
    await rewrite(page, /\/plain\.html/, withAttrs('data-theme="dark"'));
    await page.goto(`/plain.html?as=${persona}`);
    const w = page.locator("#loyalty");
    await expect(w.locator("section[aria-busy=false]")).toBeVisible();
    const surface = await w.locator("section.laurel").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(surface).toBe("rgb(24, 27, 34)");
    await viewsPassAxe(page, w, views);
  });
}

test("data-theme=auto follows the system setting while the page is open", async ({ page }) => {
  await rewrite(page, /\/plain\.html/, withAttrs('data-theme="auto"'));
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/plain.html?as=member");
  const card = page.locator("#loyalty section.laurel");
  const colours = () => card.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  await expect.poll(colours).toEqual(["rgb(255, 255, 255)", "rgb(31, 36, 48)"]);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(colours).toEqual(["rgb(24, 27, 34)", "rgb(230, 232, 238)"]);
  await noViolations(page, "#loyalty");
  // The default stays light whatever the system says; a shop's own colour wins in both.
  await page.unrouteAll();
  await page.goto("/plain.html?as=member");
  await expect.poll(colours).toEqual(["rgb(255, 255, 255)", "rgb(31, 36, 48)"]);
  await page.locator("#loyalty").evaluate((el) => el.style.setProperty("--laurel-color-surface", "rgb(1, 2, 3)"));
  await expect.poll(colours).toEqual(["rgb(1, 2, 3)", "rgb(31, 36, 48)"]);
});

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
  await host.getByRole("button", { name: "Redeem Free standard shipping" }).click();
  await host.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(host.getByRole("dialog", { name: "Here's your reward" })).toBeVisible();
  await noViolations(page, "laurel-widget[placement=launcher]");

  await page.route(/\/v1\/widget$/, (route) => route.fulfill({ status: 500, contentType: "application/problem+json", body: '{"type":"https://laurel.dev/problems/internal","title":"Down","status":500}' }));
  await page.goto("/?as=member");
  await expect(page.locator("#loyalty").getByRole("alert")).toBeVisible({ timeout: 15_000 });
  await noViolations(page, "#loyalty");
});

/** Every element of the widget's shadow trees, with its box and computed motion. */
async function widgetElements(page) {
  return page.evaluate(() => {
    const out = [];
    for (const host of document.querySelectorAll("laurel-widget, laurel-points")) {
      for (const el of host.shadowRoot ? host.shadowRoot.querySelectorAll("*") : []) {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        out.push({
          tag: el.tagName.toLowerCase(),
          text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40),
          interactive: el.matches("button, a[href], input, select") && r.width > 0,
          inline: el.matches("a[href]") && getComputedStyle(el.parentElement).display !== "flex" && el.parentElement.textContent.trim() !== el.textContent.trim(),
          width: r.width,
          height: r.height,
          animation: s.animationName,
          transition: s.transitionDuration.split(",").some((d) => parseFloat(d) > 0),
        });
      }
    }
    return out;
  });
}

test("every target is at least 24 by 24 px, but links inside a sentence (WCAG 2.5.8)", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 900 });
  for (const persona of ["member", "nonmember", "guest"]) {
    await page.goto(`/?as=${persona}`);
    const w = page.locator("#loyalty");
    await expect(w.locator("section[aria-busy=false]")).toBeVisible();
    for (const view of persona === "member" ? ["Home", "Rewards", "Ways to earn", "My rewards", "History"] : ["Home"]) {
      await tab(w, view).click();
      await page.waitForTimeout(150);
      const small = (await widgetElements(page)).filter((e) => e.interactive && !e.inline && (e.width < 24 || e.height < 24));
      expect(small, `${persona} ${view}`).toEqual([]);
    }
  }
});

test("with reduced motion nothing in the widget animates or transitions", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.route(/\/v1\/widget$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto("/?as=member");
  // The loading skeleton is the widget's one animation.
  await expect(page.locator("#loyalty").getByRole("status").first()).toBeVisible();
  const moving = (await widgetElements(page)).filter((e) => e.animation !== "none" || e.transition);
  expect(moving).toEqual([]);
  await page.emulateMedia({ reducedMotion: "no-preference" });
  const pulsing = (await widgetElements(page)).filter((e) => e.animation !== "none");
  expect(pulsing.length).toBeGreaterThan(0);
});

test("under 480 px the launcher's panel is a full-screen sheet with a visible close button", async ({ page }) => {
  for (const width of [320, 479]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto("/product.html?as=member");
    const host = page.locator("laurel-widget[placement=launcher]");
    await host.getByRole("button", { name: /^Rewards/, expanded: false }).click();
    const panel = host.getByRole("dialog", { name: "Rewards" });
    await expect(panel).toBeVisible();
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width, height: 700 });
    const close = panel.getByRole("button", { name: /close/i });
    await expect(close).toBeInViewport({ ratio: 1 });
    await close.click();
    await expect(panel).toBeHidden();
  }
  // Wider, it is a card by the launcher button.
  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto("/product.html?as=member");
  const host = page.locator("laurel-widget[placement=launcher]");
  await host.getByRole("button", { name: /^Rewards/, expanded: false }).click();
  const box = await host.getByRole("dialog", { name: "Rewards" }).boundingBox();
  expect(box.width).toBeLessThan(500);
});

test("at 320 px nothing scrolls sideways: every view, the launcher's panel and the dialog (WCAG 1.4.10)", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = () =>
    page.evaluate(() => {
      const wide = [];
      for (const host of document.querySelectorAll("laurel-widget")) {
        for (const el of host.shadowRoot ? host.shadowRoot.querySelectorAll("*") : []) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5)) wide.push(`${el.tagName} ${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
      }
      return { scroll: document.documentElement.scrollWidth, wide };
    });
  await page.goto("/?as=top");
  const w = page.locator("#loyalty");
  for (const view of ["Home", "Rewards", "Ways to earn", "My rewards", "History", "How it works"]) {
    await tab(w, view).click();
    await page.waitForTimeout(150);
    expect(await overflow(), view).toEqual({ scroll: 320, wide: [] });
  }
  await page.goto("/product.html?as=member");
  const host = page.locator("laurel-widget[placement=launcher]");
  await host.getByRole("button", { name: /^Rewards/, expanded: false }).click();
  await tab(host, "Rewards").click();
  expect(await overflow(), "launcher panel").toEqual({ scroll: 320, wide: [] });
  await host.getByRole("button", { name: /^Redeem / }).first().click();
  await expect(host.getByRole("dialog", { name: /^Redeem / })).toBeVisible();
  expect(await overflow(), "redeem dialog").toEqual({ scroll: 320, wide: [] });
});
