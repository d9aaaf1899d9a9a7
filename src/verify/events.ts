import type { Finding } from "../compat/finding.js";
import type { AsyncApiContract } from "../contracts/contract.js";
import { CONFIG_FILE, loadConfig } from "../registry/config.js";
import { joinPath, type Snapshot } from "../registry/snapshot.js";
import { finaliseReport } from "../report/finalise.js";
import type { Report } from "../report/report.js";
import { eventJudge, type EventChannel, type ReceivedEvent } from "./check-event.js";
import { verifyFinding } from "./finding.js";

/** An AsyncAPI contract and where its service's events are watched: a `nats://` server, or the `http://` address a sink listens on. */
export interface EventTarget {
  contract: AsyncApiContract;
  url: string;
}

export interface EventVerifyOptions {
  /**
   * The events the service sent on the channels during the window: the shell (cli/run/verify.ts)
   * subscribes or listens, so the core does no I/O.
   */
  collect: (target: EventTarget, channels: EventChannel[]) => Promise<ReceivedEvent[]>;
}

/**
 * `charter verify` for events: each target's contract says which channels its service sends on
 * and what; every event seen there in the window is judged (check-event.ts), and each problem is a
 * `verify` finding located at the contract's line for its message (or channel). An event on an
 * address no channel declares is reported against the first channel's place.
 */
export async function runVerifyEvents(input: Snapshot, targets: EventTarget[], options: EventVerifyOptions): Promise<{ report: Report; seen: number }> {
  const config = loadConfig(input.files, joinPath(input.base, CONFIG_FILE));
  const findings: Finding[] = [];
  let seen = 0;
  const judges = targets.map((target) => eventJudge(target.contract, input, "send"));
  // Every target is watched at once: one window for the run, however many services.
  const collected = await Promise.all(targets.map((target, i) => options.collect(target, judges[i].channels)));
  for (const [i, { contract, url }] of targets.entries()) {
    const judge = judges[i];
    const events = collected[i];
    seen += events.length;
    for (const event of events) {
      const problems = judge.judge(event) ?? [
        {
          rule: "event-type-undeclared" as const,
          message: `an event on ${JSON.stringify(event.address)}, an address no channel the service sends on has (${judge.channels.map((c) => c.address).join(", ") || "none"})`,
          at: { file: contract.document.file, pointer: "/channels" },
          element: `address ${event.address}`,
        },
      ];
      for (const problem of problems) {
        const finding = verifyFinding({ ...problem, location: contract.schemas.location(problem.at) }, contract, url, input.base);
        // The same fault in every event of a window is one finding.
        if (!findings.some((f) => f.fingerprint === finding.fingerprint)) findings.push(finding);
      }
    }
  }
  const contracts = targets.map(({ contract }) => ({ id: contract.id, kind: contract.kind, path: contract.path, change: "unchanged" as const, mode: config.compatibility.data }));
  return { report: finaliseReport({ input: input.label, against: targets.map((t) => t.url), contracts, findings }), seen };
}

/** One report of two runs over the same registry (OpenAPI targets and event targets). */
export function joinReports(first: Report, second: Report): Report {
  return finaliseReport({ input: first.input, against: [...first.against, ...second.against], contracts: [...first.contracts, ...second.contracts], findings: [...first.findings, ...second.findings] });
}
