import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compare, doc2, doc3, lineOf } from "./helpers.js";

/**
 * Servers compared between versions, in 2.6 (a `url`) and 3.0 (`host` and `pathname`), whatever
 * their protocol: each row runs in both directions, the reverse change with its own rule.
 */

type Version = "2.6" | "3.0";

interface ServerShape {
  key: string;
  protocol: string;
  host: string;
  pathname?: string;
}

const NATS: ServerShape = { key: "production", protocol: "nats", host: "nats.example.com:4222" };
const MQTT: ServerShape = { key: "devices", protocol: "mqtt", host: "mqtt.example.com:1883", pathname: "/v1" };

/** The base document with `servers`, written as each version writes them. */
function withServers(version: Version, servers: ServerShape[]): string {
  const written = servers.map((s) =>
    version === "2.6"
      ? `  ${s.key}:\n    url: ${s.protocol}://${s.host}${s.pathname ?? ""}\n    protocol: ${s.protocol}\n`
      : `  ${s.key}:\n    host: ${s.host}\n${s.pathname ? `    pathname: ${s.pathname}\n` : ""}    protocol: ${s.protocol}\n`,
  );
  const base = version === "2.6" ? doc2() : doc3();
  return base.replace(/^(info: .*\n)/m, `$1servers:\n${written.join("")}`);
}

interface Row {
  name: string;
  before: ServerShape[];
  after: ServerShape[];
  rule: string;
  backward: string;
  forward: string;
  /** The line the finding points at in the new version, or (`before`) the line it came from in the old. */
  line: { after: string | RegExp } | { before: string | RegExp };
  /** The same change the other way round. */
  reverse?: { rule: string; backward: string; forward: string; line: { after: string | RegExp } | { before: string | RegExp } };
}

const rows: Row[] = [
  {
    name: "a server of another protocol (MQTT) removed",
    before: [NATS, MQTT], after: [NATS],
    rule: "server-removed", backward: "conditional", forward: "breaking", line: { before: "  devices:" },
    reverse: { rule: "server-added", backward: "compatible", forward: "compatible", line: { after: "  devices:" } },
  },
  {
    name: "a server's protocol changed",
    before: [NATS], after: [{ ...NATS, protocol: "kafka" }],
    rule: "server-protocol-changed", backward: "breaking", forward: "breaking", line: { after: "protocol: kafka" },
    reverse: { rule: "server-protocol-changed", backward: "breaking", forward: "breaking", line: { after: "protocol: nats" } },
  },
  {
    name: "a server's host changed",
    before: [NATS], after: [{ ...NATS, host: "nats.example.org:4222" }],
    rule: "server-host-changed", backward: "breaking", forward: "breaking", line: { after: /(host|url): .*example\.org/ },
    reverse: { rule: "server-host-changed", backward: "breaking", forward: "breaking", line: { after: /(host|url): .*example\.com/ } },
  },
  {
    name: "a server's pathname changed",
    before: [MQTT], after: [{ ...MQTT, pathname: "/v2" }],
    rule: "server-pathname-changed", backward: "breaking", forward: "breaking", line: { after: /(pathname|url): .*v2/ },
    reverse: { rule: "server-pathname-changed", backward: "breaking", forward: "breaking", line: { after: /(pathname|url): .*v1/ } },
  },
];

function expectOne(before: string, after: string, rule: string, verdicts: { backward: string; forward: string }, line: Row["line"]) {
  const all = compare(before, after);
  const found = all.filter((c) => c.rule === rule);
  assert.equal(found.length, 1, `expected one ${rule}, got ${JSON.stringify(all.map((c) => c.rule))}`);
  assert.deepEqual(all.map((c) => c.rule), [rule], "nothing else is reported");
  const [change] = found;
  assert.deepEqual({ backward: change.backward, forward: change.forward }, { backward: verdicts.backward, forward: verdicts.forward });
  if ("after" in line) assert.equal(change.location?.line, lineOf(after, line.after));
  else assert.equal(change.before?.line, lineOf(before, line.before));
}

describe("servers: rule, verdicts per direction, location, in 2.6 and 3.0", () => {
  for (const version of ["2.6", "3.0"] as const) {
    for (const row of rows) {
      const [before, after] = [withServers(version, row.before), withServers(version, row.after)];
      it(`${version}: ${row.name}`, () => expectOne(before, after, row.rule, row, row.line));
      if (row.reverse) {
        const reverse = row.reverse;
        it(`${version}: ${row.name}, reversed`, () => expectOne(after, before, reverse.rule, reverse, reverse.line));
      }
    }
  }
});

describe("servers that did not change", () => {
  it("unchanged servers of every protocol report nothing", () => {
    for (const version of ["2.6", "3.0"] as const) assert.deepEqual(compare(withServers(version, [NATS, MQTT]), withServers(version, [NATS, MQTT])), []);
  });
  it("a 2.6 url and a 3.0 host and pathname of one broker are the same server, even under another key", () => {
    assert.deepEqual(compare(withServers("2.6", [NATS, MQTT]), withServers("3.0", [NATS, MQTT])), []);
    assert.deepEqual(compare(withServers("2.6", [MQTT]), withServers("3.0", [{ ...MQTT, key: "broker" }])), []);
  });
  it("a trailing slash and the protocol's case are not changes", () => {
    const before = withServers("3.0", [MQTT]);
    assert.deepEqual(compare(before, before.replace("pathname: /v1", "pathname: /v1/").replace("protocol: mqtt", "protocol: MQTT")), []);
  });
});
