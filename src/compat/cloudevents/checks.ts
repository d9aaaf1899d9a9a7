import type { CompareContext } from "../asyncapi/context.js";
import type { MessagePair } from "../asyncapi/message-pair.js";
import type { Message } from "../../contracts/asyncapi/model.js";
import type { RuleId } from "../../rules/catalog.js";
import type { SchemaPointer } from "../../contracts/schema-pointer.js";
import type { Verdict } from "../verdict.js";
import { attributeProblems, RECOMMENDED_NAME_LENGTH } from "./attributes.js";
import { attributeAt, cloudEventOf, extensionsOf, majorOf, type CloudEventSpec } from "./convention.js";

/** A finding about a CloudEvent as the checks below describe it; the caller adds places and element. */
interface Problem {
  rule: RuleId;
  backward: Verdict;
  forward: Verdict;
  message: string;
  /** The attribute it is about, for the location and the element key. */
  attribute?: string;
}

/**
 * What is wrong with a declared CloudEvent on its own: missing or invalid attributes, an
 * unversioned type. Only problems the old version did not already have are reported, so a gate
 * judges the change rather than the past.
 */
function problemsOf(spec: CloudEventSpec): Problem[] {
  const problems: Problem[] = [];
  const missing = ["type", "source"].filter((name) => typeof spec.attributes.get(name) !== "string" || spec.attributes.get(name) === "");
  for (const name of missing) {
    // Without type or source, consumers cannot route or de-duplicate (source + id) the event.
    problems.push({ rule: "cloudevents-attribute-missing", backward: "breaking", forward: "breaking", message: `the required attribute "${name}" is missing`, attribute: name });
  }
  for (const { name, reason } of attributeProblems(spec)) {
    if (missing.includes(name)) continue;
    // CloudEvents SDKs refuse to build or parse such an event.
    problems.push({ rule: "cloudevents-attribute-invalid", backward: "breaking", forward: "breaking", message: `attribute "${name}" is not valid CloudEvents 1.0: ${reason}`, attribute: name });
  }
  for (const name of spec.attributes.keys()) {
    if (name.length <= RECOMMENDED_NAME_LENGTH) continue;
    problems.push({ rule: "cloudevents-attribute-name-too-long", backward: "compatible", forward: "conditional", message: `attribute "${name}" is longer than the ${RECOMMENDED_NAME_LENGTH} characters CloudEvents recommends; some transports may refuse it`, attribute: name });
  }
  const type = spec.attributes.get("type");
  if (typeof type === "string" && type !== "" && majorOf(type) === undefined) {
    problems.push({ rule: "cloudevents-type-unversioned", backward: "compatible", forward: "conditional", message: `type "${type}" carries no major version (e.g. "${type}.v1"), so a breaking change cannot be published beside it`, attribute: "type" });
  }
  return problems;
}

/** How one attribute changed between two declarations of the same CloudEvent. */
function changesOf(old: CloudEventSpec, now: CloudEventSpec): Problem[] {
  const changes: Problem[] = [];
  const [from, to] = [old.attributes.get("type"), now.attributes.get("type")];
  if (typeof from === "string" && typeof to === "string" && from !== to) {
    const major = majorOf(from);
    const next = major === undefined ? `${from}.v2` : from.replace(/\.v\d+$/, `.v${major + 1}`);
    changes.push({
      rule: "cloudevents-type-changed",
      backward: "breaking",
      forward: "breaking",
      message: `type changed from "${from}" to "${to}"; consumers route by type: keep publishing "${from}" and publish a new "${next}" type beside it instead`,
      attribute: "type",
    });
  }
  const [oldSource, newSource] = [old.attributes.get("source"), now.attributes.get("source")];
  if (typeof oldSource === "string" && typeof newSource === "string" && oldSource !== newSource) {
    changes.push({ rule: "cloudevents-source-changed", backward: "breaking", forward: "breaking", message: `source changed from "${oldSource}" to "${newSource}"; consumers filter and de-duplicate by source`, attribute: "source" });
  }
  const [oldSchema, newSchema] = [old.attributes.get("dataschema"), now.attributes.get("dataschema")];
  if (oldSchema !== newSchema) {
    changes.push({ rule: "cloudevents-dataschema-changed", backward: "conditional", forward: "conditional", message: `dataschema changed from "${String(oldSchema ?? "(none)")}" to "${String(newSchema ?? "(none)")}"; readers that fetch or pin it must follow`, attribute: "dataschema" });
  }
  const [oldExtensions, newExtensions] = [extensionsOf(old), extensionsOf(now)];
  for (const name of oldExtensions.filter((n) => !newExtensions.includes(n))) {
    // Like a removed field (ARCHITECTURE.md, "The compatibility model"): old readers that use the extension no longer get it.
    changes.push({ rule: "cloudevents-extension-removed", backward: "conditional", forward: "breaking", message: `extension attribute "${name}" was removed`, attribute: name });
  }
  for (const name of newExtensions.filter((n) => !oldExtensions.includes(n))) {
    changes.push({ rule: "cloudevents-extension-added", backward: "compatible", forward: "compatible", message: `extension attribute "${name}" was added`, attribute: name });
  }
  return changes;
}

/** Reports problems at their attribute in the new version, or at `parent` when the declaration is gone. */
function reportAll(ctx: CompareContext, pair: { element: string; name: string }, problems: Problem[], now: CloudEventSpec | undefined, old: CloudEventSpec | undefined, parent?: SchemaPointer): void {
  for (const problem of problems) {
    const attribute = problem.attribute;
    ctx.report({
      rule: problem.rule,
      backward: problem.backward,
      forward: problem.forward,
      message: `CloudEvent ${pair.name}: ${problem.message}.`,
      at: now ? (attribute ? attributeAt(now, attribute) : now.at) : parent,
      before: old && (attribute && old.attributes.has(attribute) ? attributeAt(old, attribute) : old.at),
      element: `${pair.element} cloudevents${attribute ? ` ${attribute}` : ""}`,
    });
  }
}

const key = (p: Problem) => `${p.rule} ${p.attribute ?? ""}`;

/** The CloudEvents checks of a message matched in both versions. */
export function compareCloudEvents(ctx: CompareContext, pair: MessagePair): void {
  const old = cloudEventOf(pair.old);
  const now = cloudEventOf(pair.now);
  if (!old && !now) return;
  if (old && !now) {
    // Old consumers read the event's attributes; new readers of retained old events can ignore them.
    reportAll(ctx, pair, [{ rule: "cloudevents-declaration-removed", backward: "compatible", forward: "breaking", message: "the message is no longer declared a CloudEvent (x-cloudevents)" }], undefined, old, pair.now.message.at);
    return;
  }
  const seen = new Set(old ? problemsOf(old).map(key) : []);
  const fresh = problemsOf(now!).filter((p) => !seen.has(key(p)));
  if (!old) {
    // New readers expect attributes that retained old messages do not carry.
    fresh.unshift({ rule: "cloudevents-declaration-added", backward: "breaking", forward: "compatible", message: "the message is now declared a CloudEvent (x-cloudevents); old messages lack its attributes" });
  }
  reportAll(ctx, pair, [...fresh, ...(old ? changesOf(old, now!) : [])], now, old);
}

/** The CloudEvents checks of a message new in this version: only what is wrong with its declaration. */
export function checkNewCloudEvent(ctx: CompareContext, message: Message, pair: { element: string; name: string }): void {
  const now = cloudEventOf(message);
  if (now) reportAll(ctx, pair, problemsOf(now), now, undefined);
}
