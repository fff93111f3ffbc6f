// The demo's theming page: the same widget as three shops (custom properties and ::part() only)
// and the default, in light, dark and Persian, each passing axe.
const fs = require("fs");
const path = require("path");
const { test, expect, noViolations } = require("./fixtures");

const SHOPS = ["default", "harbour", "bloom", "noir"];
const sheet = fs.readFileSync(path.join(__dirname, "../../demo/theming.css"), "utf8");

/** Each shop's active tab colour, its card's padding and corner, and its root's theme and dir. */
const looks = (page) =>
  page.evaluate((shops) => {
    const out = {};
    for (const shop of shops) {
      const root = document.querySelector(`#${shop} laurel-widget`).shadowRoot;
      const tab = getComputedStyle(root.querySelector('.tab[aria-current="page"]'));
      const base = getComputedStyle(root.querySelector('[part~="base"]'));
      const r = root.querySelector(".root");
      out[shop] = { tab: tab.backgroundColor, padding: base.paddingInlineStart, corner: base.borderTopLeftRadius, theme: r.dataset.theme, dir: r.dir };
    }
    return out;
  }, SHOPS);

async function open(page, query) {
  await page.goto(`/theming.html?as=member&${query}`);
  for (const shop of SHOPS) await expect(page.locator(`#${shop} laurel-widget section[aria-busy=false]`)).toBeVisible();
}

test("three shops and the default, themed by custom properties and ::part() alone, each showing its CSS", async ({ page }) => {
  await open(page, "theme=light&lang=en");
  for (const shop of SHOPS) {
    await expect(page.locator(`#${shop} laurel-widget`).getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  }
  expect(await looks(page)).toEqual({
    default: { tab: "rgb(47, 107, 58)", padding: "20px", corner: "12px", theme: "light", dir: "ltr" },
    harbour: { tab: "rgb(11, 57, 84)", padding: "15px", corner: "0px", theme: "light", dir: "ltr" },
    bloom: { tab: "rgb(163, 17, 79)", padding: "28px", corner: "24px", theme: "light", dir: "ltr" },
    noir: { tab: "rgb(212, 175, 55)", padding: "20px", corner: "2px", theme: "light", dir: "ltr" },
  });
  // What each shop shows is its part of the stylesheet, word for word.
  for (const shop of ["harbour", "bloom", "noir"]) {
    const shown = await page.locator(`[data-css-of="${shop}"]`).textContent();
    expect(shown).toContain(`#${shop} laurel-widget {`);
    expect(sheet.replace(/\s+/g, " ")).toContain(shown.replace(/\s+/g, " "));
  }
  await expect(page.getByRole("link", { name: "Light" })).toHaveAttribute("aria-current", "page");
  await noViolations(page, "main");
});

test("the switches give the same page in dark and in Persian, right to left, and it still passes axe", async ({ page }) => {
  await open(page, "theme=dark&lang=fa");
  const l = await looks(page);
  // The shops' light-dark() colours follow the widget's theme; Noir's fixed colours do not.
  expect(l.default.tab).toBe("rgb(134, 201, 148)");
  expect(l.harbour.tab).toBe("rgb(156, 201, 232)");
  expect(l.bloom.tab).toBe("rgb(245, 143, 186)");
  expect(l.noir.tab).toBe("rgb(212, 175, 55)");
  for (const shop of SHOPS) expect(l[shop]).toMatchObject({ theme: "dark", dir: "rtl" });
  const balance = await page.locator("#default laurel-widget [part~=balance] strong").textContent();
  expect(balance).toMatch(/[۰-۹]/);
  await expect(page.getByRole("link", { name: "Dark" })).toHaveAttribute("aria-current", "page");
  await noViolations(page, "main");
});

test("a switch value that is not offered falls back to the default and is never echoed", async ({ page }) => {
  await open(page, 'theme="><script>alert(1)</script>&lang=xx');
  expect(await looks(page)).toMatchObject({ default: { theme: "light", dir: "ltr" } });
  expect(await page.content()).not.toContain("alert(1)");
});
