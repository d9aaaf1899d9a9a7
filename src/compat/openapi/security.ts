import type { RuleId } from "../../rules/catalog.js";
import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import type { Verdict } from "../verdict.js";
import type { CompareContext } from "./context.js";
import { operationElement, operationName } from "./element.js";
import { entries, isObject, member, rootOf, type Json } from "../../contracts/openapi/model.js";
import type { OperationCheck } from "./operations.js";

/**
 * Security requirements: a list of alternatives, each a set of schemes with their scopes; a
 * client must satisfy one alternative. Alternatives are matched by their set of scheme names.
 */
type Requirement = Map<string, { schemes: Map<string, string[]>; at: SchemaPointer }>;

function requirementOf(value: unknown, at: SchemaPointer): Requirement | undefined {
  if (!Array.isArray(value)) return undefined;
  const found: Requirement = new Map();
  value.forEach((alternative, index) => {
    if (!isObject(alternative)) return;
    const schemes = new Map(Object.entries(alternative).map(([name, scopes]) => [name, Array.isArray(scopes) ? scopes.map(String) : []]));
    found.set([...schemes.keys()].sort().join(" + ") || "(anonymous)", { schemes, at: child(at, index) });
  });
  return found;
}

/** No requirement, or one that allows anonymous calls, lets any client in. */
const isOpen = (r: Requirement | undefined) => !r || r.size === 0 || r.has("(anonymous)");

interface Scope {
  /** `api-global-security` or `api-security`: the ID stem. */
  stem: "api-global-security" | "api-security";
  element: string;
  name: string;
  /** Where the requirement is, or its owner when it is absent. */
  at: SchemaPointer;
  before: SchemaPointer;
}

/**
 * A requirement the server newly imposes breaks old clients that do not meet it (backward); one it
 * drops only leaves new clients, who may use what remains, refused by an old server (forward).
 */
function compareRequirements(ctx: CompareContext, old: Requirement | undefined, now: Requirement | undefined, s: Scope): void {
  const report = (rule: RuleId, backward: Verdict, forward: Verdict, message: string, at: SchemaPointer, before?: SchemaPointer) =>
    ctx.report({ rule, backward, forward, message, at, before, element: s.element });
  const before: Requirement = old ?? new Map();
  const after: Requirement = now ?? new Map();
  for (const [key, alternative] of before) {
    const match = after.get(key);
    if (!match) {
      // Clients that used this alternative are refused, unless the new server lets anyone in.
      report(`${s.stem}-removed`, isOpen(now) ? "compatible" : "breaking", "compatible", `Security ${key} was removed from ${s.name}.`, s.at, alternative.at);
      continue;
    }
    for (const [scheme, scopes] of alternative.schemes) {
      const newScopes = match.schemes.get(scheme) ?? [];
      for (const scope of newScopes.filter((x) => !scopes.includes(x))) {
        report(`${s.stem}-scope-added`, "breaking", "compatible", `Scope "${scope}" of ${scheme} is now required by ${s.name}; old tokens lack it.`, match.at, alternative.at);
      }
      for (const scope of scopes.filter((x) => !newScopes.includes(x))) {
        report(`${s.stem}-scope-removed`, "compatible", "conditional", `Scope "${scope}" of ${scheme} is no longer required by ${s.name}.`, match.at, alternative.at);
      }
    }
  }
  for (const [key, alternative] of after) {
    if (before.has(key)) continue;
    // A first requirement on an open API shuts out old clients; another alternative only adds a way in.
    report(`${s.stem}-added`, isOpen(old) && key !== "(anonymous)" ? "breaking" : "compatible", "conditional", `Security ${key} was added to ${s.name}.`, alternative.at, s.before);
  }
}

/** The document's global `security`. */
export function globalSecurity(ctx: CompareContext): void {
  const oldRoot = rootOf(ctx.previous);
  const newRoot = rootOf(ctx.current);
  compareRequirements(ctx, requirementOf(oldRoot.value.security, child(oldRoot.at, "security")), requirementOf(newRoot.value.security, child(newRoot.at, "security")), {
    stem: "api-global-security", element: "security", name: "the API",
    at: "security" in newRoot.value ? child(newRoot.at, "security") : newRoot.at,
    before: "security" in oldRoot.value ? child(oldRoot.at, "security") : oldRoot.at,
  });
}

/**
 * An operation's own `security`, which overrides the global one. Compared only where one side
 * declares it, against the global requirement on the other side, so moving a requirement from
 * global to operation level is no change.
 */
export const operationSecurity: OperationCheck = (ctx, { previous, current }) => {
  if (!("security" in previous.operation.value) && !("security" in current.operation.value)) return;
  const effective = (op: typeof current, root: Json, rootAt: SchemaPointer) =>
    "security" in op.operation.value
      ? requirementOf(op.operation.value.security, child(op.operation.at, "security"))
      : requirementOf(root.security, child(rootAt, "security"));
  const oldRoot = rootOf(ctx.previous);
  const newRoot = rootOf(ctx.current);
  compareRequirements(ctx, effective(previous, oldRoot.value, oldRoot.at), effective(current, newRoot.value, newRoot.at), {
    stem: "api-security", element: operationElement(current), name: operationName(current),
    at: "security" in current.operation.value ? child(current.operation.at, "security") : current.operation.at,
    before: previous.operation.at,
  });
};

/** Security schemes of `components`: what a client must present for each name. */
export function securitySchemes(ctx: CompareContext): void {
  const schemes = (version: typeof ctx.current) => entries(version, member(version, rootOf(version), "components"), "securitySchemes");
  const before = schemes(ctx.previous);
  const after = schemes(ctx.current);
  const components = member(ctx.current, rootOf(ctx.current), "components") ?? rootOf(ctx.current);
  for (const [name, old] of before) {
    const now = after.get(name);
    const element = `securitySchemes ${name}`;
    if (!now) {
      // Requirements that used it are reported where they changed; the scheme itself is only a declaration.
      ctx.report({ rule: "api-security-component-removed", backward: "compatible", forward: "compatible", message: `Security scheme "${name}" was removed.`, at: components.at, before: old.at, element });
      continue;
    }
    if (old.value.type !== now.value.type) {
      ctx.report({
        rule: "api-security-component-type-changed", backward: "breaking", forward: "breaking", element,
        message: `Security scheme "${name}" changed type from ${String(old.value.type)} to ${String(now.value.type)}; clients present the wrong credentials.`,
        at: child(now.at, "type"), before: child(old.at, "type"),
      });
      continue;
    }
    compareFlows(ctx, name, old.value, now.value, now.at, old.at);
  }
  for (const [name, now] of after) {
    if (!before.has(name)) ctx.report({ rule: "api-security-component-added", backward: "compatible", forward: "compatible", message: `Security scheme "${name}" was added.`, at: now.at, element: `securitySchemes ${name}` });
  }
}

/** OAuth flows: where clients get tokens, and which scopes exist. */
function compareFlows(ctx: CompareContext, name: string, old: Json, now: Json, at: SchemaPointer, before: SchemaPointer): void {
  const oldFlows = isObject(old.flows) ? old.flows : {};
  const newFlows = isObject(now.flows) ? now.flows : {};
  const element = `securitySchemes ${name}`;
  for (const [flow, oldFlow] of Object.entries(oldFlows)) {
    const newFlow = newFlows[flow];
    if (!isObject(oldFlow) || !isObject(newFlow)) continue;
    const where = { at: child(at, "flows", flow), before: child(before, "flows", flow), element };
    for (const [key, rule] of [["authorizationUrl", "api-security-component-oauth-url-changed"], ["tokenUrl", "api-security-component-oauth-token-url-changed"]] as const) {
      if (oldFlow[key] !== newFlow[key]) {
        ctx.report({ ...where, rule, backward: "breaking", forward: "compatible", message: `The ${flow} flow of "${name}" moved its ${key} from ${String(oldFlow[key])} to ${String(newFlow[key])}; old clients ask the old one.` });
      }
    }
    const oldScopes = isObject(oldFlow.scopes) ? Object.keys(oldFlow.scopes) : [];
    const newScopes = isObject(newFlow.scopes) ? Object.keys(newFlow.scopes) : [];
    for (const scope of oldScopes.filter((s) => !newScopes.includes(s))) {
      ctx.report({ ...where, rule: "api-security-component-oauth-scope-removed", backward: "breaking", forward: "compatible", message: `Scope "${scope}" was removed from the ${flow} flow of "${name}"; clients that request it are refused.` });
    }
    for (const scope of newScopes.filter((s) => !oldScopes.includes(s))) {
      ctx.report({ ...where, rule: "api-security-component-oauth-scope-added", backward: "compatible", forward: "compatible", message: `Scope "${scope}" was added to the ${flow} flow of "${name}".` });
    }
  }
}
