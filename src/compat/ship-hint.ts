import type { ContractKind } from "./finding.js";

/** `shop.users.v1` → `shop.users.v2`; undefined when the id carries no major version. */
function nextMajor(id: string): string | undefined {
  const match = /^(.*\bv)(\d+)((?:alpha|beta)\d*)?$/.exec(id);
  return match ? `${match[1]}${Number(match[2]) + 1}` : undefined;
}

/**
 * What to do instead of breaking a contract inside its major version (DESIGN.md §3): ship the
 * change as a new major version beside the old one, and retire the old one when nobody uses it.
 */
export function shipHint(kind: ContractKind, contract: string): string {
  switch (kind) {
    case "proto": {
      const next = nextMajor(contract);
      return next ? `To ship it, add package ${next} beside ${contract}.` : "To ship it, add a new major version of the package (.v2) beside this one.";
    }
    case "openapi":
      return "To ship it, add a /v2 path (or a v2 API) beside the old one and deprecate the old one with a sunset.";
    case "asyncapi":
      return "To ship it, publish a new .v2 event type and channel beside the old ones.";
    case "jsonschema":
      return "To ship it, publish a new major version of the schema (a new $id, .v2) beside the old one.";
  }
}
