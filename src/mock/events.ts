import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { avroSchemaOf } from "../contracts/asyncapi/avro-schema.js";
import type { AsyncApiContract } from "../contracts/contract.js";
import { channelParameter } from "../contracts/asyncapi/channel-parameter.js";
import type { Channel } from "../contracts/asyncapi/model.js";
import { eventAttributes, type EventAttributes } from "../compat/cloudevents/convention.js";
import { valueOf } from "../http/values.js";
import type { Snapshot } from "../registry/snapshot.js";
import { injectedError, type FaultOptions } from "./faults.js";
import { confluentSchemaIdOf, eventChannels, eventJudge, type EventJudge, type EventProblem } from "../verify/check-event.js";

/** A sink path: one per channel address, `/<address>` as the generated HTTP transport posts it by default. */
export const sinkPath = (address: string): string => `/${encodeURIComponent(address)}`;

/**
 * A request's headers for the judge: lower case, single-valued, `ce-*` values percent-decoded as
 * CloudEvents' HTTP binding writes them (the generated HTTP producer encodes what is not printable
 * ASCII); a value that does not decode is judged as sent.
 */
export function eventHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const read: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== "string") continue;
    try {
      read[name] = name.startsWith("ce-") ? decodeURIComponent(value) : value;
    } catch {
      read[name] = value;
    }
  }
  return read;
}

/** The largest event the sink reads, as the generated HTTP receiver's default. */
const MAX_BODY = 1024 * 1024;

export interface EventSink {
  /** Each contract's sink paths, for the shell to say where they are served. */
  paths: { contract: AsyncApiContract; path: string }[];
  /**
   * Serves a request to a sink path (true), or leaves it to the OpenAPI mock (false): a POSTed
   * CloudEvent (binary or structured mode) is answered 202 when one of the contracts receiving on
   * the channel declares it and it is valid, else 400 with a problem document naming each
   * violation, its rule and its JSON pointer.
   */
  handle: (request: IncomingMessage, response: ServerResponse) => boolean;
}

function send(response: ServerResponse, status: number, body?: object, headers: Record<string, string> = {}): void {
  response.writeHead(status, body ? { "content-type": "application/problem+json", ...headers } : headers);
  response.end(body ? JSON.stringify({ type: "about:blank", status, ...body }) : undefined);
}

/**
 * The mock's CloudEvents sink for the AsyncAPI contracts: it stands in for each service, so it
 * takes the events the service receives, on one path per channel (`/order.paid.v1`); contracts
 * receiving on one address share its path, an event being judged by each until one accepts it.
 */
export function createEventSink(contracts: AsyncApiContract[], snapshot: Snapshot, faults: FaultOptions): EventSink {
  const judges: EventJudge[] = contracts.map((contract) => eventJudge(contract, snapshot, "receive"));
  const paths = judges.flatMap((j) => j.channels.map((c) => ({ contract: j.contract, path: sinkPath(c.address) })));
  const addressOf = (url: string): string | undefined => {
    try {
      return decodeURIComponent(new URL(url, "http://mock").pathname.slice(1));
    } catch {
      return undefined;
    }
  };

  const handle = (request: IncomingMessage, response: ServerResponse): boolean => {
    const address = addressOf(request.url ?? "/");
    const judging = address === undefined ? [] : judges.filter((j) => j.covers(address));
    if (address === undefined || !judging.length) return false;
    if (request.method !== "POST") {
      send(response, 405, { title: "Method Not Allowed", detail: `${address} takes CloudEvents by POST` }, { allow: "POST" });
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on("end", () => (faults.latencyMs > 0 ? setTimeout(answer, faults.latencyMs) : answer()));
    const answer = () => {
      // Producers test their retries as clients do: the same injected errors as the OpenAPI mock's.
      const fault = injectedError(faults);
      if (fault) return send(response, fault.status, { title: "Injected Error", detail: "an error charter mock was asked to inject" }, fault.headers);
      if (size > MAX_BODY) return send(response, 413, { title: "Content Too Large", detail: `the sink reads events of up to ${MAX_BODY} bytes` });
      const event = { address, headers: eventHeaders(request.headers), body: Buffer.concat(chunks) };
      const verdicts = judging.map((j) => j.judge(event)!);
      if (verdicts.some((problems) => !problems.length)) return send(response, 202);
      // The contract that knows the event's type says best what is wrong with it.
      const problems = verdicts.find((p) => !p.some((v) => v.rule === "event-type-undeclared")) ?? verdicts[0];
      send(response, 400, {
        title: "Bad Request",
        detail: problems.map((p) => p.message).join("; "),
        violations: problems.map(({ rule, pointer, message }: EventProblem) => ({ rule, pointer, message })),
      });
    };
    return true;
  };
  return { paths, handle };
}

/** An event the mock publishes for a service: where, with which attributes, and its data (Avro as bytes). */
export interface SampleEvent {
  contract: AsyncApiContract;
  address: string;
  attributes: EventAttributes;
  data: unknown;
}

/**
 * A sample of every message each contract says its service sends, on its channel's address (its
 * parameters given sample values): data from the message's first example, else synthesised
 * from its payload schema by the one synthesiser (http/values.ts), or for Avro a random value of
 * the schema encoded by avsc, all valid against the message.
 */
export function sampleEvents(contracts: AsyncApiContract[]): SampleEvent[] {
  return contracts.flatMap((contract) =>
    eventChannels(contract, "send").flatMap(({ channel, address, messages }) =>
      messages.map((message) => {
        const examples = message.message.value.examples;
        const example = Array.isArray(examples) ? examples.find((e) => e !== null && typeof e === "object" && "payload" in e) : undefined;
        const avro = message.avro && avroSchemaOf(contract, message.avro).type;
        const data = avro ? confluentFramed(confluentSchemaIdOf(message), avro.toBuffer(example ? example.payload : avro.random())) : valueOf(contract.schemas, example && { value: example.payload }, message.payload)?.value;
        return { contract, address: concreteAddress(contract, channel, address), attributes: eventAttributes(contract.id, message), data };
      }),
    ),
  );
}

/**
 * An address with each parameter replaced by a value of its own (its first enum value, default or
 * example, else synthesised from its schema); an undeclared one, or one whose value would leave
 * its segment (a `.` or `/` in it), by its name.
 */
function concreteAddress(contract: AsyncApiContract, channel: Channel, address: string): string {
  return address.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const at = channelParameter(contract, channel, name);
    const value = at && valueOf(contract.schemas, undefined, at)?.value;
    const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
    return text && !/[./\s]/.test(text) ? text : name;
  });
}

/** Avro bytes in Confluent's wire format (a zero byte and the schema id, big-endian, first) when the message has an id. */
function confluentFramed(id: number | undefined, bytes: Buffer): Buffer {
  if (id === undefined) return bytes;
  const header = Buffer.alloc(5);
  header.writeUInt32BE(id, 1);
  return Buffer.concat([header, bytes]);
}
