import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttp2Server } from "node:http2";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Ajv } from "ajv";
import type { DescMessage, DescService } from "@bufbuild/protobuf";
import { reflect } from "@bufbuild/protobuf/reflect";
import { createValidator } from "@bufbuild/protovalidate";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { connectNodeAdapter, createConnectTransport } from "@connectrpc/connect-node";
import { protoContracts } from "../../src/contracts/proto/contracts.js";
import type { ProtoContract } from "../../src/contracts/contract.js";
import type { Report } from "../../src/report/report.js";
import { sampleMessage } from "../../src/rpc/sample-message.js";
import { ROOT, tempTree } from "../helpers/cli.js";
import { charterAsync, startMock, stopMock } from "../helpers/mock.js";
import { snapshot } from "../helpers/proto.js";
import { validateSarif } from "../report/sarif-schema.js";

const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

/** charter mock of the registry, and the URL it serves the contract `id` at. */
async function serve(registry: string, id: string, ...options: string[]): Promise<{ child: ChildProcess; url: string }> {
  const { child, urls } = await startMock(registry, options, id);
  return { child, url: urls.get(id)! };
}

describe("charter verify against charter mock of the example registry's proto services", () => {
  let mock: { child: ChildProcess; url: string };
  before(async () => {
    mock = await serve("contracts", "shop.catalog.v1");
  });
  after(() => stopMock(mock.child));

  for (const protocol of ["connect", "grpc", "grpc-web"]) {
    it(`finds nothing over ${protocol}, in a report that validates`, async () => {
      const run = await charterAsync(["verify", "contracts", "--target", `shop.catalog.v1=${mock.url}`, "--protocol", protocol, "--format", "json"]);
      assert.equal(run.status, 0, run.stderr);
      const report: Report = JSON.parse(run.stdout);
      assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
      assert.deepEqual(report.findings, []);
      assert.deepEqual(report.contracts.map((c) => [c.id, c.kind]), [["shop.catalog.v1", "proto"]]);
    });
  }

  it("serves the OpenAPI contracts on the same port", async () => {
    assert.equal((await fetch(`${mock.url}/orders/v1/orders/o-1`)).status, 200);
  });
});

describe("charter mock's injected faults on RPCs", () => {
  it("answers with the Connect code of the error status, its Retry-After, and verify reports it", async () => {
    const mock = await serve("contracts", "shop.catalog.v1", "--error-rate", "1", "--error-status", "503", "--retry-after", "7");
    try {
      const contract = (await protoContracts(snapshot({ "catalog.proto": readFileSync(join(ROOT, "contracts/catalog/v1/catalog.proto"), "utf8") })))[0];
      const service = contract.image.services.get("shop.catalog.v1.CatalogService")!;
      const client = createClient(service, createConnectTransport({ baseUrl: mock.url, httpVersion: "1.1" })) as unknown as Record<string, (r: object) => Promise<unknown>>;
      const error = await client.getItem({}).then(() => undefined, (e: unknown) => ConnectError.from(e));
      assert.equal(error?.code, Code.Unavailable);
      assert.equal(error?.metadata.get("retry-after"), "7");
      const run = await charterAsync(["verify", "contracts", "--target", `shop.catalog.v1=${mock.url}`, "--format", "json"]);
      assert.equal(run.status, 1, run.stderr);
      const report: Report = JSON.parse(run.stdout);
      assert.deepEqual(report.findings.map((f) => `${f.rule} ${f.message}`), [
        "rpc-error shop.catalog.v1.CatalogService/GetItem answered a valid request with Unavailable: an error charter mock was asked to inject",
        "rpc-error shop.catalog.v1.CatalogService/ListItems answered a valid request with Unavailable: an error charter mock was asked to inject",
      ]);
    } finally {
      await stopMock(mock.child);
    }
  });
});

const WIDGETS = `syntax = "proto3";

package test.widgets.v1;

import "buf/validate/validate.proto";

service WidgetService {
  rpc GetWidget(GetWidgetRequest) returns (Widget);
  rpc FailWidget(GetWidgetRequest) returns (Widget);
  rpc GarbleWidget(GetWidgetRequest) returns (Widget);
  rpc BreakWidget(GetWidgetRequest) returns (Widget);
  rpc MissingWidget(GetWidgetRequest) returns (Widget);
  rpc WatchWidgets(GetWidgetRequest) returns (stream Widget);
  rpc UploadWidgets(stream Widget) returns (Widget);
  rpc SyncWidgets(stream Widget) returns (stream Widget);
  rpc FindWidget(FindWidgetRequest) returns (Widget);
  rpc CheckWidget(CheckWidgetRequest) returns (Widget);
}

message FindWidgetRequest {
  string code = 1 [(buf.validate.field).string = {pattern: "^[A-Z]{3}-[0-9]{2,4}$", min_len: 7}];
}

// The synthesiser does not read CEL: no valid request can be made.
message CheckWidgetRequest {
  option (buf.validate.message).cel = {id: "code_z", message: "code must start with Z", expression: "this.code.startsWith('Z')"};
  string code = 1;
}

message GetWidgetRequest {
  string id = 1 [(buf.validate.field).string.uuid = true];
}

enum Colour {
  COLOUR_UNSPECIFIED = 0;
  COLOUR_RED = 1;
}

message Widget {
  string name = 1 [(buf.validate.field).string = {min_len: 8, max_len: 20, prefix: "w-"}];
  int32 count = 2 [(buf.validate.field).int32 = {gt: 10, lte: 20}];
  Colour colour = 3 [(buf.validate.field).enum.defined_only = true];
  repeated string tags = 4 [(buf.validate.field).repeated = {min_items: 2, unique: true}];
  oneof shape {
    int32 radius = 5;
    string side = 6;
  }
  Widget parent = 7;
  map<string, int64> sizes = 8;
  string email = 9 [(buf.validate.field).string.email = true];
}
`;

describe("the message synthesiser", () => {
  it("sets every field of a deterministic message that meets its protovalidate rules", async () => {
    const contract = (await protoContracts(snapshot({ "widgets/v1/widgets.proto": WIDGETS })))[0];
    const validator = createValidator({ registry: contract.image.registry });
    for (const message of contract.image.messages.values()) {
      if (message.name === "CheckWidgetRequest") continue;
      const result = validator.validate(message, sampleMessage(message));
      assert.equal(result.kind, "valid", `${message.typeName}: ${result.kind === "invalid" ? result.error.message : ""}`);
    }
    const widget = contract.image.messages.get("test.widgets.v1.Widget") as DescMessage;
    const sample = reflect(widget, sampleMessage(widget));
    const field = (name: string) => sample.get(widget.fields.find((f) => f.name === name)!);
    assert.equal(field("colour"), 1);
    assert.equal(sample.oneofCase(widget.oneofs[0])?.name, "radius");
    assert.equal((field("sizes") as { size: number }).size, 1);
    // Nested to a bounded depth: a Widget, its parent and its parent's parent, no further.
    const parentField = widget.fields.find((f) => f.name === "parent")!;
    let levels = 1;
    for (let at = sample; at.isSet(parentField); at = at.get(parentField) as typeof sample) levels++;
    assert.equal(levels, 3);
    assert.deepEqual(sampleMessage(widget), sampleMessage(widget));
    const find = contract.image.messages.get("test.widgets.v1.FindWidgetRequest") as DescMessage;
    assert.match(reflect(find, sampleMessage(find)).get(find.fields[0]) as string, /^[A-Z]{3}-[0-9]{3,4}$/);
  });
});

describe("charter verify against a broken connect-node service", () => {
  let server: Server;
  let url: string;
  let handler: ReturnType<typeof connectNodeAdapter>;
  const registry = tempTree({ "widgets/v1/widgets.proto": WIDGETS });
  before(async () => {
    const contract: ProtoContract = (await protoContracts(snapshot({ "widgets/v1/widgets.proto": WIDGETS })))[0];
    const service = contract.image.services.get("test.widgets.v1.WidgetService") as DescService;
    const method = (name: string) => service.methods.find((m) => m.name === name)!;
    const widget = () => sampleMessage(method("GetWidget").output);
    // Each RPC broken one way (MissingWidget is not served at all); the streaming ones break after reading two requests.
    handler = connectNodeAdapter({
      routes: (router) => {
        router.rpc(method("GetWidget"), widget as never);
        router.rpc(method("FailWidget"), (() => { throw new ConnectError("the widget store is down", Code.FailedPrecondition); }) as never);
        router.rpc(method("FindWidget"), widget as never);
        router.rpc(method("BreakWidget"), (() => ({ ...widget(), count: 3 })) as never);
        router.rpc(method("WatchWidgets"), async function* () { yield widget(); yield { ...widget(), name: "w-" }; } as never);
        router.rpc(method("UploadWidgets"), (async (requests: AsyncIterable<unknown>) => {
          let count = 0;
          for await (const _ of requests) count++;
          return { ...widget(), count };
        }) as never);
        router.rpc(method("SyncWidgets"), async function* (requests: AsyncIterable<object>) {
          let count = 0;
          for await (const request of requests) yield ++count === 2 ? { ...request, tags: [] } : request;
        } as never);
        router.rpc(method("CheckWidget"), (() => { throw new ConnectError("code must start with Z", Code.InvalidArgument); }) as never);
      },
      // Bytes that are no Widget, sent as one.
      fallback: ((request: IncomingMessage, response: ServerResponse) => {
        if (request.url === "/test.widgets.v1.WidgetService/GarbleWidget") response.writeHead(200, { "content-type": "application/proto" }).end(Buffer.from([0xff, 0xff, 0xff]));
        else response.writeHead(404).end();
      }) as never,
    });
    server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("finds each break with its RPC, at the RPC's line, and exits 1", async () => {
    const sarif = join(mkdtempSync(join(tmpdir(), "charter-verify-")), "verify.sarif");
    const run = await charterAsync(["verify", registry, "--target", `test.widgets.v1=${url}`, "--format", "json", "--format", `sarif=${sarif}`]);
    assert.equal(run.status, 1, run.stderr);
    const log: { runs: { results: { ruleId: string }[] }[] } = JSON.parse(readFileSync(sarif, "utf8"));
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors));
    assert.deepEqual(log.runs[0].results.map((r) => r.ruleId), ["rpc-error", "rpc-response-invalid", "rpc-response-invalid", "rpc-unimplemented", "rpc-response-invalid", "rpc-response-invalid"]);
    assert.match(run.stderr, /2 RPCs not verified: test\.widgets\.v1: test\.widgets\.v1\.WidgetService\/SyncWidgets \(bidi-streaming needs HTTP\/2: verify it with --protocol grpc\); test\.widgets\.v1: test\.widgets\.v1\.WidgetService\/CheckWidget \(no request that meets its rules could be made\)\n/);
    const report: Report = JSON.parse(run.stdout);
    assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
    // Each at its RPC's line (FailWidget is on line 9), named in the message.
    const found = report.findings.map((f) => `${f.location?.line} ${f.rule} ${f.message}`);
    assert.equal(found.length, 6, found.join("\n"));
    assert.match(found[0], /^9 rpc-error test\.widgets\.v1\.WidgetService\/FailWidget answered a valid request with FailedPrecondition: the widget store is down$/);
    assert.match(found[1], /^10 rpc-response-invalid test\.widgets\.v1\.WidgetService\/GarbleWidget answered with a response that does not decode as test\.widgets\.v1\.Widget: parse binary: /);
    assert.match(found[2], /^11 rpc-response-invalid test\.widgets\.v1\.WidgetService\/BreakWidget answered a test\.widgets\.v1\.Widget that breaks its rules at count: .* \[int32\.gt_lte\]$/);
    assert.match(found[3], /^12 rpc-unimplemented test\.widgets\.v1\.WidgetService\/MissingWidget is not implemented/);
    assert.match(found[4], /^13 rpc-response-invalid test\.widgets\.v1\.WidgetService\/WatchWidgets answered a test\.widgets\.v1\.Widget that breaks its rules at name: .* \[string\.min_len\]$/);
    // Two requests streamed: UploadWidgets answers the count it read.
    assert.match(found[5], /^14 rpc-response-invalid test\.widgets\.v1\.WidgetService\/UploadWidgets answered a test\.widgets\.v1\.Widget that breaks its rules at count: .* \[int32\.gt_lte\]$/);
    assert.ok(report.findings.every((f) => f.location?.file.endsWith("widgets/v1/widgets.proto")));
  });

  it("verifies the bidi-streaming RPC over gRPC (HTTP/2), where its second answer breaks its rules", async () => {
    const h2 = createHttp2Server(handler);
    await new Promise<void>((resolve) => h2.listen(0, "127.0.0.1", resolve));
    try {
      const run = await charterAsync(["verify", registry, "--target", `test.widgets.v1=http://127.0.0.1:${(h2.address() as { port: number }).port}`, "--protocol", "grpc", "--format", "json"]);
      assert.equal(run.status, 1, run.stderr);
      const sync = (JSON.parse(run.stdout) as Report).findings.filter((f) => f.message.includes("SyncWidgets")).map((f) => `${f.location?.line} ${f.rule} ${f.message}`);
      assert.deepEqual(sync.length, 1, sync.join("\n"));
      assert.match(sync[0], /^15 rpc-response-invalid test\.widgets\.v1\.WidgetService\/SyncWidgets answered a test\.widgets\.v1\.Widget that breaks its rules at tags: .* \[repeated\.min_items\]$/);
    } finally {
      await new Promise<void>((resolve) => h2.close(() => resolve()));
    }
  });
});

describe("charter mock of services with protovalidate rules and streams", () => {
  it("answers within the rules, streams both ways, refuses an invalid request, and verify finds nothing over each protocol", async () => {
    const registry = tempTree({ "widgets/v1/widgets.proto": WIDGETS });
    const mock = await serve(registry, "test.widgets.v1");
    try {
      for (const protocol of ["connect", "grpc", "grpc-web"]) {
        const run = await charterAsync(["verify", registry, "--target", `test.widgets.v1=${mock.url}`, "--protocol", protocol, "--format", "json"]);
        assert.equal(run.status, 0, `${protocol}: ${run.stderr}${run.stdout}`);
        assert.deepEqual(JSON.parse(run.stdout).findings, [], protocol);
        // Bidi streams need HTTP/2: gRPC's h2c carries them; Connect and gRPC-Web go over HTTP/1.1.
        const bidi = protocol === "grpc" ? "" : "test\\.widgets\\.v1: test\\.widgets\\.v1\\.WidgetService\\/SyncWidgets \\(bidi-streaming needs HTTP\\/2: verify it with --protocol grpc\\); ";
        assert.match(run.stderr, new RegExp(`RPCs? not verified: ${bidi}test\\.widgets\\.v1: test\\.widgets\\.v1\\.WidgetService\\/CheckWidget \\(no request that meets its rules could be made\\)\\n`), protocol);
      }
      const contract = (await protoContracts(snapshot({ "widgets/v1/widgets.proto": WIDGETS })))[0];
      const service = contract.image.services.get("test.widgets.v1.WidgetService")!;
      const client = createClient(service, createConnectTransport({ baseUrl: mock.url, httpVersion: "1.1" })) as unknown as Record<string, (r: object) => Promise<unknown>>;
      const error = await client.getWidget({ id: "not-a-uuid" }).then(() => undefined, (e: unknown) => ConnectError.from(e));
      assert.equal(error?.code, Code.InvalidArgument);
      assert.match(error!.rawMessage, /^test\.widgets\.v1\.WidgetService\/GetWidget: id: must be a valid UUID \[string\.uuid\]$/);
    } finally {
      await stopMock(mock.child);
    }
  });
});
