import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cookiePairs, formBody, headerValue, pathValue, queryPairs, type ParameterSpec, type ParameterStyle } from "../../templates/codegen/charter-runtime/serialize.js";

/**
 * The "Style Examples" table of the OpenAPI Specification (3.0.3 §4.7.12.4, 3.1.0 §4.8.12.4): the
 * parameter `color` with the value `""`, `"blue"`, `["blue", "black", "brown"]` and
 * `{ R: 100, G: 200, B: 150 }`, per style and explode; `undefined` where the table says n/a.
 */
const VALUES = ["", "blue", ["blue", "black", "brown"], { R: 100, G: 200, B: 150 }] as const;
const TABLE: [ParameterStyle, boolean, ParameterSpec["in"], (string | undefined)[]][] = [
  ["matrix", false, "path", [";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"]],
  ["matrix", true, "path", [";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"]],
  ["label", false, "path", [".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"]],
  ["label", true, "path", [".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"]],
  ["form", false, "query", ["color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"]],
  ["form", true, "query", ["color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"]],
  ["simple", false, "path", [undefined, "blue", "blue,black,brown", "R,100,G,200,B,150"]],
  ["simple", true, "path", [undefined, "blue", "blue,black,brown", "R=100,G=200,B=150"]],
  ["simple", false, "header", [undefined, "blue", "blue,black,brown", "R,100,G,200,B,150"]],
  ["simple", true, "header", [undefined, "blue", "blue,black,brown", "R=100,G=200,B=150"]],
  ["spaceDelimited", false, "query", [undefined, undefined, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"]],
  ["pipeDelimited", false, "query", [undefined, undefined, "color=blue|black|brown", "color=R|100|G|200|B|150"]],
  ["deepObject", true, "query", [undefined, undefined, undefined, "color[R]=100&color[G]=200&color[B]=150"]],
];

function serialize(spec: ParameterSpec, value: unknown): string | undefined {
  if (spec.in === "path") return pathValue(spec, value);
  if (spec.in === "header") return headerValue(spec, value);
  return queryPairs(spec, value).join("&");
}

describe("OpenAPI parameter serialization: the specification's style table", () => {
  for (const [style, explode, location, row] of TABLE) {
    it(`${style}, explode ${explode}, in ${location}`, () => {
      row.forEach((expected, i) => {
        if (expected === undefined) return;
        const spec: ParameterSpec = { name: "color", in: location, style, explode };
        assert.equal(serialize(spec, VALUES[i]), expected, `${JSON.stringify(VALUES[i])}`);
      });
    });
  }

  it("defaults: simple in path and header, form with explode in query and cookie", () => {
    assert.equal(pathValue({ name: "id", in: "path" }, ["a", "b"]), "a,b");
    assert.equal(queryPairs({ name: "id" }, ["a", "b"]).join("&"), "id=a&id=b");
    assert.equal(queryPairs({ name: "id", explode: false }, ["a", "b"]).join("&"), "id=a,b");
    assert.deepEqual(cookiePairs({ name: "session", in: "cookie" }, "a b;c"), ["session=a%20b%3Bc"]);
    assert.deepEqual(cookiePairs({ name: "ids", in: "cookie", explode: false }, [1, 2]), ["ids=1,2"]);
  });

  it("percent-encodes values, names and reserved characters unless allowReserved", () => {
    assert.equal(pathValue({ name: "id", in: "path" }, "a/b c"), "a%2Fb%20c");
    assert.equal(queryPairs({ name: "a b" }, "x&y=z").join("&"), "a%20b=x%26y%3Dz");
    assert.equal(queryPairs({ name: "next", allowReserved: true }, "/a/b?c=d:e").join("&"), "next=/a/b?c=d:e");
    assert.equal(queryPairs({ name: "next", allowReserved: true }, ["/a", "b c"]).join("&"), "next=/a&next=b%20c");
  });

  it("leaves out undefined and null values, sends empty strings", () => {
    assert.deepEqual(queryPairs({ name: "q" }, undefined), []);
    assert.equal(pathValue({ name: "id", in: "path", style: "label" }, null), "");
    assert.equal(headerValue({ name: "x", in: "header" }, undefined), undefined);
    assert.deepEqual(queryPairs({ name: "q" }, [null, "a"]), ["q=a"]);
  });

  it("writes content-encoded parameters by their media type", () => {
    const spec = { name: "filter", in: "query" as const, contentType: "application/json" };
    assert.deepEqual(queryPairs(spec, { a: [1, "x y"] }), [`filter=${encodeURIComponent('{"a":[1,"x y"]}')}`]);
    assert.equal(headerValue({ ...spec, in: "header" }, { a: 1 }), '{"a":1}');
    assert.equal(pathValue({ ...spec, in: "path" }, { a: 1 }), encodeURIComponent('{"a":1}'));
  });

  it("writes form bodies as the Encoding Object says: bracket notation for deepObject, as Stripe sends", () => {
    const body = {
      email: "jenny@example.com",
      metadata: { order_id: 6735, note: "a&b" },
      tax_id_data: [{ type: "eu_vat", value: "DE123" }],
      expand: ["data.customer", "sources"],
      preferred_locales: ["en", "fr"],
      tags: ["a", "b"],
      settings: { a: 1 },
      skipped: undefined,
    };
    const encoding = {
      metadata: { style: "deepObject" as const, explode: true },
      tax_id_data: { style: "deepObject" as const, explode: true },
      expand: { style: "deepObject" as const, explode: true },
      preferred_locales: { style: "form" as const, explode: false },
      settings: { contentType: "application/json" },
    };
    assert.equal(
      formBody(body, encoding),
      [
        "email=jenny%40example.com",
        "metadata[order_id]=6735",
        "metadata[note]=a%26b",
        "tax_id_data[0][type]=eu_vat",
        "tax_id_data[0][value]=DE123",
        "expand[0]=data.customer",
        "expand[1]=sources",
        "preferred_locales=en,fr",
        "tags=a",
        "tags=b",
        `settings=${encodeURIComponent('{"a":1}')}`,
      ].join("&"),
    );
  });
});
