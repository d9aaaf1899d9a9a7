import { segmentsOf, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { isObject } from "./yaml.js";

/**
 * Inline suppressions. In proto, `// buf:lint:ignore RULE reason` (buf's own form, so existing
 * comments keep working) or `// charter:ignore RULE reason`, on the element's line or right above
 * it; in YAML, `x-charter-ignore: { RULE: "reason" }` on the element or any ancestor. A reason is
 * required: one without is reported by `suppression-without-reason` (it still suppresses, so the
 * author sees one finding that says what to add, not two).
 */
export const IGNORE_KEY = "x-charter-ignore";

const PROTO_DIRECTIVE = /^(?:buf:lint:ignore|charter:ignore)\s+(\S+)\s*(.*)$/;

export interface Directive {
  rule: string;
  reason: string;
}

/** The suppression directive of one proto comment, if it is one. */
export function protoDirective(comment: string): Directive | undefined {
  const match = PROTO_DIRECTIVE.exec(comment);
  return match ? { rule: match[1], reason: match[2].trim() } : undefined;
}

/** The rules a YAML/JSON element suppresses, from its own `x-charter-ignore` and its ancestors'. */
export function yamlSuppressed(root: unknown, at: SchemaPointer): Set<string> {
  const rules = new Set<string>();
  let node = root;
  for (const segment of ["", ...segmentsOf(at.pointer)]) {
    if (segment !== "") node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
    const ignore = isObject(node) ? node[IGNORE_KEY] : undefined;
    if (isObject(ignore)) Object.keys(ignore).forEach((rule) => rules.add(rule));
  }
  return rules;
}
