import type { RuleMeta } from "../rule-meta.js";

/**
 * CloudEvents rules, on AsyncAPI messages declared CloudEvents (`x-cloudevents`): the attributes
 * every event must carry valid (CloudEvents 1.0), and changes to the attributes consumers filter,
 * route and de-duplicate by.
 */
const entry = <const I extends string>(
  id: I, description: string, verdicts: { backward: "compatible" | "conditional" | "breaking"; forward: "compatible" | "conditional" | "breaking" },
) => ({ id, kinds: ["asyncapi"] as const, check: "breaking" as const, category: "cloudevents", description, verdicts });

export const CLOUDEVENTS_BREAKING_RULES = [
  entry("cloudevents-attribute-missing", "A required CloudEvents attribute (id, source, specversion, type) is missing from the declaration: consumers and SDKs refuse the event.", { backward: "breaking", forward: "breaking" }),
  entry("cloudevents-attribute-invalid", "An attribute is not valid CloudEvents 1.0 (a name outside a-z0-9, a source that is no URI reference, an unknown specversion): consumers and SDKs refuse the event.", { backward: "breaking", forward: "breaking" }),
  entry("cloudevents-attribute-name-too-long", "An attribute name is longer than the 20 characters CloudEvents recommends: some transports may refuse it.", { backward: "compatible", forward: "conditional" }),
  entry("cloudevents-type-unversioned", "The event type carries no major version (e.g. `com.example.order.created.v1`), so a breaking change cannot be published beside it under a new type.", { backward: "compatible", forward: "conditional" }),
  entry("cloudevents-type-changed", "The event type changed: consumers subscribe and route by type, so old consumers no longer receive the event.", { backward: "breaking", forward: "breaking" }),
  entry("cloudevents-source-changed", "The event source changed: consumers filter and de-duplicate by source.", { backward: "breaking", forward: "breaking" }),
  entry("cloudevents-dataschema-changed", "The dataschema URI changed: readers that fetch or pin it must follow.", { backward: "conditional", forward: "conditional" }),
  entry("cloudevents-extension-added", "An extension attribute was added: old consumers ignore it.", { backward: "compatible", forward: "compatible" }),
  entry("cloudevents-extension-removed", "An extension attribute was removed: consumers that filter or route by it no longer find it.", { backward: "conditional", forward: "breaking" }),
  entry("cloudevents-declaration-added", "A message is now declared a CloudEvent: old messages lack its attributes.", { backward: "breaking", forward: "compatible" }),
  entry("cloudevents-declaration-removed", "A message is no longer declared a CloudEvent: consumers that read its attributes find none.", { backward: "compatible", forward: "breaking" }),
] as const satisfies readonly RuleMeta[];
