import type { IncomingMessage, ServerResponse } from "node:http";
import type { OpenApiContract } from "../contracts/contract.js";
import { schemasOf } from "../http/operations.js";
import { compileValidators, type ValidateAt } from "../http/validator.js";
import { mediaFor } from "../http/wire.js";
import type { Snapshot } from "../registry/snapshot.js";
import { answerOf, answerWith, refusalOf, type MockAnswer } from "./answer.js";
import { checkRequest, type RequestViolation } from "./check-request.js";
import { IdempotencyKeys, requiredKeyHeader } from "./idempotency.js";
import { injectedError, type FaultOptions } from "./faults.js";
import { matchRoute, routesOf, type Route } from "./routes.js";

/** A mock is for trying clients, not for uploads: a larger body is refused rather than held in memory. */
const MAX_BODY = 10 * 1024 * 1024;

/** An RFC 9457 problem document: what the mock answers a request it cannot serve with. */
function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): MockAnswer {
  return { status, headers: { "content-type": "application/problem+json" }, body: JSON.stringify({ type: "about:blank", title, status, detail, ...extra }) };
}

const describe = (v: RequestViolation) => `${v.in === "body" ? "body" : `${v.in} parameter ${v.name}`}${v.pointer ? ` at ${v.pointer}` : ""}: ${v.message}`;

/**
 * The mock server's request handler for the OpenAPI contracts of a registry: every operation is
 * routed (below its servers' base paths), its request validated (400 with the violations and their
 * JSON pointers when invalid), and answered from the contract (answer.ts), after the faults asked for.
 * An answer that breaks its own schema (an invalid example in the contract, or a pattern the
 * synthesiser cannot meet) is still sent, and `warn` says so once per operation.
 */
export function createMockHandler(
  contracts: OpenApiContract[],
  snapshot: Snapshot,
  faults: FaultOptions,
  warn: (message: string) => void = () => {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const routes = routesOf(contracts);
  const validators = new Map<OpenApiContract, ValidateAt>(
    contracts.map((contract) => [contract, compileValidators(contract, snapshot, routes.filter((r) => r.contract === contract).flatMap((r) => schemasOf(r.operation)))]),
  );
  const answers = new Map<Route["operation"], MockAnswer>();
  const keys = new IdempotencyKeys();

  /** The contract's own refusal when it describes one other than a problem document (verify holds the mock to it), else a problem document. */
  const refuse = ({ operation, contract }: Route, declared: ReturnType<typeof refusalOf>, status: number, title: string, detail: string, extra: Record<string, unknown> = {}): MockAnswer =>
    declared && !mediaFor(declared.response.content, "application/problem+json")
      ? answerWith(declared.response, declared.status, contract.schemas)
      : problem(declared?.status ?? status, title, `${operation.label}: ${detail}`, { operation: operation.label, ...extra });

  const answer = (request: IncomingMessage, body: string): MockAnswer => {
    const url = new URL(request.url ?? "/", "http://mock");
    const method = request.method ?? "GET";
    const found = matchRoute(routes, method, url.pathname);
    if (!found) return problem(404, "Not Found", `no operation of the contracts serves ${url.pathname}`);
    if ("allowed" in found) return { ...problem(405, "Method Not Allowed", `${url.pathname} is served for ${found.allowed.join(", ")} only`), headers: { "content-type": "application/problem+json", allow: found.allowed.join(", ") } };
    const { route, params } = found;
    const violations = checkRequest(route.operation, { params, query: url.searchParams, headers: request.headers, body }, route.contract.schemas, validators.get(route.contract)!);
    const keyHeader = route.operation.idempotencyKey?.toLowerCase();
    const key = keyHeader && [request.headers[keyHeader]].flat()[0];
    const required = requiredKeyHeader(route.operation);
    if (required && !key) violations.push({ in: "header", name: required, pointer: "", message: `required idempotency key header ${required} is missing` });
    if (violations.length) return refuse(route, refusalOf(route.operation), 400, "Bad Request", violations.map(describe).join("; "), { violations });
    // A key reused with another request: the IETF draft's 422, or the 409 a contract may declare for it.
    if (key && keys.reused(route.operation, key, `${method} ${url.pathname}${url.search}\n${body}`)) {
      return refuse(route, refusalOf(route.operation, ["422", "409"]), 422, "Unprocessable Content", `the ${route.operation.idempotencyKey} ${JSON.stringify(key)} came before with another request`);
    }
    let made = answers.get(route.operation);
    if (!made) {
      made = answerOf(route.operation, route.contract.schemas);
      answers.set(route.operation, made);
      const broken = made.sent && validators.get(route.contract)!(made.sent.schema, made.sent.value)[0];
      if (broken) warn(`${route.operation.label}: the ${made.status} body the mock sends breaks its schema at ${broken.pointer ? JSON.stringify(broken.pointer) : "its root"}: ${broken.message}`);
    }
    return made;
  };

  return (request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on("end", () => {
      const fault = injectedError(faults);
      const made = fault
        ? { ...problem(fault.status, "Injected Error", "an error charter mock was asked to inject"), headers: { "content-type": "application/problem+json", ...fault.headers } }
        : size > MAX_BODY
          ? problem(413, "Content Too Large", `a mock reads request bodies of up to ${MAX_BODY} bytes`)
          : answer(request, Buffer.concat(chunks).toString("utf8"));
      const send = () => {
        response.writeHead(made.status, made.headers);
        response.end(request.method === "HEAD" ? undefined : made.body);
      };
      if (faults.latencyMs > 0) setTimeout(send, faults.latencyMs);
      else send();
    });
  };
}
