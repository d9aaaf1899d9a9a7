import type { RuleMeta } from "../rule-meta.js";

/**
 * What `charter verify` finds when it calls each RPC of a running service with a synthesised
 * request (Connect, gRPC or gRPC-Web): each finding names the RPC (`pkg.Service/Method`).
 */
export const PROTO_VERIFY_RULES = [
  {
    id: "rpc-unimplemented",
    kinds: ["proto"],
    check: "verify",
    category: "rpc",
    severity: "error",
    description:
      "The service answered an RPC of its contract with `Unimplemented` (or, over HTTP, a 404 for its path): " +
      "the contract promises a method the service does not serve, so every client call to it fails.",
  },
  {
    id: "rpc-error",
    kinds: ["proto"],
    check: "verify",
    category: "rpc",
    severity: "error",
    description:
      "The service answered a valid request (every field set, its protovalidate rules met) with an error code, " +
      "or the call failed in transport (a malformed or truncated response, a wrong content type). " +
      "A contract test cannot tell a deliberate error from a broken handler, so the finding names the code and its message for a person to judge.",
  },
  {
    id: "rpc-response-invalid",
    kinds: ["proto"],
    check: "verify",
    category: "rpc",
    severity: "error",
    description:
      "The response does not decode as the RPC's output message, or decodes but breaks the output message's " +
      "protovalidate rules (`buf.validate`). Clients generated from the contract cannot read it, or read values their rules forbid.",
  },
] as const satisfies readonly RuleMeta[];
