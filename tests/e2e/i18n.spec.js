// The shopper's language: Thai, Indonesian and Persian (right to left) beside English, chosen by
// data-locale, then <html lang>, then the browser's language; numbers and dates through Intl.
const { test, expect, rewrite, withAttrs, noViolations } = require("./fixtures");

const inline = (page) => page.locator("#loyalty laurel-widget");

const plainPage = (page, change) => rewrite(page, /\/plain\.html/, change);
const withLocale = (tag) => withAttrs(`data-locale="${tag}"`);

test("data-locale=\"fa-IR\": Persian, right to left, with Persian digits, and only the Persian wasm loads", async ({ page }) => {
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await plainPage(page, withLocale("fa-IR"));
  await page.goto("/plain.html?as=member");
  const w = inline(page);
  await expect(w.getByRole("heading", { name: "سلام Maya" })).toBeVisible();
  await expect(w.getByRole("navigation", { name: "بخش‌های جایزه" })).toBeVisible();
  // 640 points, in Persian digits.
  await expect(w.getByText(/۶۴۰/).first()).toBeVisible();
  const root = await w.evaluate((host) => {
    const el = host.shadowRoot.querySelector(".root");
    return { dir: el.getAttribute("dir"), lang: el.getAttribute("lang"), direction: getComputedStyle(el).direction };
  });
  expect(root).toEqual({ dir: "rtl", lang: "fa", direction: "rtl" });
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/\/laurel\.fa\.[0-9a-f]{10}\.wasm$/);
  // The launcher sits in the mirrored corner: bottom-end is the left in right to left.
  const launcher = page.locator("laurel-widget[placement=launcher]").getByRole("button", { name: /^جایزه‌ها/ });
  const box = await launcher.boundingBox();
  expect(box.x + box.width / 2).toBeLessThan(page.viewportSize().width / 2);
});

test("<html lang=\"th\">: Thai, with dates as Intl writes them for Thai (its calendar, its month names)", async ({ page, widgetApi }) => {
  await plainPage(page, (html) => html.replace(/<html lang="[^"]*"/, '<html lang="th"'));
  await page.goto("/plain.html?as=expiring");
  const w = inline(page);
  await expect(w.getByRole("heading", { name: "สวัสดี Eve" })).toBeVisible();
  const { member } = await widgetApi.expected();
  const thai = new Intl.DateTimeFormat("th", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${member.expiring_points.expires_on}T00:00:00Z`));
  await expect(w.getByText(/จะหมดอายุวันที่/)).toContainText(`จะหมดอายุวันที่ ${thai}`);
  expect(thai).toMatch(/[\u0E00-\u0E7F]/);
});

test("the browser's language when the page names none: Indonesian from navigator.language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "id-ID" });
  const page = await context.newPage();
  await plainPage(page, (html) => html.replace(/<html lang="[^"]*"/, "<html"));
  await page.goto("/plain.html?as=member");
  await expect(inline(page).getByRole("heading", { name: "Halo, Maya" })).toBeVisible();
  await expect(inline(page).getByRole("button", { name: "Hadiah", exact: true })).toBeVisible();
  await context.close();
});

test("an unsupported language and a region fall back: de is English, id-ID is Indonesian", async ({ page }) => {
  await plainPage(page, withLocale("de-DE"));
  await page.goto("/plain.html?as=member");
  await expect(inline(page).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
});

test("every view in Persian passes axe", async ({ page }) => {
  await plainPage(page, withLocale("fa"));
  await page.goto("/plain.html?as=member");
  const w = inline(page);
  const nav = w.getByRole("navigation", { name: "بخش‌های جایزه" });
  for (const view of ["خانه", "جایزه‌ها", "راه‌های گرفتن امتیاز", "جایزه‌های من", "تاریخچه"]) {
    await nav.getByRole("button", { name: view, exact: true }).click();
    await page.waitForTimeout(150);
    await test.step(view, () => noViolations(page, "#loyalty"));
  }
});

test("a shop's labels replace Laurel's texts in the page's language, and a bad one is named on the console", async ({ page }) => {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const labels = JSON.stringify({
    en: { redeem_short: "Claim", filter_all: "Everything", nope: "x", redeem: "Claim it" },
    th: { redeem_short: "รับเลย" },
  });
  const withLabels = withAttrs(`data-labels='${labels}'`);
  await plainPage(page, withLabels);
  await page.goto("/plain.html?as=member");
  const w = inline(page);
  await w.getByRole("button", { name: "Rewards", exact: true }).click();
  await expect(w.getByRole("button", { name: "Everything" })).toBeVisible();
  const redeem = w.locator("[part~=redeem]").first();
  await expect(redeem).toHaveText("Claim");
  // A label without the text's {reward} keeps Laurel's, and both problems are said.
  await expect(redeem).toHaveAttribute("aria-label", /^Redeem /);
  await expect.poll(() => errors.filter((e) => e.includes("data-labels")).length).toBe(2);
  expect(errors.join("\n")).toContain('data-labels: "nope" is not a label Laurel has');
  expect(errors.join("\n")).toContain('data-labels: "redeem" needs the same {placeholders}');

  // The same tag on a Thai page: the Thai label, the Thai catalog for the rest.
  await page.unroute(/\/plain\.html/);
  await plainPage(page, (html) => withLabels(html).replace(/<html lang="[^"]*"/, '<html lang="th"'));
  await page.reload();
  await w.getByRole("button", { name: "รางวัล", exact: true }).click();
  await expect(w.locator("[part~=redeem]").first()).toHaveText("รับเลย");
  await expect(w.locator("[part~=filter]").first()).not.toHaveText("Everything");
});
