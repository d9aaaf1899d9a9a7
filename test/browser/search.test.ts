import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, browserSkip, launch } from "../helpers/browser.js";
import { charter } from "../helpers/cli.js";
import { corpus } from "../helpers/corpus.js";

function buildSite(registry: string, cwd: string): string {
  const out = join(mkdtempSync(join(tmpdir(), "charter-site-")), "site");
  const run = charter(["docs", registry, "--out", out], cwd);
  assert.equal(run.status, 0, run.stderr);
  return out;
}

/** A page that records console errors, page errors, and every search file it loads. */
async function open(browser: Browser, url: string): Promise<{ page: Page; problems: string[]; loaded: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  const loaded: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => request.url().includes("/search/") && loaded.push(request.url().replace(/.*\/search\//, "")));
  await page.goto(url);
  return { page, problems, loaded };
}

/**
 * Types a query, moves down the listbox with the arrow keys to the result titled `title` and
 * opens it with Enter, checking the combobox's roles and active descendant on the way.
 */
async function searchAndOpen(page: Page, query: string, title: string, screenshot: string): Promise<void> {
  const input = page.locator("#search");
  await input.fill(query);
  const count = page.locator("#search-count");
  await page.waitForFunction(() => /result/.test(document.getElementById("search-count")!.textContent ?? ""));
  assert.match((await count.textContent())!, /^\d+ results?/, `a count for ${query}`);
  assert.equal(await input.getAttribute("role"), "combobox");
  assert.equal(await input.getAttribute("aria-expanded"), "true");
  const titles = await page.locator('#search-results[role="listbox"] > [role="option"] .result-title').allTextContents();
  const at = titles.indexOf(title);
  assert.ok(at >= 0, `${title} among the results for ${query}: ${titles.slice(0, 10).join(", ")}`);
  for (let i = 0; i <= at; i++) await input.press("ArrowDown");
  const active = await input.getAttribute("aria-activedescendant");
  const option = page.locator(`#${active}`);
  assert.equal(await option.getAttribute("role"), "option");
  assert.equal(await option.getAttribute("aria-selected"), "true");
  assert.equal(await option.locator(".result-title").textContent(), title);
  assert.equal(await page.locator('[role="option"][aria-selected="true"]').count(), 1, "one option selected");
  await page.screenshot({ path: join(ARTIFACTS, `docs-search-${screenshot}.png`) });
  const href = (await option.getAttribute("data-href"))!;
  await input.press("Enter");
  const id = href.split("#")[1];
  // A Stripe page is 9 MB: on a loaded machine its load event can take a while.
  await page.waitForFunction((want) => location.hash === `#${want}`, id, { timeout: 120_000 });
  await page.locator(`[id="${id}"]`).waitFor({ state: "visible", timeout: 120_000 });
}

const stripe = corpus("real-world/stripe");

describe("search in headless Chromium", { skip: browserSkip() }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it("finds a field of the example registry by its name and by a word of its description, and Enter opens it", async () => {
    const site = buildSite("contracts", process.cwd());
    const { page, problems, loaded } = await open(browser, pathToFileURL(join(site, "index.html")).href);
    assert.deepEqual(loaded, [], "nothing of the index loads before a query");
    await searchAndOpen(page, "price_minor", "Item.price_minor", "example-name");
    assert.match(page.url(), /contracts\/proto-shop-catalog-v1\.html#field-shop-catalog-v1-Item-price_minor$/);
    // "Price in the smallest unit of the currency (cents)."
    await searchAndOpen(page, "cents", "Item.price_minor", "example-description");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("says when nothing matches, and Escape closes the results", async () => {
    const site = buildSite("contracts", process.cwd());
    const { page, problems } = await open(browser, pathToFileURL(join(site, "index.html")).href);
    await page.fill("#search", "zzzqqq");
    await page.locator("#search-count", { hasText: "No matches" }).waitFor();
    assert.equal(await page.locator('[role="option"]').count(), 0);
    await page.press("#search", "Escape");
    assert.ok(await page.locator("#search-panel").isHidden());
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("finds a Stripe field by its name and by words of its description, loading only part of the index", { skip: stripe.skip, timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "charter-stripe-"));
    mkdirSync(join(dir, "contracts"));
    copyFileSync(join(stripe.dir!, "551", "revision.yaml"), join(dir, "contracts", "stripe.openapi.yaml"));
    const site = buildSite("contracts", dir);
    const { page, problems, loaded } = await open(browser, pathToFileURL(join(site, "index.html")).href);
    await searchAndOpen(page, "invoice_prefix", "customer.invoice_prefix", "stripe-name");
    // "The prefix for the customer used to generate unique invoice numbers."
    const second = await open(browser, pathToFileURL(join(site, "index.html")).href);
    await searchAndOpen(second.page, "generate unique invoice numbers", "customer.invoice_prefix", "stripe-description");
    for (const files of [loaded, second.loaded]) {
      assert.ok(files.includes("manifest.js"));
      assert.ok(files.length < 12, `a query loads a few files of the index: ${files.join(", ")}`);
    }
    assert.deepEqual([...problems, ...second.problems], []);
    await page.close();
    await second.page.close();
  });
});
