import { compareOperationExtensions } from "../../contracts/extensions/compare.js";
import { operationExtensions } from "../../contracts/extensions/index.js";
import { child } from "../../contracts/schema-pointer.js";
import { LIFECYCLE_IDS, REMOVAL_IDS } from "./check-ids.js";
import type { CompareContext } from "./context.js";
import { operationElement, operationName } from "./element.js";
import { checkLifecycle, removal, STABILITY_LEVELS, stabilityOf, UNSTABLE } from "./lifecycle.js";
import { entries, operationsOf, parametersOf, rootOf, templateOf, templatesOf, type Operation } from "../../contracts/openapi/model.js";
import type { OpenApiVersion } from "../../contracts/openapi/version.js";

/** An operation present in both versions, matched by method and path template. */
export interface OperationPair {
  previous: Operation;
  current: Operation;
}

export type OperationCheck = (ctx: CompareContext, pair: OperationPair) => void;

const describe = (op: Operation) => (op.webhook ? operationName(op) : `operation ${operationName(op)}`);

/** Unstable operations are reported like the others, but not gated; the message says their level. */
export function stabilityNote(op: Operation): string {
  const level = stabilityOf(op.operation.value);
  return level && UNSTABLE.has(level) ? ` (the operation is ${level})` : "";
}

const isUnstable = (op: Operation): boolean => UNSTABLE.has(stabilityOf(op.operation.value) ?? "");

/** Every finding reported through the returned context is marked unstable. */
const unstableScope = (ctx: CompareContext): CompareContext => ({ ...ctx, report: (issue) => ctx.report({ ...issue, unstable: true }) });

/**
 * Operations added and removed, then every check of `checks` on each pair. A path whose every
 * operation went is reported as a removed path, as oasdiff does.
 */
export function compareOperations(ctx: CompareContext, checks: OperationCheck[]): void {
  const before = operationsOf(ctx.previous);
  const after = operationsOf(ctx.current);
  const templates = templatesOf(ctx.current);
  const newPaths = entries(ctx.current, rootOf(ctx.current), "paths");
  for (const [key, old] of before) {
    const op = after.get(key);
    if (op) {
      const scope = isUnstable(old) || isUnstable(op) ? unstableScope(ctx) : ctx;
      for (const check of checks) check(scope, { previous: old, current: op });
      continue;
    }
    if (old.webhook) {
      ctx.report({
        rule: "webhook-removed", backward: "breaking", forward: "compatible", element: operationElement(old),
        message: `${describe(old)} was removed; subscribers no longer receive it.`,
        at: rootOf(ctx.current).at, before: old.operation.at,
      });
      continue;
    }
    const pathGone = !templates.has(old.template);
    const { rule, backward, reason } = removal(pathGone ? REMOVAL_IDS.path : REMOVAL_IDS.operation, old.operation.value, ctx.options.today);
    const parent = [...newPaths].find(([path]) => templateOf(path) === old.template)?.[1];
    (isUnstable(old) ? unstableScope(ctx) : ctx).report({
      rule, backward, forward: "compatible", element: operationElement(old),
      message: `${describe(old)} was removed ${reason}${stabilityNote(old)}.`,
      at: parent?.at ?? child(rootOf(ctx.current).at, "paths"), before: old.operation.at,
    });
  }
  for (const [key, op] of after) {
    if (before.has(key)) continue;
    ctx.report({
      rule: op.webhook ? "webhook-added" : "endpoint-added",
      backward: "compatible",
      // A new client calling an old server that lacks the operation fails; a new webhook only adds calls old servers never make.
      forward: op.webhook ? "compatible" : "conditional",
      element: operationElement(op),
      message: `${describe(op)} was added.`,
      at: op.operation.at,
    });
  }
}

const rank = (level: string | undefined) => STABILITY_LEVELS.indexOf((level ?? "stable") as (typeof STABILITY_LEVELS)[number]);

/** Deprecation and sunset of the operation. */
const operationLifecycle: OperationCheck = (ctx, { previous, current }) =>
  checkLifecycle(ctx, {
    ids: LIFECYCLE_IDS.operation, name: describe(current), element: operationElement(current),
    previous: previous.operation.value, current: current.operation.value, at: current.operation.at, before: previous.operation.at,
  });

/**
 * `x-stability-level` moves: a lower level withdraws guarantees old clients relied on
 * (conditional); a value that is not a level cannot be judged, and is reported on either side.
 */
const stability: OperationCheck = (ctx, { previous, current }) => {
  const base = { element: operationElement(current), at: current.operation.at, before: previous.operation.at };
  const was = stabilityOf(previous.operation.value);
  const is = stabilityOf(current.operation.value);
  if (was === "invalid" || is === "invalid") {
    const value = (was === "invalid" ? previous : current).operation.value["x-stability-level"];
    ctx.report({
      ...base, rule: "api-invalid-stability-level", backward: "conditional", forward: "compatible",
      message: `${describe(current)} has x-stability-level ${JSON.stringify(value)}, which is none of ${STABILITY_LEVELS.join(", ")}.`,
    });
    return;
  }
  if (rank(was) === rank(is)) return;
  const decreased = rank(is) < rank(was);
  ctx.report({
    ...base, rule: decreased ? "api-stability-decreased" : "api-stability-increased",
    backward: decreased ? "conditional" : "compatible", forward: "compatible",
    message: `${describe(current)} stability went from ${was ?? "stable"} to ${is ?? "stable"}${decreased ? "; its clients lose guarantees" : ""}.`,
  });
};

/** operationId names the method of generated clients: losing or changing it breaks their code, not the wire. */
const operationId: OperationCheck = (ctx, { previous, current }) => {
  const was = previous.operation.value.operationId;
  const is = current.operation.value.operationId;
  if (was === is) return;
  const base = { element: operationElement(current), at: child(current.operation.at, "operationId"), before: previous.operation.at };
  if (was === undefined) {
    ctx.report({ ...base, rule: "api-operation-id-added", backward: "compatible", forward: "compatible", message: `${describe(current)} got operationId "${String(is)}".` });
  } else {
    ctx.report({
      ...base, rule: "api-operation-id-removed", backward: "conditional", forward: "conditional",
      message: is === undefined
        ? `${describe(current)} lost operationId "${String(was)}"; generated code that names it breaks.`
        : `${describe(current)} operationId changed from "${String(was)}" to "${String(is)}"; generated code that names it breaks.`,
    });
  }
};

/** Tags only group operations in docs and generated code. */
const tags: OperationCheck = (ctx, { previous, current }) => {
  const list = (op: Operation) => (Array.isArray(op.operation.value.tags) ? op.operation.value.tags.map(String) : []);
  const was = list(previous);
  const is = list(current);
  const base = { element: operationElement(current), at: current.operation.at, before: previous.operation.at, backward: "compatible", forward: "compatible" } as const;
  for (const tag of was.filter((t) => !is.includes(t))) ctx.report({ ...base, rule: "api-tag-removed", message: `${describe(current)} lost tag "${tag}".` });
  for (const tag of is.filter((t) => !was.includes(t))) ctx.report({ ...base, rule: "api-tag-added", message: `${describe(current)} got tag "${tag}".` });
};

const extensionsOf = (version: OpenApiVersion, op: Operation) =>
  operationExtensions({
    ...op, root: rootOf(version),
    headers: [...parametersOf(version, op).values()].filter((p) => p.in === "header").map((p) => ({ name: p.name, at: p.at })),
  });

/**
 * The resilience extensions (timeout, retry, idempotency key, SLO) an operation declares to its
 * clients. Webhooks are left out: their roles turn round, and charter generates no webhook senders.
 */
const extensions: OperationCheck = (ctx, { previous, current }) => {
  if (current.webhook) return;
  const name = describe(current);
  const subject = { element: operationElement(current), name: `${name[0].toUpperCase()}${name.slice(1)}`, at: current.operation.at, before: previous.operation.at };
  for (const issue of compareOperationExtensions(extensionsOf(ctx.previous, previous), extensionsOf(ctx.current, current), subject)) ctx.report(issue);
};

export const OPERATION_METADATA_CHECKS: OperationCheck[] = [operationLifecycle, stability, operationId, tags, extensions];
