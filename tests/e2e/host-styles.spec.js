// The host page cannot reach inside: under a theme, a reset, a framework's base sheet from npm,
// inherited text styles on <body> and `* { all: unset !important }`, every element inside the
// widget has the same computed style and size as on the bare page.
const fs = require("fs");
const path = require("path");
const { test, expect, rewrite } = require("./fixtures");

const npmSheet = (file) => fs.readFileSync(path.join(__dirname, "../../node_modules", file), "utf8");

const SHEETS = {
  // What popular storefront themes do.
  theme: `
    html { font-size: 62.5%; }
    div:empty, :empty { display: none !important; }
    body { font-size: 1.4rem; }
    section, div, p, ul, li, h2, h3, button, a, span, strong { margin: 3rem !important; padding: 2rem; }
    button { font-size: 2rem; text-transform: uppercase; border-radius: 0; background: hotpink; }
    a { color: orange !important; text-decoration: underline wavy; }
    [part], [class] { outline: 5px solid red; }`,
  reset: npmSheet("the-new-css-reset/css/reset.css"),
  normalize: npmSheet("modern-normalize/modern-normalize.css"),
  bootstrap: npmSheet("bootstrap/dist/css/bootstrap.min.css"),
  inherited: `
    body {
      font: italic 700 22px/3 "Comic Sans MS", fantasy;
      color: rgb(200, 0, 0);
      letter-spacing: 4px;
      word-spacing: 10px;
      text-transform: uppercase;
      text-align: center;
      direction: rtl;
      visibility: visible;
      cursor: wait;
      text-shadow: 2px 2px red;
    }`,
  "all-unset": `* { all: unset !important; }`,
};

/** Every element in every Laurel shadow root, in order, with its computed style and size. */
function snapshot(page) {
  return page.evaluate(async () => {
    // Two frames: content-visibility decides which cards are near the viewport at a rendering
    // update, and until then a card has its placeholder size.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const out = [];
    for (const host of document.querySelectorAll("laurel-widget, laurel-points")) {
      for (const el of host.shadowRoot.querySelectorAll("*")) {
        const cs = getComputedStyle(el);
        const style = {};
        for (const prop of cs) style[prop] = cs.getPropertyValue(prop);
        const r = el.getBoundingClientRect();
        out.push({ el: `${el.tagName.toLowerCase()}.${el.className}`, width: r.width, height: r.height, style });
      }
    }
    return out;
  });
}

/** The differences between two snapshots, as readable lines. */
function differences(bare, styled) {
  const lines = [];
  if (bare.length !== styled.length) lines.push(`element count ${bare.length} vs ${styled.length}`);
  for (let i = 0; i < Math.min(bare.length, styled.length); i++) {
    const a = bare[i];
    const b = styled[i];
    if (a.el !== b.el) lines.push(`#${i}: ${a.el} vs ${b.el}`);
    if (Math.abs(a.width - b.width) > 0.01 || Math.abs(a.height - b.height) > 0.01) {
      lines.push(`#${i} ${a.el}: size ${a.width}x${a.height} vs ${b.width}x${b.height}`);
    }
    for (const prop of Object.keys(a.style)) {
      if (a.style[prop] !== b.style[prop]) lines.push(`#${i} ${a.el}: ${prop} ${a.style[prop]} vs ${b.style[prop]}`);
    }
  }
  return lines;
}

/** The plain demo page as a member, with `css` added as the shop's own same-origin stylesheet. */
async function load(page, css) {
  if (css !== undefined) {
    await page.route("**/__shop.css", (route) => route.fulfill({ contentType: "text/css", body: css }));
    await rewrite(page, /\/plain\.html/, (html) => html.replace("</head>", '<link rel="stylesheet" href="/__shop.css" /></head>'));
  }
  // No motion: a nudge popping in would be caught at another moment of its animation.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/plain.html?as=member");
  const inline = page.locator("#loyalty laurel-widget");
  await expect(inline.getByRole("heading", { name: /^Hi / })).toBeVisible();
  await expect(page.locator("laurel-widget[placement=launcher]").getByRole("button", { name: /^Rewards/ })).toBeVisible();
  // Fonts and images settle before anything is measured.
  await page.evaluate(() => document.fonts.ready);
}

/** Home, then Rewards in both the inline widget and the launcher's open panel. */
async function states(page) {
  const home = await snapshot(page);
  await page.evaluate(() => window.Laurel.open("rewards"));
  await expect(page.locator("laurel-widget[placement=launcher]").getByRole("dialog")).toBeVisible();
  await expect(page.locator("#loyalty laurel-widget").getByRole("button", { name: "Rewards", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const rewards = await snapshot(page);
  return { home, rewards };
}

let bare;

test.describe.configure({ mode: "serial" });
// Tall enough that every reward card is near the viewport: off-screen cards skip layout
// (content-visibility: auto), so their size would depend on where each page puts the widget.
test.use({ viewport: { width: 1280, height: 8000 } });

test("the bare page renders the widget", async ({ page }) => {
  await load(page);
  bare = await states(page);
  expect(bare.home.length).toBeGreaterThan(20);
  expect(bare.rewards.length).toBeGreaterThan(bare.home.length);
});

for (const [name, css] of Object.entries(SHEETS)) {
  test(`under the ${name} stylesheet every element inside looks the same as on the bare page`, async ({ page }) => {
    expect(bare, "the bare page ran first").toBeTruthy();
    await load(page, css);
    const styled = await states(page);
    expect(differences(bare.home, styled.home)).toEqual([]);
    expect(differences(bare.rewards, styled.rewards)).toEqual([]);
  });
}

test("the page's own font size does not scale the widget, but --laurel-font-size does", async ({ page }) => {
  await load(page, "html { font-size: 40px; } #loyalty { --laurel-font-size: 20px; }");
  const sizes = await page.locator("#loyalty laurel-widget").evaluate((host) => {
    const root = host.shadowRoot.querySelector(".root");
    return { root: getComputedStyle(root).fontSize, html: getComputedStyle(document.documentElement).fontSize };
  });
  expect(sizes).toEqual({ root: "20px", html: "40px" });
});

test("custom properties set on an ancestor and ::part() rules theme the widget", async ({ page }) => {
  await load(page, "body { --laurel-color-accent: rgb(123, 44, 191); } laurel-widget::part(base) { border-radius: 3px; }");
  const styles = await page.locator("#loyalty laurel-widget").evaluate((host) => {
    const tab = host.shadowRoot.querySelector('.tab[aria-current="page"]');
    const base = host.shadowRoot.querySelector('[part~="base"]');
    return { tab: getComputedStyle(tab).backgroundColor, radius: getComputedStyle(base).borderTopLeftRadius };
  });
  expect(styles).toEqual({ tab: "rgb(123, 44, 191)", radius: "3px" });
});

test("spacing and the launcher's size, offset, layer and panel width are custom properties too", async ({ page }) => {
  const measure = () =>
    page.evaluate(() => {
      const inline = document.querySelector("#loyalty laurel-widget").shadowRoot;
      const launcher = document.querySelector("laurel-widget[placement=launcher]").shadowRoot;
      const button = launcher.querySelector(".launcher-button").getBoundingClientRect();
      const panel = launcher.querySelector(".launcher-panel");
      return {
        padding: getComputedStyle(inline.querySelector('[part~="base"]')).paddingInlineStart,
        spacing: getComputedStyle(inline.querySelector(".balance")).marginBlockEnd,
        offset: [innerWidth - button.right, innerHeight - button.bottom].map(Math.round),
        size: getComputedStyle(launcher.querySelector(".launcher-button")).fontSize,
        layer: getComputedStyle(launcher.querySelector(".launcher")).zIndex,
        panel: panel && !panel.hidden ? Math.round(panel.getBoundingClientRect().width) : null,
      };
    });
  const open = async () => {
    await page.locator("laurel-widget[placement=launcher]").getByRole("button", { name: /^Rewards/ }).click();
    await expect(page.locator("laurel-widget[placement=launcher]").getByRole("dialog")).toBeVisible();
  };
  await load(page);
  await open();
  expect(await measure()).toEqual({ padding: "20px", spacing: "12px", offset: [20, 20], size: "16px", layer: "2147482000", panel: 416 });

  await load(
    page,
    `body { --laurel-padding: 30px; --laurel-spacing: 5px; --laurel-launcher-offset: 40px;
       --laurel-launcher-size: 20px; --laurel-launcher-z-index: 7; --laurel-panel-width: 300px; }`,
  );
  await open();
  expect(await measure()).toEqual({ padding: "30px", spacing: "5px", offset: [40, 40], size: "20px", layer: "7", panel: 300 });
});
