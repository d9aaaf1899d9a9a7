import type { RuleMeta } from "../rule-meta.js";

/**
 * What `charter verify` finds in the CloudEvents a running service sends (over NATS, or to an HTTP
 * sink), and what `charter mock`'s sink refuses: each finding names the channel and message, and
 * for the data the JSON pointer of the value that does not conform.
 */
export const ASYNCAPI_VERIFY_RULES = [
  {
    id: "event-attributes-invalid",
    kinds: ["asyncapi"],
    check: "verify",
    category: "message",
    severity: "error",
    description:
      "The event is not a valid CloudEvent (a required attribute such as `id`, `source`, `type` or `specversion` " +
      "missing or malformed), or its `source`, `dataschema` or data content type differs from what the message " +
      "declares. Consumers route, deduplicate and parse events by these attributes.",
  },
  {
    id: "event-type-undeclared",
    kinds: ["asyncapi"],
    check: "verify",
    category: "message",
    severity: "error",
    description:
      "An event arrived on a channel with a CloudEvents `type` that no message of the channel declares. " +
      "Generated consumers dispatch by type: they cannot read it.",
  },
  {
    id: "event-data-invalid",
    kinds: ["asyncapi"],
    check: "verify",
    category: "message",
    severity: "error",
    description:
      "The event's data does not conform to the message's payload schema (a required property missing, a " +
      "value of the wrong type, outside its enum or bounds; or Avro bytes its schema cannot read). The finding " +
      "names the JSON pointer of the offending value in the data.",
  },
] as const satisfies readonly RuleMeta[];
