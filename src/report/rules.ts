import type { ContractKind, Finding } from "../compat/finding.js";

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

/**
 * Sentences for rules whose id alone says too little. Every other rule gets one derived from its
 * id (see `sentenceFromId`). The proto rules' own one-line purposes live with the rules, in the
 * proto checker's chunk, which the report formats do not load: the CLI loads a kind's checker only
 * when a registry holds that kind.
 */
const SENTENCES: Record<string, string> = {
  "contract-added": "A contract was added to the registry.",
  "contract-removed": "A contract was removed from the registry; its clients or consumers lose it.",
  FIELD_NO_DELETE: "A field may not be deleted from its message.",
  FIELD_SAME_TYPE: "A field must keep its type.",
  ENUM_VALUE_NO_DELETE: "An enum value may not be deleted from its enum.",
};

/** `FIELD_SAME_TYPE` or `max-length-decreased` as lower-case words. */
const words = (id: string) => id.split(/[-_]/).join(" ").toLowerCase();

/**
 * A sentence from a rule id. buf's ids read as rules (`ONEOF_NO_DELETE` → "A oneof may not be
 * deleted.", `FILE_SAME_GO_PACKAGE` → "A file must keep the same go package."); oasdiff's and
 * charter's kebab-case ids name the change (`request-property-max-length-decreased` →
 * "Request property max length decreased.").
 */
function sentenceFromId(id: string): string {
  const rule = id.match(/^([A-Z0-9_]+?)_((?:NO|SAME)_[A-Z0-9_]+)$/);
  if (rule) {
    const [, subject, rest] = rule;
    // "An enum", "An extension", but "A oneof".
    const article = /^(?!ONE)[AEIOU]/.test(subject) ? "An" : "A";
    const unless = rest.match(/^NO_DELETE_UNLESS_(.+)_RESERVED$/);
    if (unless) return `${article} ${words(subject)} may not be deleted unless its ${words(unless[1])} is reserved.`;
    if (rest === "NO_DELETE") return `${article} ${words(subject)} may not be deleted.`;
    if (rest.startsWith("SAME_")) return `${article} ${words(subject)} must keep the same ${words(rest.slice(5))}.`;
  }
  return `${words(id).replace(/^./, (c) => c.toUpperCase())}.`;
}

const pascal = (id: string) =>
  id
    .split(/[-_\s]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join("");

const list = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/**
 * The texts of one rule, from the findings that carry it: a rule id may be shared by several
 * kinds of contract (`contract-removed`, `property-added`), so the description names them all.
 */
export function describeRule(rule: string, findings: Finding[]): RuleText {
  const short = SENTENCES[rule] ?? sentenceFromId(rule);
  const kinds = list([...new Set(findings.map((f) => f.kind))].sort().map((k) => KIND_NAMES[k]));
  const lint = findings.every((f) => f.category === "lint");
  const full = lint
    ? `${short} A house rule that charter lint checks on ${kinds} contracts; its severity is set under lint.rules in charter.yaml.`
    : `${short} A breaking-change check on ${kinds} contracts. Each finding judges the change in two directions, ` +
      "backward (new readers or servers, old data or clients) and forward (old readers or servers, new data or clients), " +
      "as compatible, conditional (works only if the other side tolerates it, such as a fallback for unknown values) or breaking; " +
      "the contract's compatibility mode decides which directions fail the gate.";
  const help = lint
    ? "Fix the contract as the message says, or change the rule's severity under lint.rules in charter.yaml."
    : "If the change is not intended, undo it. If it is, make it in a new major version beside the old one " +
      "(a new package, path or channel), or list the element under breaking.ignore in charter.yaml with a reason and an expiry date.";
  return { name: pascal(rule), short, full, help };
}
