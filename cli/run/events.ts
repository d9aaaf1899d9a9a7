/*
 * The I/O of events for `charter mock` and `charter verify`: publishing sample CloudEvents to NATS,
 * and collecting what a service sends over NATS or POSTs to an HTTP sink for a window. Judging is
 * the core's (src/verify/check-event.ts).
 */
import { createServer } from "node:http";
import { CloudEvent, HTTP } from "cloudevents";
import { connect, headers as natsHeaders, type NatsConnection } from "nats";
import { InputError } from "../../src/errors.js";
import { eventHeaders, sinkPath, type SampleEvent } from "../../src/mock/events.js";
import type { Snapshot } from "../../src/registry/snapshot.js";
import type { Report } from "../../src/report/report.js";
import type { EventChannel, ReceivedEvent } from "../../src/verify/check-event.js";
import { joinReports, runVerifyEvents, type EventTarget } from "../../src/verify/events.js";

/** How long a broker may take to answer before charter gives up on it. */
const CONNECT_TIMEOUT_MS = 5_000;

async function connectNats(url: string, who: string): Promise<NatsConnection> {
  try {
    return await connect({ servers: url, timeout: CONNECT_TIMEOUT_MS });
  } catch (error) {
    throw new InputError(`${who}: cannot reach ${url}: ${(error as { code?: string }).code ?? (error as Error).message}`);
  }
}

/** A NATS subject for an address, each token holding a parameter a wildcard, as the generated runtime subscribes (events/nats.ts). */
const subjectOf = (address: string): string => address.split(".").map((token) => (/\{[^{}]+\}/.test(token) ? "*" : token)).join(".");

/**
 * Publishes each sample once, in CloudEvents binary mode (`ce-*` headers, the data as payload),
 * then again every `intervalMs` if given, until the process stops. Core NATS publishes: a stream
 * capturing the subject stores them as it would a producer's.
 */
export async function publishSamples(url: string, samples: SampleEvent[], intervalMs: number | undefined, log: (line: string) => void): Promise<void> {
  const nc = await connectNats(url, "--nats");
  const publish = () => {
    for (const { address, attributes, data } of samples) {
      const message = HTTP.binary(new CloudEvent<unknown>({ ...attributes, data }));
      const headers = natsHeaders();
      for (const [name, value] of Object.entries(message.headers)) if (value !== undefined) headers.append(name, String(value));
      const body = message.body as string | Uint8Array;
      nc.publish(address, typeof body === "string" ? new TextEncoder().encode(body) : body, { headers });
    }
  };
  publish();
  await nc.flush();
  for (const sample of samples) log(`charter mock: ${sample.contract.id} publishes ${sample.attributes.type} on ${url} subject ${sample.address}${intervalMs ? ` every ${intervalMs} ms` : ""}`);
  if (intervalMs) setInterval(publish, intervalMs);
}

/** When a watch ends: after `windowMs`, or as soon as `events` events were seen. */
export interface Window {
  windowMs: number;
  events?: number;
}

/** Collects events until the window ends; `start` begins watching and resolves once it is in place. */
async function watch(window: Window, start: (take: (event: ReceivedEvent) => void) => Promise<() => Promise<void>>): Promise<ReceivedEvent[]> {
  const seen: ReceivedEvent[] = [];
  let enough: () => void = () => {};
  const full = new Promise<void>((resolve) => (enough = resolve));
  const stop = await start((event) => {
    seen.push(event);
    if (window.events !== undefined && seen.length >= window.events) enough();
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([full, new Promise<void>((resolve) => (timer = setTimeout(resolve, window.windowMs)))]);
  clearTimeout(timer);
  await stop();
  return seen;
}

/** Every event published on the channels' subjects during the window, headers lower-cased. */
function collectNats(url: string, who: string, channels: EventChannel[], window: Window, log: (line: string) => void): Promise<ReceivedEvent[]> {
  return watch(window, async (take) => {
    const nc = await connectNats(url, who);
    const subjects = [...new Set(channels.map((c) => subjectOf(c.address)))];
    for (const subject of subjects) {
      nc.subscribe(subject, {
        callback: (error, msg) => {
          if (error) return;
          const headers: Record<string, string> = {};
          for (const name of msg.headers?.keys() ?? []) headers[name.toLowerCase()] = msg.headers!.get(name);
          take({ address: msg.subject, headers, body: msg.data });
        },
      });
    }
    // The server has the subscriptions once it answers a flush: from here no event is missed.
    await nc.flush();
    log(`charter verify: ${who}: watching ${url} subjects ${subjects.join(", ") || "(none)"} for ${window.windowMs} ms`);
    return () => nc.close();
  });
}

/**
 * Every event POSTed to the channels' sink paths (`/<address>`, as the generated HTTP transport
 * sends) during the window, on a server listening at `url`'s host and port (0: any free port).
 * Each is answered 202: the sink observes, the report judges.
 */
function collectHttp(url: string, who: string, channels: EventChannel[], window: Window, log: (line: string) => void): Promise<ReceivedEvent[]> {
  return watch(window, async (take) => {
    const { hostname, port } = new URL(url);
    const host = hostname.replace(/^\[|\]$/g, "");
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        let address: string;
        try {
          address = decodeURIComponent(new URL(request.url ?? "/", "http://sink").pathname.slice(1));
        } catch {
          address = request.url ?? "/";
        }
        response.writeHead(request.method === "POST" ? 202 : 405).end();
        if (request.method !== "POST") return;
        take({ address, headers: eventHeaders(request.headers), body: Buffer.concat(chunks) });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) => reject(new InputError(`${who}: cannot listen on ${host}:${port}: ${error.code ?? error.message}`)));
      server.listen(Number(port || 80), host, resolve);
    });
    const address = server.address();
    const base = `http://${hostname}:${typeof address === "object" && address ? address.port : port}`;
    log(`charter verify: ${who}: listening at ${base} (${channels.map((c) => sinkPath(c.address)).join(", ") || "no channels"}) for ${window.windowMs} ms`);
    return () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
  });
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `charter verify` of AsyncAPI targets: each watched for a window (a `nats://` target subscribed
 * to, an `http://` one a sink listening there), what was seen judged by the core, and the report
 * joined to that of the OpenAPI targets when there were some.
 */
export async function verifyEvents(input: Snapshot, targets: EventTarget[], window: Window, requests: Report | undefined): Promise<Report> {
  const { report, seen } = await runVerifyEvents(input, targets, {
    collect: ({ contract, url }, channels) => (url.startsWith("nats:") ? collectNats : collectHttp)(url, contract.id, channels, window, log),
  });
  log(`charter verify: ${seen} event${seen === 1 ? "" : "s"} seen`);
  return requests ? joinReports(requests, report) : report;
}
