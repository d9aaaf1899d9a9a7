/**
 * The runtime one `charter generate --out` folder shares (templates/codegen/charter-runtime, written
 * as charter-runtime/): one backoff, one traceparent and one Retry-After parser for the OpenAPI,
 * Connect and event packages beside it, the HTTP clients' runtime of the OpenAPI and Connect ones, the Connect clients' (connect), and the event packages' runtime (events*). Its compilation, build and use by each kind of package are
 * tested where those packages are (openapi*, connect, events*); here, what it decides.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { Code, ConnectError } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { generateSdks } from "../../src/codegen/generate.js";
import { generateOpenApiClients } from "../../src/codegen/openapi/generate.js";
import { generateConnectClients } from "../../src/codegen/proto/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { backoffMs, childTraceparent, retryAfterMs } from "../../templates/codegen/charter-runtime/index.js";
import { ROOT } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

const TRACE = "0af7651916cd43dd8448eb211c80319c";
const PARENT = `00-${TRACE}-b7ad6b7169203331-01`;

describe("the shared runtime package (charter-runtime/)", () => {
  it("is the one place of backoff, traceparent, Retry-After and the HTTP runtime for every package of the output folder", async () => {
    const files = await generateSdks(readInput(join(ROOT, "contracts"), ROOT));
    const packages = [...new Set([...files.keys()].map((path) => path.split("/")[0]))].filter((folder) => folder !== "charter-runtime");
    // The example registry has an OpenAPI, a proto and two AsyncAPI contracts.
    assert.deepEqual(packages.sort(), ["shop.catalog.v1", "shop.orders.v1", "urn-shop-billing-events", "urn-shop-orders-events"]);
    for (const pkg of packages) assert.equal(JSON.parse(files.get(`${pkg}/package.json`)!).dependencies["@charter/runtime"], "file:../charter-runtime", pkg);
    const runtime = JSON.parse(files.get("charter-runtime/package.json")!);
    assert.equal(runtime.name, "@charter/runtime");
    assert.deepEqual(runtime.exports["."], { types: "./dist/index.d.ts", default: "./dist/index.js" });
    assert.deepEqual(Object.keys(runtime.dependencies).sort(), ["@types/qs", "cloudevents", "qs", "standardwebhooks", "url-template"], "what serialize.ts and events need");
    // Broker clients are optional peers: only their transports' entry points load them.
    assert.deepEqual(Object.keys(runtime.peerDependencies).sort(), ["@bufbuild/protobuf", "@connectrpc/connect", "@connectrpc/connect-node", "avsc", "kafkajs", "nats", "pg"]);
    assert.ok(Object.values(runtime.peerDependenciesMeta).every((meta) => (meta as { optional: boolean }).optional));
    // The root entry point, which event packages import, reaches neither the HTTP client nor its libraries.
    const reaches = (name: string) => [...files.get(`charter-runtime/${name}.ts`)!.matchAll(/^(?:import|export) .* from "([^"]+)";/gm)].map((m) => m[1]).filter((from) => !from.startsWith("node:"));
    assert.deepEqual(reaches("index"), ["./backoff.js", "./retry-after.js", "./traceparent.js"]);
    for (const name of ["backoff", "retry-after", "traceparent"]) assert.deepEqual(reaches(name), [], name);
    // The event runtime reaches a broker client only from that broker's entry point.
    const brokers = (name: string) => reaches(name).filter((from) => ["nats", "kafkajs", "avsc", "pg"].includes(from));
    for (const name of ["events", "events/http", "events/http-reply", "events/request-reply", "events/postgres", "events/binary-mode"]) assert.deepEqual(brokers(name), [], name);
    assert.deepEqual(brokers("events/nats"), ["nats"]);
    assert.deepEqual(brokers("events/kafka"), ["kafkajs"]);
    assert.deepEqual(brokers("events/avro"), ["avsc"]);
    // Nothing of the runtime is copied into a contract package.
    for (const name of ["runtime.ts", "serialize.ts"]) assert.deepEqual(packages.filter((pkg) => pkg.startsWith("shop.") && files.has(`${pkg}/${name}`)), [], name);
    for (const helper of ["backoffMs", "childTraceparent", "retryAfterMs"]) {
      const defined = [...files].filter(([, text]) => new RegExp(`function ${helper}\\b`).test(text)).map(([path]) => path);
      assert.deepEqual(defined, [`charter-runtime/${helper === "backoffMs" ? "backoff" : helper === "retryAfterMs" ? "retry-after" : "traceparent"}.ts`], helper);
    }
    assert.match(files.get("shop.orders.v1/client.ts")!, /from "@charter\/runtime\/http";/);
    // The Connect runtime is the runtime's `connect` entry point, over its `http` one; a proto package
    // holds its contract's code and depends on the runtime, with the Connect library at the versions
    // the runtime is built with.
    assert.match(files.get("charter-runtime/connect.ts")!, /from "\.\/http\.js";/);
    for (const helper of ["class RpcRuntime", "function createTransport", "type ConnectLibrary"]) {
      const defined = [...files].filter(([, text]) => new RegExp(`^export ${helper}\\b`, "m").test(text)).map(([path]) => path);
      assert.deepEqual(defined, ["charter-runtime/connect.ts"], helper);
    }
    const proto = packages.filter((pkg) => files.has(`${pkg}/catalog/v1/catalog_pb.ts`));
    assert.deepEqual(proto, ["shop.catalog.v1"]);
    for (const pkg of proto) {
      assert.deepEqual([...files.keys()].filter((path) => path.startsWith(`${pkg}/`) && !path.endsWith("_pb.ts")).sort(), ["client.ts", "index.ts", "package.json", "tsconfig.json"].map((f) => `${pkg}/${f}`));
      assert.match(files.get(`${pkg}/client.ts`)!, /from "@charter\/runtime\/connect";/, pkg);
      const { dependencies } = JSON.parse(files.get(`${pkg}/package.json`)!);
      for (const library of ["@bufbuild/protobuf", "@connectrpc/connect", "@connectrpc/connect-node"]) assert.equal(dependencies[library], runtime.peerDependencies[library], `${pkg}: ${library}`);
    }
    // The runtime takes the package's Connect library: it imports none at run time, so it never loads a copy of its own.
    const valueImports = [...files.get("charter-runtime/connect.ts")!.matchAll(/^import (?!type )[^;]* from "([^"]+)";/gm)].map((m) => m[1]);
    assert.deepEqual(valueImports.filter((from) => !from.startsWith("./")), []);
    // An event package's runtime and transports are the runtime's entry points, passed on.
    assert.equal(files.get("urn-shop-orders-events/runtime.ts")!.split("\n")[1], 'export * from "@charter/runtime/events";');
    assert.equal(files.get("urn-shop-orders-events/transports/http.ts")!.split("\n")[1], 'export * from "@charter/runtime/events/http";');
    for (const helper of ["transportFor", "publish", "consume", "httpTransport", "natsTransport", "kafkaTransport", "startRelay", "serve"]) {
      const defined = [...files].filter(([, text]) => new RegExp(`^export (?:async )?function ${helper}\\b`, "m").test(text)).map(([path]) => path);
      assert.equal(defined.length, 1, `${helper}: ${defined.join(", ")}`);
      assert.match(defined[0], /^charter-runtime\/events/, helper);
    }
  });

  it("is one module for the folder: one package's withDeadline bounds another package's calls", async () => {
    const spec = (id: string) =>
      `openapi: 3.1.0\ninfo: { title: ${id}, version: 1.0.0, x-charter-id: ${id} }\npaths:\n  /slow:\n    get:\n      operationId: slow\n      responses: { "200": { description: ok } }\n`;
    const snapshot = { label: "two", files: new Map([["a.yaml", spec("a.v1")], ["b.yaml", spec("b.v1")]]), base: "." };
    const compiled = compileSdk(await generateOpenApiClients(snapshot), "charter-runtime-shared-");
    assert.equal(compiled.output, "", compiled.output);
    const a = await import(pathToFileURL(join(compiled.dir, "a.v1", "index.ts")).href);
    const b = await import(pathToFileURL(join(compiled.dir, "b.v1", "index.ts")).href);
    // A server that never answers: only the deadline ends the call.
    const server = createServer(() => {}).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const error = await a.withDeadline({ timeoutMs: 200 }, () => new b.Client({ baseUrl }).slow()).catch((e: unknown) => e);
      assert.ok(error instanceof a.DeadlineExceededError, String(error));
      assert.equal(a.ApiError, b.ApiError, "one ApiError class");
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("gives a Connect client's errors the package's ConnectError class, even beside a copy of Connect in charter-runtime/node_modules", { timeout: 30_000 }, async () => {
    const compiled = compileSdk(await generateConnectClients(readInput(join(ROOT, "contracts"), ROOT)), "charter-runtime-connect-");
    assert.equal(compiled.output, "", compiled.output);
    const pkg = join(compiled.dir, "shop.catalog.v1");
    const build = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", pkg, "--pretty", "false"], { encoding: "utf8" });
    assert.equal(build.stdout + build.stderr, "");
    // What `npm install` inside charter-runtime/ leaves there (its dev copies of the optional peers),
    // here modules that fail when loaded: Node resolves the linked runtime's imports from its own folder.
    for (const library of ["@bufbuild/protobuf", "@connectrpc/connect", "@connectrpc/connect-node"]) {
      const nested = join(compiled.dir, "charter-runtime", "node_modules", library);
      mkdirSync(nested, { recursive: true });
      writeFileSync(join(nested, "package.json"), JSON.stringify({ name: library, type: "module", exports: "./index.js" }));
      writeFileSync(join(nested, "index.js"), `throw new Error("the runtime loaded its own ${library}");\n`);
    }
    const pb = await import(pathToFileURL(join(pkg, "catalog/v1/catalog_pb.ts")).href);
    const handler = connectNodeAdapter({
      routes: (router) =>
        router.service(pb.CatalogService, {
          // The server's own error for one item, no answer (so the client's deadline ends it) for another.
          async getItem(request: any) {
            if (request.itemId === "gone") throw new ConnectError("no such item", Code.NotFound);
            return new Promise<{ item: object }>(() => {});
          },
          listItems: () => ({ items: [], nextPageToken: "" }),
        }),
    });
    const server = createServer(handler).listen(0, "127.0.0.1");
    await once(server, "listening");
    // An application in plain JavaScript, run by plain node: no TypeScript loader maps @charter/runtime
    // to the templates, so the runtime is the built one, linked as npm links a `file:` dependency.
    const app = join(compiled.dir, "app");
    mkdirSync(join(app, "node_modules"), { recursive: true });
    symlinkSync(pkg, join(app, "node_modules", "shop.catalog.v1"), "dir");
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", type: "module", private: true }));
    writeFileSync(
      join(app, "main.js"),
      `import { ConnectError, createCatalogServiceClient } from "shop.catalog.v1";
const rpc = createCatalogServiceClient({ baseUrl: process.argv[2] });
const errors = [await rpc.getItem({ itemId: "gone" }).catch((e) => e), await rpc.getItem({ itemId: "slow" }, { timeoutMs: 200 }).catch((e) => e)];
// ConnectError's instanceof accepts any copy's errors by their shape: the prototype tells the copies apart.
console.log(JSON.stringify(errors.map((e) => ({ code: e.code, packageClass: Object.getPrototypeOf(e) === ConnectError.prototype }))));
`,
    );
    try {
      // Asynchronous, as the server runs in this process.
      const child = spawn(process.execPath, [join(app, "main.js"), `http://127.0.0.1:${(server.address() as AddressInfo).port}`], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.stderr.on("data", (chunk) => (out += chunk));
      const [status] = (await once(child, "close")) as [number];
      assert.equal(status, 0, out);
      assert.deepEqual(JSON.parse(out), [{ code: Code.NotFound, packageClass: true }, { code: Code.DeadlineExceeded, packageClass: true }]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("refuses a contract whose package would take the runtime's folder", async () => {
    const spec = "openapi: 3.1.0\ninfo: { title: Runtime, version: 1.0.0, x-charter-id: charter-runtime }\npaths: {}\n";
    await assert.rejects(generateSdks({ label: "clash", files: new Map([["runtime.yaml", spec]]), base: "." }), {
      message: "a OpenAPI contract would generate the SDK folder charter-runtime, which holds the runtime every package shares: rename it",
    });
  });

  it("continues a valid traceparent with a new span id, and starts a new trace for one W3C Trace Context says to ignore", () => {
    const continued = childTraceparent(PARENT);
    assert.match(continued, new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
    assert.notEqual(continued, PARENT);
    assert.match(childTraceparent(`00-${TRACE}-b7ad6b7169203331-00`), new RegExp(`^00-${TRACE}-[0-9a-f]{16}-00$`), "the flags are kept");
    assert.match(childTraceparent(` ${PARENT} `), new RegExp(`^00-${TRACE}-`), "optional whitespace of a header");
    assert.match(childTraceparent(`cc-${TRACE}-b7ad6b7169203331-01-what-follows`), new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`), "a later version is read as 00");
    const ignored = {
      none: undefined,
      uppercase: PARENT.toUpperCase(),
      "version ff": `ff-${TRACE}-b7ad6b7169203331-01`,
      "zero trace id": `00-${"0".repeat(32)}-b7ad6b7169203331-01`,
      "zero parent id": `00-${TRACE}-${"0".repeat(16)}-01`,
      "00 with more fields": `${PARENT}-extra`,
      "short trace id": `00-${TRACE.slice(1)}-b7ad6b7169203331-01`,
    };
    for (const [why, parent] of Object.entries(ignored)) {
      const root = childTraceparent(parent);
      assert.match(root, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/, why);
      assert.ok(!root.includes(TRACE), why);
    }
    const ids = new Set(Array.from({ length: 2000 }, () => childTraceparent(PARENT).split("-")[2]));
    assert.equal(ids.size, 2000, "span ids are not reused across the random pool's refills");
  });

  it("reads Retry-After as delay-seconds or an HTTP date, and nothing else", () => {
    const now = Date.parse("2026-12-03T12:00:00Z");
    assert.equal(retryAfterMs("120", now), 120_000);
    assert.equal(retryAfterMs(" 0 ", now), 0);
    assert.equal(retryAfterMs("Thu, 03 Dec 2026 12:00:30 GMT", now), 30_000);
    assert.equal(retryAfterMs("Thursday, 03-Dec-26 12:00:30 GMT", now), 30_000, "RFC 850 form");
    assert.equal(retryAfterMs("Thu Dec  3 12:00:30 2026", now) !== undefined, true, "asctime form (local time)");
    assert.equal(retryAfterMs("Wed, 02 Dec 2026 12:00:00 GMT", now), 0, "a date in the past");
    for (const unreadable of [null, undefined, "", "  ", "-1", "1.5", "soon", "2026-12-04"]) assert.equal(retryAfterMs(unreadable, now), undefined, String(unreadable));
  });

  it("backs off with full jitter: below initialMs doubling per retry up to maxMs, and spread over that range", () => {
    const policy = { attempts: 5, initialMs: 100, maxMs: 1_000 };
    for (const [retry, bound] of [[0, 100], [1, 200], [2, 400], [3, 800], [4, 1_000], [10, 1_000]]) {
      const waits = Array.from({ length: 200 }, () => backoffMs(policy, retry));
      assert.ok(waits.every((w) => w >= 0 && w < bound), `retry ${retry}`);
      assert.ok(Math.max(...waits) > bound / 2 && Math.min(...waits) < bound / 2, `retry ${retry} spreads`);
    }
  });
});
