import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NatsConnection } from "nats";

/** Debian's nats-server package; CI installs it (.ci/run). NATS_SERVER_PATH points elsewhere. */
export const NATS_SERVER = process.env.NATS_SERVER_PATH ?? "/usr/sbin/nats-server";

export interface NatsServer {
  /** `nats://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

/**
 * A reason to skip the NATS tests, or false to run them. In CI a missing server never skips: the
 * tests run and fail on it, so a broken CI image cannot pass unnoticed.
 */
export function natsServerSkip(): string | false {
  if (process.env.CI === "true" || existsSync(NATS_SERVER)) return false;
  return `${NATS_SERVER} is missing (apt-get install nats-server); NATS tests skipped outside CI`;
}

/**
 * Starts a JetStream-enabled nats-server on 127.0.0.1 with a port of its choosing and a fresh
 * store folder, and resolves once it accepts connections.
 */
export async function startNatsServer(): Promise<NatsServer> {
  if (!existsSync(NATS_SERVER)) throw new Error(`${NATS_SERVER} is missing: install Debian's nats-server package`);
  const store = mkdtempSync(join(tmpdir(), "charter-nats-"));
  // -p -1: a random free port, which the server logs; no race with another process for a port we picked.
  const child = spawn(NATS_SERVER, ["-js", "-a", "127.0.0.1", "-p", "-1", "-sd", store], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nats-server did not start within 10 s:\n${log}`)), 10_000);
      child.on("error", reject);
      child.on("exit", (code) => reject(new Error(`nats-server exited with ${code}:\n${log}`)));
      const read = (chunk: string) => {
        log += chunk;
        const port = /Listening for client connections on [^\s]+:(\d+)/.exec(log)?.[1];
        if (port && log.includes("Server is ready")) {
          clearTimeout(timer);
          // Keep draining the log, unread, so the server never blocks on a full pipe.
          child.stderr.off("data", read).resume();
          resolve(port);
        }
      };
      child.stderr.setEncoding("utf8").on("data", read);
    });
    return {
      url: `nats://127.0.0.1:${port}`,
      async stop() {
        if (child.exitCode === null) {
          child.kill("SIGTERM");
          await once(child, "exit");
        }
        rmSync(store, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(store, { recursive: true, force: true });
    throw error;
  }
}

/** Every message JetStream stores for a subject, raw: its NATS headers (lower-cased) and payload bytes; none when no stream holds it. */
export async function storedMessages(nc: NatsConnection, subject: string): Promise<{ headers: Record<string, string>; data: Uint8Array }[]> {
  const jsm = await nc.jetstreamManager();
  const [stream] = await jsm.streams.names(subject).next();
  if (!stream) return [];
  const { state } = await jsm.streams.info(stream);
  const messages = [];
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
    const message = await jsm.streams.getMessage(stream, { seq });
    const headers: Record<string, string> = {};
    for (const name of message.header?.keys() ?? []) headers[name.toLowerCase()] = message.header.get(name);
    messages.push({ headers, data: message.data });
  }
  return messages;
}
