import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, browserSkip, launch } from "../helpers/browser.js";
import { charter, tempTree } from "../helpers/cli.js";

/** A page that records what a reader should never see: console errors, page errors, dialogs. */
async function open(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.goto(url);
  return { page, problems };
}

function buildSite(registry: string, cwd?: string): string {
  const out = join(mkdtempSync(join(tmpdir(), "charter-site-")), "site");
  const run = charter(["docs", registry, "--out", out], cwd);
  assert.equal(run.status, 0, run.stderr);
  return out;
}

describe("the docs site in headless Chromium", { skip: browserSkip() }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it("finds a field from the index and follows it to its contract and changelog", async () => {
    const site = buildSite("contracts");
    const { page, problems } = await open(browser, pathToFileURL(join(site, "index.html")).href);
    assert.equal(await page.locator("tr.contract-row").count(), 6);
    await page.screenshot({ path: join(ARTIFACTS, "docs-index.png"), fullPage: true });

    await page.fill("#search", "price_minor");
    const result = page.locator('#search-results [role="option"]').first();
    await result.waitFor();
    await result.click();
    await page.waitForURL(/#field-/);
    assert.match(page.url(), /contracts\/proto-shop-catalog-v1\.html#field-shop-catalog-v1-Item-price_minor$/);
    assert.ok(await page.locator("#field-shop-catalog-v1-Item-price_minor").isVisible());
    await page.screenshot({ path: join(ARTIFACTS, "docs-contract.png"), fullPage: true });

    await page.click("a#changelog-link");
    assert.ok(await page.locator("section#changelog").isVisible());
    await page.screenshot({ path: join(ARTIFACTS, "docs-changelog.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("renders hostile contract text inert: no dialog, no script runs", async () => {
    const attack = '<script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned = 2; alert(2)"> [click](javascript:alert(3))';
    const quoted = JSON.stringify(attack);
    const registry = tempTree({
      "reg/charter.yaml": 'version: 1\ncontracts:\n  "**": { owner: team }\n',
      "reg/api.openapi.yaml": `openapi: 3.0.3\ninfo: { title: Evil, version: "1", description: ${quoted} }\npaths:\n  /x:\n    get:\n      operationId: x\n      description: ${quoted}\n      responses: { "200": { description: ${quoted} } }\n`,
      "reg/events.asyncapi.yaml": `asyncapi: 3.0.0\ninfo: { title: Evil, version: "1", description: ${quoted} }\nchannels:\n  c:\n    address: evil.v1\n    description: ${quoted}\n    messages:\n      m: { payload: { type: object, description: ${quoted} } }\n`,
      "reg/thing.schema.json": JSON.stringify({ $id: "urn:evil", description: attack, type: "object", properties: { a: { type: "string", description: attack } } }),
      "reg/evil.proto": `syntax = "proto3";\npackage evil.v1;\n// ${attack}\nmessage M {\n  // ${attack}\n  string a = 1;\n}\n`,
    });
    const site = buildSite("reg", registry);
    for (const file of ["index.html", "contracts/openapi-api-openapi-yaml.html"]) {
      const { page, problems } = await open(browser, pathToFileURL(join(site, file)).href);
      await page.fill("#search", "Evil");
      await page.waitForTimeout(50);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, file);
      assert.deepEqual(problems.filter((p) => p.startsWith("dialog")), [], file);
      await page.screenshot({ path: join(ARTIFACTS, `docs-xss-${file.replace(/\W/g, "-")}.png`), fullPage: true });
      await page.close();
    }
  });
});
