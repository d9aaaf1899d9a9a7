import type { RuleMeta } from "../rule-meta.js";

/** Rules about a whole contract, for every kind: one appearing in or leaving the registry. */
export const CONTRACT_BREAKING_RULES = [
  {
    id: "contract-added",
    kinds: ["proto", "openapi", "asyncapi", "jsonschema"],
    check: "breaking",
    category: "contract",
    description:
      "A contract appeared in the registry (a new proto package, OpenAPI or AsyncAPI document, or JSON Schema). Nobody " +
      "depends on it yet; for an API, new clients calling an old deployment that lacks it get no answer (forward conditional).",
  },
  {
    id: "contract-removed",
    kinds: ["proto", "openapi", "asyncapi", "jsonschema"],
    check: "breaking",
    category: "contract",
    description:
      "A contract left the registry. For an API, old clients that still call it break (backward); for data, new readers " +
      "no longer describe old data (conditional) and old readers wait for data that no longer comes (forward).",
  },
  {
    id: "contract-moved",
    kinds: ["openapi"],
    check: "breaking",
    category: "contract",
    description:
      "An OpenAPI document was renamed or moved without an info.x-charter-id to carry its identity: charter paired it " +
      "with its old version by the same info.title, or by most of its operations in common, and compared the two as one " +
      "contract rather than reporting one API removed and another added. Nothing changes on the wire by the move itself; " +
      "set x-charter-id to make the pairing explicit.",
  },
] as const satisfies readonly RuleMeta[];
