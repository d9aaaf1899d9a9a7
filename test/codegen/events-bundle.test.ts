/**
 * An HTTP-only events application, bundled with esbuild as one would ship it: the bundle holds
 * neither kafkajs nor nats (the transports are separate entry points of @charter/runtime, loaded
 * only when named), and it runs on its own, with no node_modules beside it, sending a CloudEvent
 * to a webhook receiver on 127.0.0.1.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { build } from "esbuild";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

const APP = `import { createProducer } from "./urn-shop-orders-events/index.js";
import { httpTransport } from "./urn-shop-orders-events/transports/http.js";

// No top-level await: the test's tsconfig has no package.json saying ES module.
async function main() {
  const transport = httpTransport({ url: process.argv[2] });
  const producer = createProducer({ transport });
  const sent = await producer.publishOrderPaid({ orderId: "o-1", userId: "u-1", amount: 1999, currency: "EUR", paymentMethod: "card" });
  await transport.close();
  process.stdout.write(sent.id);
}
void main();
`;

/** Bundles an application into one ES module for Node, as `esbuild --bundle --platform=node --format=esm` does. */
async function bundleApp(entry: string, outfile: string) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    minify: true,
    metafile: true,
    logLevel: "silent",
    // CommonJS libraries in the bundle (cloudevents) require() Node's own modules; an ES module has no
    // require(), so the bundle makes one.
    banner: { js: 'import { createRequire as __charterCreateRequire } from "node:module"; const require = __charterCreateRequire(import.meta.url);' },
  });
  return result.metafile;
}

describe("an HTTP-only events application, bundled", () => {
  it("holds neither kafkajs nor nats, and runs on its own", async (t) => {
    const files = await generateSdks(readInput(join(ROOT, "contracts"), ROOT));
    files.set("app.ts", APP);
    const compiled = compileSdk(files, "charter-events-bundle-");
    assert.equal(compiled.output, "", compiled.output);
    // Bundled elsewhere and run from a folder with no node_modules: it needs nothing but itself.
    const out = mkdtempSync(join(tmpdir(), "charter-events-bundled-"));
    const metafile = await bundleApp(join(compiled.dir, "app.ts"), join(compiled.dir, "app.mjs"));
    copyFileSync(join(compiled.dir, "app.mjs"), join(out, "app.mjs"));
    t.diagnostic(`bundle: ${Object.values(metafile.outputs)[0].bytes} bytes (minified), from ${Object.keys(metafile.inputs).length} modules`);
    const libraries = new Set(Object.keys(metafile.inputs).flatMap((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? []));
    assert.ok(libraries.has("cloudevents"), [...libraries].join(", "));
    for (const library of ["kafkajs", "nats", "pg", "avsc"]) assert.ok(!libraries.has(library), `${library} is bundled: ${[...libraries].join(", ")}`);

    const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const child = spawn(process.execPath, [join(out, "app.mjs"), `http://127.0.0.1:${(server.address() as AddressInfo).port}`], { cwd: out, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
      const [code] = await once(child, "exit");
      assert.equal(code, 0, stderr);
      assert.equal(received.length, 1);
      assert.equal(received[0].headers["ce-id"], stdout);
      assert.equal(received[0].headers["ce-type"], "com.shop.order.paid.v1");
      assert.deepEqual(JSON.parse(received[0].body), { orderId: "o-1", userId: "u-1", amount: 1999, currency: "EUR", paymentMethod: "card" });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
