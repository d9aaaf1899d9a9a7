import type { ContractKind, Finding } from "../compat/finding.js";
import { ruleMeta } from "../rules/catalog.js";

/** What a report format says about a rule: SARIF's reportingDescriptor texts. */
export interface RuleText {
  /** A PascalCase name, as SARIF recommends for `name` (`FieldNoDelete`). */
  name: string;
  /** One sentence. */
  short: string;
  /** One paragraph: what the rule checks and how charter judges it. */
  full: string;
  /** What to do about a finding. */
  help: string;
}

const KIND_NAMES: Record<ContractKind, string> = { proto: "Protocol Buffers", openapi: "OpenAPI", asyncapi: "AsyncAPI", jsonschema: "JSON Schema" };

const pascal = (id: string) =>
  id
    .split(/[-_\s]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join("");

const list = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/** The first sentence of a paragraph (a full stop before a capital, or the end). */
const firstSentence = (text: string) => text.match(/^.+?[.!?](?=\s+[A-Z]|$)/s)?.[0] ?? text;

/**
 * The texts of one rule: its catalog entry's description, and what the findings that carry it say
 * about the contracts (a rule id may be shared by several kinds, `contract-removed`, so the
 * description names them all).
 */
export function describeRule(rule: Finding["rule"], findings: Finding[]): RuleText {
  const meta = ruleMeta(rule);
  if (!meta) throw new Error(`rule ${rule} is not in the rule catalog`);
  const kinds = list([...new Set(findings.map((f) => f.kind))].sort().map((k) => KIND_NAMES[k]));
  const lint = findings.every((f) => f.category === "lint");
  const verify = findings.every((f) => f.category === "verify");
  if (verify) {
    return {
      name: pascal(rule),
      short: firstSentence(meta.description),
      full: `${meta.description} A check charter verify makes of a running service against its ${kinds} contract.`,
      help: "Fix the service so that it answers as the contract says, or, if the service is right, declare what it does in the contract.",
    };
  }
  const full = lint
    ? `${meta.description} A house rule that charter lint checks on ${kinds} contracts; its severity is set under lint.rules in charter.yaml.`
    : `${meta.description} A breaking-change check on ${kinds} contracts. Each finding judges the change in two directions, ` +
      "backward (new readers or servers, old data or clients) and forward (old readers or servers, new data or clients), " +
      "as compatible, conditional (works only if the other side tolerates it, such as a fallback for unknown values) or breaking; " +
      "the contract's compatibility mode decides which directions fail the gate.";
  const help = lint
    ? "Fix the contract as the message says, or change the rule's severity under lint.rules in charter.yaml."
    : "If the change is not intended, undo it. If it is, make it in a new major version beside the old one " +
      "(a new package, path or channel), or list the element under breaking.ignore in charter.yaml with a reason and an expiry date.";
  return { name: pascal(rule), short: firstSentence(meta.description), full, help };
}
