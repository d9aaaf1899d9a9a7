import assert from "node:assert/strict";
import { describe, it, before } from "node:test";
import { renderMarkdown } from "../../src/docs/markdown.js";
import { buildSite } from "../../src/docs/site.js";
import type { Snapshot } from "../../src/registry/snapshot.js";

// Contract text is the attacker's: every description below tries a different way into the page.
const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const LINK = "[x](javascript:alert(1))";
const ALL = `${SCRIPT} ${IMG} ${LINK}`;
const yamlString = (text: string) => JSON.stringify(text);

const openapi = `openapi: 3.1.0
info:
  title: ${yamlString(`Evil ${SCRIPT}`)}
  version: "1"
  description: ${yamlString(ALL)}
paths:
  /evil:
    get:
      operationId: ${yamlString(`get${IMG}`)}
      summary: ${yamlString(SCRIPT)}
      description: ${yamlString(ALL)}
      parameters:
        - name: ${yamlString(IMG)}
          in: query
          description: ${yamlString(ALL)}
          schema: { type: string, description: ${yamlString(ALL)}, pattern: ${yamlString(SCRIPT)} }
      responses:
        "200":
          description: ${yamlString(ALL)}
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Evil" }
components:
  schemas:
    Evil:
      type: object
      description: ${yamlString(ALL)}
      properties:
        ${yamlString(IMG)}: { type: string, description: ${yamlString(ALL)}, enum: [${yamlString(SCRIPT)}] }
`;

const asyncapi = `asyncapi: 3.0.0
id: urn:evil
info:
  title: ${yamlString(SCRIPT)}
  version: "1"
  description: ${yamlString(ALL)}
channels:
  evil:
    address: ${yamlString(IMG)}
    description: ${yamlString(ALL)}
    messages:
      evil:
        name: ${yamlString(SCRIPT)}
        description: ${yamlString(ALL)}
        x-cloudevents: { type: ${yamlString(IMG)}, source: ${yamlString(SCRIPT)} }
        payload:
          type: object
          description: ${yamlString(ALL)}
          properties:
            note: { type: string, description: ${yamlString(ALL)}, examples: [${yamlString(SCRIPT)}] }
operations:
  sendEvil:
    action: send
    description: ${yamlString(ALL)}
    channel: { $ref: "#/channels/evil" }
`;

const proto = `syntax = "proto3";

package evil.v1;

// ${ALL}
service EvilService {
  // ${ALL}
  rpc Get(Evil) returns (Evil);
}

// ${ALL}
message Evil {
  // ${ALL}
  string note = 1; // ${SCRIPT}
}

// ${ALL}
enum Kind {
  // ${IMG}
  KIND_UNSPECIFIED = 0;
}
`;

const schema = JSON.stringify({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://example.com/evil.v1.json",
  title: SCRIPT,
  description: ALL,
  type: "object",
  properties: { [IMG]: { type: "string", description: ALL, default: SCRIPT } },
});

describe("a registry whose contracts carry markup and script", () => {
  let site: Map<string, string>;
  before(async () => {
    const registry: Snapshot = {
      label: "evil",
      base: "evil",
      files: new Map([
        ["evil.openapi.yaml", openapi],
        ["evil.asyncapi.yaml", asyncapi],
        ["evil/v1/evil.proto", proto],
        ["evil.schema.json", schema],
      ]),
    };
    site = await buildSite(registry, []);
  });

  it("renders every kind of contract", () => {
    const pages = [...site.keys()].filter((p) => p.startsWith("contracts/"));
    assert.deepEqual(pages.map((p) => p.split("/")[1].split("-")[0]).sort(), ["asyncapi", "jsonschema", "openapi", "proto"]);
    // The text is there, escaped: shown to the reader, never run.
    for (const page of pages) assert.match(site.get(page)!, /(&lt;|&#x3C;)script(&gt;|&#x3E;)alert\(1\)/, page);
  });

  it("writes none of it into the HTML unescaped", () => {
    for (const [path, html] of site) {
      if (!path.endsWith(".html")) continue;
      assert.doesNotMatch(html, /<script>alert/i, path);
      assert.doesNotMatch(html, /onerror=/i, path);
      assert.doesNotMatch(html, /href="javascript:/i, path);
      // No event handler attribute on any element, and scripts only from the site's own files.
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, path);
      assert.deepEqual(html.match(/<script[^>]*>/g), ['<script src="' + (path.includes("/") ? "../" : "") + 'assets/site.js">'], path);
    }
  });

  it("keeps the search index inert", () => {
    const scripts = [...site].filter(([path]) => path.startsWith("search/"));
    assert.ok(scripts.length > 2);
    for (const [path, script] of scripts) assert.doesNotMatch(script, /[<>]/, path);
  });
});

// Descriptions may carry HTML (Stripe's do): allowed tags render, everything else stays inert.
describe("HTML in descriptions", () => {
  const VECTORS = [
    '<p onclick="alert(1)">para</p>',
    '<a href="javascript:alert(1)">js</a>',
    '<a href=" JaVaScRiPt:alert(1)">js2</a>',
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    '<a href="//evil.example/">protocol-relative</a>',
    '<a href="https://ok.example/" target="_blank" onmouseover="alert(1)">ok</a>',
    '<span style="background:url(javascript:alert(1))">styled</span>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example/"></iframe>',
    '<form action="https://evil.example/"><input name=x></form>',
    "<style>body { display: none }</style>",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    "<!--><img src=x onerror=alert(1)>-->",
    '<img src="https://tracker.example/pixel.gif">',
  ];
  const rendered = VECTORS.map((v) => renderMarkdown(v)!).join("\n");

  it("renders the allowed tags of a Stripe-like description as HTML", () => {
    const html = renderMarkdown('<p>Retrieves a <code>Customer</code>. See <a href="https://stripe.com/docs/api">the docs</a> and <a href="/docs/x">a path</a>.</p><ul><li><strong>one</strong></li></ul>')!;
    assert.match(html, /<p>Retrieves a <code>Customer<\/code>\. See <a href="https:\/\/stripe\.com\/docs\/api" rel="noopener noreferrer">the docs<\/a> and <span>a path<\/span>\.<\/p>/);
    assert.match(html, /<ul><li><strong>one<\/strong><\/li><\/ul>/);
  });

  it("keeps every vector inert: no handler, no script, style, frame, form or image, no link but http(s)", () => {
    assert.doesNotMatch(rendered, /<[^>]*\son[a-z]+\s*=/i);
    assert.doesNotMatch(rendered, /onerror=|onclick=|onmouseover=/i);
    assert.doesNotMatch(rendered, /<(script|style|iframe|form|input|img|svg|math)\b/i);
    assert.doesNotMatch(rendered, /\sstyle=|\starget=/i);
    for (const href of rendered.match(/href="[^"]*"/g) ?? []) assert.match(href, /^href="https:\/\/ok\.example\/"$/, href);
    // What was refused is shown as text, so a reader sees that the contract says something odd.
    assert.match(rendered, /&lt;iframe/);
  });

  it("keeps every vector inert in a built page", async () => {
    const description = VECTORS.join(" ");
    const registry: Snapshot = {
      label: "mem",
      base: "mem",
      files: new Map([["api.openapi.yaml", `openapi: 3.1.0\ninfo: { title: Html, version: "1", description: ${JSON.stringify(description)} }\npaths: {}\n`]]),
    };
    const site = await buildSite(registry, []);
    for (const [path, html] of site) {
      if (!path.endsWith(".html")) continue;
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, path);
      assert.doesNotMatch(html, /<(iframe|form|img|svg|math|style)\b/i, path);
      assert.deepEqual(html.match(/<script[^>]*>/g), ['<script src="' + (path.includes("/") ? "../" : "") + 'assets/site.js">'], path);
    }
  });
});

// Markdown without raw HTML is rendered by markdown-it alone (no sanitize-html pass): its own links, titles, code and entities must stay inert too.
describe("Markdown without HTML in descriptions", () => {
  const VECTORS = [
    "[x](javascript:alert(1))",
    "[x]( JaVaScRiPt:alert(1))",
    "[x](data:text/html,hi)",
    "[x](//evil.example/)",
    "<javascript:alert(1)>",
    "`<script>alert(1)</script>`",
    "```\n<img src=x onerror=alert(1)>\n```",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    '[t](https://ok.example/ "x\\" onmouseover=alert(1)")',
    '[x](https://ok.example/"onclick=alert(1))',
    "![pixel](https://tracker.example/pixel.gif)",
    "| a |\n|:-:|\n| 1 |",
  ];
  const rendered = VECTORS.map((v) => renderMarkdown(v)!).join("\n");

  it("keeps every vector inert: no handler, script, image or style, no link but http(s), nothing the allow-list would drop", () => {
    assert.doesNotMatch(rendered, /<[^>]*\son[a-z]+\s*=/i);
    assert.doesNotMatch(rendered, /<(script|img)\b/i);
    assert.doesNotMatch(rendered, /\s(style|title)=/i);
    for (const href of rendered.match(/href="[^"]*"/g) ?? []) assert.match(href, /^href="https:\/\/(ok|tracker)\.example\//, href);
    // The code is shown as text.
    assert.match(rendered, /<code>&#x3C;script&#x3E;alert\(1\)/);
  });

  it("renders Markdown's formatting and links as HTML", () => {
    assert.equal(
      renderMarkdown("Use **`expand`** with [the docs](https://stripe.com/docs/api \"API\").")!,
      '<p>Use <strong><code>expand</code></strong> with <a href="https://stripe.com/docs/api" rel="noopener noreferrer">the docs</a>.</p>\n',
    );
  });
});
