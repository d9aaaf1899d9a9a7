import { createRequire } from "node:module";
import type { CloudEventSpec } from "./convention.js";

const require = createRequire(import.meta.url);

type Sdk = typeof import("cloudevents");
let sdk: Sdk | undefined;

/** The CloudEvents SDK, loaded only for documents that declare CloudEvents. */
const cloudevents = (): Sdk => (sdk ??= require("cloudevents") as Sdk);

/** CloudEvents recommends short names (some transports carry them as headers). */
export const RECOMMENDED_NAME_LENGTH = 20;

/** A problem the CloudEvents SDK finds with one declared attribute. */
export interface AttributeProblem {
  name: string;
  /** The SDK's explanation, first line. */
  reason: string;
}

/** The SDK's schema errors say where; its other errors explain themselves on their first line. */
function reasonOf(error: InstanceType<Sdk["ValidationError"]>): string {
  const [first] = (error.errors ?? []) as ({ instancePath?: string; message?: string } | string)[];
  if (typeof first === "object" && first.message) return `${first.instancePath?.replace(/^\//, "") || "attribute"} ${first.message}`;
  return error.message.split("\n")[0];
}

/**
 * Each attribute is checked alone by building an event around it with the SDK, which enforces the
 * CloudEvents 1.0 rules (names of a-z0-9, `source` a URI-reference, `dataschema` a URI, ...): one
 * event per attribute, so every bad attribute is named rather than the first.
 */
export function attributeProblems(spec: CloudEventSpec): AttributeProblem[] {
  const { CloudEvent, V1 } = cloudevents();
  const problems: AttributeProblem[] = [];
  for (const [name, value] of spec.attributes) {
    if (name === "specversion" && value !== V1) {
      problems.push({ name, reason: `specversion must be "${V1}"` });
      continue;
    }
    try {
      new CloudEvent({ id: "charter", source: "/charter", type: "charter.check.v1", [name]: value }, true);
    } catch (error) {
      problems.push({ name, reason: reasonOf(error as InstanceType<Sdk["ValidationError"]>) });
    }
  }
  return problems;
}
