import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compare, doc2, doc3, lineOf, PAYLOAD } from "./helpers.js";

/**
 * A message's headers compared between versions, in 2.6 and 3.0: each row runs both ways, the
 * reverse change with its own rule and verdicts (producers write headers, consumers read them).
 */

type Version = "2.6" | "3.0";
const VERSIONS = { "2.6": doc2, "3.0": doc3 } as const;

/** The message `OrderPaid` with headers whose properties are `properties` (YAML under `properties:`) and required list `required`. */
const withHeaders = (version: Version, properties: string, required = "[tenant]") =>
  VERSIONS[version]({ message: `      headers:\n        type: object\n        required: ${required}\n        properties:\n${properties}${PAYLOAD}` });

const TENANT = "          tenant: { type: string }\n";
const RETRIES = "          retries: { type: integer }\n";
const REGION = (values: string) => `          region: { type: string, enum: [${values}] }\n`;

type Line = { after: string | RegExp } | { before: string | RegExp };
interface Direction {
  rule: string;
  backward: string;
  forward: string;
  line: Line;
}
interface Row extends Direction {
  name: string;
  before: (v: Version) => string;
  after: (v: Version) => string;
  reverse: Direction;
}

const rows: Row[] = [
  {
    name: "a required header added",
    before: (v) => withHeaders(v, TENANT), after: (v) => withHeaders(v, TENANT + RETRIES, "[tenant, retries]"),
    rule: "message-header-property-added", backward: "breaking", forward: "compatible", line: { after: "retries:" },
    reverse: { rule: "message-header-property-removed", backward: "compatible", forward: "breaking", line: { before: "retries:" } },
  },
  {
    name: "an optional header added",
    before: (v) => withHeaders(v, TENANT), after: (v) => withHeaders(v, TENANT + RETRIES),
    rule: "message-header-property-added", backward: "compatible", forward: "compatible", line: { after: "retries:" },
    reverse: { rule: "message-header-property-removed", backward: "compatible", forward: "compatible", line: { before: "retries:" } },
  },
  {
    name: "a header's type changed",
    before: (v) => withHeaders(v, TENANT + RETRIES), after: (v) => withHeaders(v, TENANT + RETRIES.replace("integer", "string")),
    rule: "message-header-type-changed", backward: "breaking", forward: "breaking", line: { after: "retries:" },
    reverse: { rule: "message-header-type-changed", backward: "breaking", forward: "breaking", line: { after: "retries:" } },
  },
  {
    name: "a header's enum gained a value",
    before: (v) => withHeaders(v, TENANT + REGION("eu, us")), after: (v) => withHeaders(v, TENANT + REGION("eu, us, apac")),
    rule: "message-header-enum-value-added", backward: "compatible", forward: "breaking", line: { after: "region:" },
    reverse: { rule: "message-header-enum-value-removed", backward: "breaking", forward: "compatible", line: { after: "region:" } },
  },
];

function expectOne(before: string, after: string, expected: Direction) {
  const all = compare(before, after);
  const found = all.filter((c) => c.rule === expected.rule);
  assert.equal(found.length, 1, `expected one ${expected.rule}, got ${JSON.stringify(all.map((c) => c.rule))}`);
  const [change] = found;
  assert.deepEqual({ backward: change.backward, forward: change.forward }, { backward: expected.backward, forward: expected.forward });
  if ("after" in expected.line) assert.equal(change.location?.line, lineOf(after, expected.line.after));
  else assert.equal(change.before?.line, lineOf(before, expected.line.before));
}

describe("headers: rule, verdicts per direction, location, in 2.6 and 3.0", () => {
  for (const version of ["2.6", "3.0"] as const) {
    for (const row of rows) {
      const [before, after] = [row.before(version), row.after(version)];
      it(`${version}: ${row.name}`, () => expectOne(before, after, row));
      it(`${version}: ${row.name}, reversed`, () => expectOne(after, before, row.reverse));
    }
  }
});
