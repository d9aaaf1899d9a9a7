import type { RuleId } from "../../rules/catalog.js";
import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { LIFECYCLE_IDS, REMOVAL_IDS } from "./check-ids.js";
import { requestWriter, type CompareContext } from "./context.js";
import { operationName, parameterElement } from "./element.js";
import { checkLifecycle, removal, stabilityOf } from "./lifecycle.js";
import { isObject, isRequired, parametersOf, type Operation, type Parameter } from "../../contracts/openapi/model.js";
import { stabilityNote, type OperationCheck } from "./operations.js";
import { compareSchemas } from "./schemas.js";

const describe = (p: Parameter) => `${p.in} parameter "${p.name}"`;
const of = (op: Operation) => `of ${operationName(op)}`;

/** Where a parameter's schema is: `schema`, or the schema of its single `content` entry. */
function schemaOf(p: Parameter): SchemaPointer | undefined {
  if ("schema" in p.value) return child(p.at, "schema");
  const content = p.value.content;
  const [mediaType] = isObject(content) ? Object.keys(content) : [];
  return mediaType && isObject((content as Record<string, unknown>)[mediaType]) ? child(p.at, "content", mediaType, "schema") : undefined;
}

/**
 * Parameters matched by location and name (path parameters by position). The client writes them,
 * so a new required one breaks old clients, and one removed is lost on old clients that send it.
 */
export const parameters: OperationCheck = (ctx, { previous, current }) => {
  const before = parametersOf(ctx.previous, previous);
  const after = parametersOf(ctx.current, current);
  for (const [key, old] of before) {
    const now = after.get(key);
    if (now) {
      compareParameter(ctx, current, old, now);
      continue;
    }
    const { rule, backward, reason } = removal(REMOVAL_IDS.parameter, old.value, ctx.options.today);
    ctx.report({
      rule, backward,
      // New clients no longer send it: an old server that required it refuses them.
      forward: isRequired(old.value, old.in) ? "breaking" : "compatible",
      message: `The ${describe(old)} ${of(current)} was removed ${reason}${stabilityNote(current)}.`,
      at: current.operation.at, before: old.at, element: parameterElement(current, old),
    });
  }
  for (const [key, now] of after) {
    if (before.has(key)) continue;
    const required = isRequired(now.value, now.in);
    // A parameter added to the path item reaches every existing operation of the path at once.
    const rule: RuleId = now.in === "path"
      ? "new-request-path-parameter"
      : now.shared
        ? `new-${required ? "required" : "optional"}-request-default-parameter-to-existing-path`
        : `new-${required ? "required" : "optional"}-request-parameter`;
    ctx.report({
      rule, backward: required ? "breaking" : "compatible", forward: "compatible",
      message: `${required ? "A required" : "An optional"} ${describe(now)} was added to ${operationName(current)}${required ? "; old clients do not send it" : ""}${stabilityNote(current)}.`,
      at: now.at, element: parameterElement(current, now),
    });
    // Deprecated on arrival: reported like a deprecation, so a bad sunset date is caught at once.
    checkLifecycle(ctx, {
      ids: LIFECYCLE_IDS.parameter, name: `the ${describe(now)} ${of(current)}`, element: parameterElement(current, now),
      previous: {}, current: now.value, at: now.at, inherited: stabilityOf(current.operation.value),
    });
  }
};

function compareParameter(ctx: CompareContext, op: Operation, old: Parameter, now: Parameter): void {
  const element = parameterElement(op, now);
  const wasRequired = isRequired(old.value, old.in);
  const isNowRequired = isRequired(now.value, now.in);
  if (wasRequired !== isNowRequired) {
    ctx.report({
      rule: isNowRequired ? "request-parameter-became-required" : "request-parameter-became-optional",
      // Required now: old clients may omit it. Optional now: new clients may omit it, which an old server refuses.
      backward: isNowRequired ? "breaking" : "compatible",
      forward: isNowRequired ? "compatible" : "breaking",
      message: `The ${describe(now)} ${of(op)} became ${isNowRequired ? "required" : "optional"}${stabilityNote(op)}.`,
      at: "required" in now.value ? child(now.at, "required") : now.at, before: old.at, element,
    });
  }
  checkLifecycle(ctx, {
    ids: LIFECYCLE_IDS.parameter, name: `the ${describe(now)} ${of(op)}`, element,
    previous: old.value, current: now.value, at: now.at, before: old.at, inherited: stabilityOf(op.operation.value),
  });
  const oldSchema = schemaOf(old);
  const newSchema = schemaOf(now);
  if (oldSchema && newSchema) {
    compareSchemas(ctx, oldSchema, newSchema, {
      place: now.in === "header" ? "request-header" : "request-parameter",
      writer: requestWriter(op),
      stability: stabilityOf(op.operation.value),
      element,
      name: `the ${describe(now)} ${of(op)}`,
      operation: op,
    });
  }
}
