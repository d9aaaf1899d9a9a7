import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, browserSkip, launch } from "../helpers/browser.js";
import { charter } from "../helpers/cli.js";
import { corpus } from "../helpers/corpus.js";

const WIDTHS = [390, 768, 1280];

/** A page that records console errors and page errors. */
async function open(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 800 } });
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A Stripe page is 10 MB: on a loaded machine its load event can take longer than the default 30 s.
  await page.goto(url, { timeout: 120_000 });
  return { page, problems };
}

function buildSite(registry: string, cwd: string): string {
  const out = join(mkdtempSync(join(tmpdir(), "charter-site-")), "site");
  const run = charter(["docs", registry, "--out", out], cwd);
  assert.equal(run.status, 0, run.stderr);
  return out;
}

/** Every page of a site, the index and the registry changelog first. */
const pagesOf = (site: string): string[] => ["index.html", "changelog.html", ...readdirSync(join(site, "contracts")).map((f) => `contracts/${f}`)];

/** At each width: the document is no wider than the viewport (wide tables scroll inside their own box). */
async function assertNoOverflow(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${name} at ${width} px is ${scrollWidth} px wide`);
    await page.screenshot({ path: join(ARTIFACTS, `docs-layout-${name.replace(/\W+/g, "-")}-${width}.png`) });
  }
}

/**
 * At each width: tables stay readable. Prose in a cell (descriptions, changes) is not squeezed to
 * a word a line and starts level with its row's first cell; short facts (kind, owner, version) hold
 * one line; from 768 px on, a table of up to four columns (members, RPCs, parameters) needs no
 * scrolling of its own (six columns of changes may). Returns what is not.
 */
async function unreadableCells(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const found = await page.evaluate(() => {
      const cells = Array.from(document.querySelectorAll<HTMLTableCellElement>("td.prose, td.nowrap")).filter((cell) => cell.textContent!.trim());
      const [own, first] = [cells, cells.map((cell) => (cell.parentElement as HTMLTableRowElement).cells[0])].map((list) =>
        // The boxes of the cell's text, line by line (an element's own box would count as a line).
        list.map((cell) => {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          const rects: DOMRect[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            rects.push(...Array.from(range.getClientRects()).filter((r) => r.width > 0));
          }
          return rects;
        }),
      );
      const out: string[] = [];
      cells.forEach((cell, i) => {
        const text = `"${cell.textContent!.trim().slice(0, 30)}"`;
        if (cell.classList.contains("nowrap")) {
          if (new Set(own[i].map((r) => Math.round(r.top))).size > 1) out.push(`${text} wraps`);
          return;
        }
        const { width } = cell.getBoundingClientRect();
        if (width < 150) out.push(`${text} squeezed to ${width.toFixed(0)} px`);
        const drop = own[i][0].top - first[i][0].top;
        if (Math.abs(drop) > 4) out.push(`${text} starts ${drop.toFixed(0)} px below its row`);
      });
      return out;
    });
    if (width >= 768) {
      const scrolled = await page.evaluate(() => Array.from(document.querySelectorAll(".scroll")).filter((box) => box.querySelectorAll("thead th").length <= 4 && box.scrollWidth > box.clientWidth).map((box) => box.querySelector("th")?.textContent ?? "a table"));
      found.push(...scrolled.map((th) => `the table headed "${th}" scrolls`));
    }
    problems.push(...found.map((p) => `${width} px: ${p}`));
  }
  return problems;
}

const stripe = corpus("real-world/stripe");
const asyncapiSpec = corpus("real-world/asyncapi-spec");
const STRIPE_PAGE = "contracts/openapi-stripe-openapi-yaml.html";

/**
 * A site of a real-world registry, built once: one Stripe spec (the corpus' newest revision), the
 * AsyncAPI specification's 3.0.0 examples (their ids repeat across versions, so one version), and
 * a googleapis-style proto package of ours whose RPCs map to REST (`google.api.http`).
 */
let stripeSite: string | undefined;
function stripeRegistrySite(): string {
  if (!stripeSite) {
    const dir = mkdtempSync(join(tmpdir(), "charter-stripe-"));
    mkdirSync(join(dir, "contracts"));
    copyFileSync(join(stripe.dir!, "551", "revision.yaml"), join(dir, "contracts", "stripe.openapi.yaml"));
    if (asyncapiSpec.dir) {
      const examples = join(asyncapiSpec.dir, "v3.0.0", "examples");
      mkdirSync(join(dir, "contracts", "asyncapi"));
      for (const file of readdirSync(examples).filter((f) => f.endsWith(".yml"))) copyFileSync(join(examples, file), join(dir, "contracts", "asyncapi", file));
    }
    cpSync(join("test", "docs", "fixtures", "googleapis-style"), join(dir, "contracts"), { recursive: true });
    stripeSite = buildSite("contracts", dir);
  }
  return stripeSite;
}

/** The sidebar's links whose target is not on the page. */
const deadSidebarLinks = (page: Page): Promise<string[]> =>
  page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>("nav.sidebar a")).map((a) => a.getAttribute("href")!).filter((href) => !document.getElementById(href.slice(1))));

describe("the docs site's layout in headless Chromium", { skip: browserSkip() }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it("does not overflow at 390, 768 and 1280 px on the example registry", async () => {
    const site = buildSite("contracts", process.cwd());
    for (const file of pagesOf(site)) {
      const { page, problems } = await open(browser, pathToFileURL(join(site, file)).href);
      await assertNoOverflow(page, file);
      assert.deepEqual(await unreadableCells(page), [], file);
      if (file.startsWith("contracts/asyncapi-urn-shop-orders-events")) {
        // The payload is a `$ref`: rendered once in the schema section, opened in place when in view.
        const payload = page.locator('.message details.schema-ref[data-ref="#schema-OrderPaid"]');
        await payload.locator(".schema-children .prop", { hasText: /^orderId$/ }).waitFor();
        assert.ok(await payload.evaluate((details) => (details as HTMLDetailsElement).open));
      }
      if (file.startsWith("contracts/")) {
        assert.ok((await page.locator("nav.sidebar a").count()) > 1, `${file} has a sidebar`);
        assert.deepEqual(await deadSidebarLinks(page), [], file);
      }
      assert.deepEqual(problems, [], file);
      await page.close();
    }
  });

  it("does not overflow on a real-world registry (Stripe, AsyncAPI's examples, googleapis-style protos), and expands a reference in place", { skip: stripe.skip, timeout: 600_000 }, async () => {
    const site = stripeRegistrySite();
    const pages = pagesOf(site);
    assert.ok(pages.filter((file) => file.startsWith("contracts/asyncapi-")).length >= 19, "a page per AsyncAPI example");
    assert.ok(pages.includes("contracts/proto-library-v1.html"), "the googleapis-style package's page");
    for (const file of pages) {
      const { page, problems } = await open(browser, pathToFileURL(join(site, file)).href);
      await assertNoOverflow(page, `stripe-${file}`);
      if (file === STRIPE_PAGE) {
        // A `$ref` is rendered once, in the schema section, and copied in place when opened.
        const ref = page.locator('details.schema-ref[data-ref="#schema-customer"]').first();
        // Opened as a reader's click would (a click waits for a 9 MB page to hold still).
        await ref.evaluate((details) => ((details as HTMLDetailsElement).open = true));
        await ref.locator(".schema-children").first().waitFor();
        assert.ok(await ref.locator(".schema-children .prop", { hasText: /^email$/ }).count() > 0, "the customer's properties appear in place");
        assert.equal(await ref.locator("[id]").count(), 0, "the copy carries no ids of its own");
        await page.setViewportSize({ width: 1280, height: 800 });
        await ref.evaluate((details) => details.scrollIntoView());
        await page.screenshot({ path: join(ARTIFACTS, "docs-layout-stripe-expanded-ref.png") });
      }
      assert.deepEqual(problems, [], file);
      await page.close();
    }
  });

  it("has a sidebar on the Stripe page that reaches every operation", { skip: stripe.skip, timeout: 600_000 }, async () => {
    const site = stripeRegistrySite();
    const { page, problems } = await open(browser, pathToFileURL(join(site, STRIPE_PAGE)).href);
    await page.setViewportSize({ width: 1280, height: 800 });
    const operations = await page.evaluate(() => Array.from(document.querySelectorAll("article.operation")).map((op) => op.id));
    const linked = new Set(await page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>("nav.sidebar a")).map((a) => a.getAttribute("href"))));
    assert.ok(operations.length > 400, `${operations.length} operations`);
    assert.deepEqual(operations.filter((id) => !linked.has(`#${id}`)), [], "operations the sidebar does not reach");
    assert.deepEqual(await deadSidebarLinks(page), []);
    // Following the sidebar's last operation link scrolls that operation into view.
    const last = operations[operations.length - 1];
    assert.ok(await page.evaluate(() => (document.getElementById("sidebar") as HTMLDetailsElement).open), "open beside the page at 1280 px");
    await page.locator(`nav.sidebar a[href="#${last}"]`).evaluate((a) => (a as HTMLAnchorElement).click());
    await page.waitForFunction((id) => location.hash === `#${id}`, last);
    const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, last);
    assert.ok(top >= 0 && top < 800, `the operation is in view (top ${top})`);
    await page.screenshot({ path: join(ARTIFACTS, "docs-layout-stripe-sidebar-1280.png") });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS, "docs-layout-stripe-sidebar-390.png") });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
