import type { SchemaChange } from "../schema/change.js";
import { diffSchemas } from "../schema/diff.js";
import { flows } from "../schema/flows.js";
import { segmentsOf, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { LIFECYCLE_IDS, schemaCheckId, type SchemaPlace } from "./check-ids.js";
import { verdictsOf, type CompareContext, type Writer } from "./context.js";
import type { DocumentIssue } from "../document-contracts.js";
import { operationName, schemaElement } from "./element.js";
import { checkLifecycle, type Stability } from "./lifecycle.js";
import { resolveObject, type Operation } from "../../contracts/openapi/model.js";
import type { OpenApiVersion } from "../../contracts/openapi/version.js";

/**
 * The one place where OpenAPI checks meet the schema engine: a schema of a parameter, body or
 * header is compared by `diffSchemas`, and each change gets its oasdiff ID from its place and
 * its verdicts from who writes the data.
 */
export interface SchemaSite {
  place: SchemaPlace;
  writer: Writer;
  /** Semantic key of the element holding the schema (see element.ts). */
  element: string;
  /** How messages name it, e.g. `request body application/json of POST /orders`. */
  name: string;
  /** The enclosing operation's stability, for the deprecation policy of its properties. */
  stability?: Stability | "invalid";
  /** The operation whose request or response holds the schema: the change affects it. */
  operation: Operation;
}

/** Engine kinds that are about a property's lifecycle rather than the values it accepts. */
const LIFECYCLE_KINDS: Record<string, "deprecated" | "reactivated"> = {
  "deprecated": "deprecated",
  "became-deprecated": "deprecated",
  "reactivated": "reactivated",
  "became-not-deprecated": "reactivated",
};

const valueAt = (version: OpenApiVersion, at: SchemaPointer | undefined) => (at ? resolveObject(version, at)?.value : undefined);

/** The schema holding a keyword the engine points at (`.../name/deprecated` → `.../name`). */
const holder = (at: SchemaPointer | undefined): SchemaPointer | undefined => at && { file: at.file, pointer: at.pointer.replace(/\/[^/]*$/, "") };

/**
 * The issues of each change of a walk at one kind of site (place, writer, stability), without the
 * operation: a change written in a named schema reads the same from every operation that reaches
 * it, so operations sharing a root pair derive it once and only add themselves to `affects`.
 */
const prepared = new WeakMap<readonly SchemaChange[], { options: CompareContext["options"]; bySite: Map<string, (DocumentIssue[] | undefined)[]> }>();

function preparedFor(ctx: CompareContext, changes: readonly SchemaChange[], previous: SchemaPointer, current: SchemaPointer, site: SchemaSite): (DocumentIssue[] | undefined)[] {
  let entry = prepared.get(changes);
  if (!entry || entry.options !== ctx.options) prepared.set(changes, (entry = { options: ctx.options, bySite: new Map() }));
  const key = `${site.place}\u0000${site.writer}\u0000${site.stability ?? ""}`;
  let issues = entry.bySite.get(key);
  if (!issues) {
    // An inline change (no named home) is named after the element holding it: derived per site.
    issues = changes.map((change) => (change.home?.at && change.after && change.before ? issuesOf(ctx, change, previous, current, site) : undefined));
    entry.bySite.set(key, issues);
  }
  return issues;
}

export function compareSchemas(ctx: CompareContext, previous: SchemaPointer, current: SchemaPointer, site: SchemaSite): void {
  const changes = diffSchemas(previous, current, { previous: ctx.previous.schemas, current: ctx.current.schemas });
  if (changes.length === 0) return;
  const issues = preparedFor(ctx, changes, previous, current, site);
  const affects = [operationName(site.operation)];
  // Run once per (operation, change), hundreds of thousands of times on Stripe: an indexed loop.
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    // What charter 1 keyed this finding by, per operation: baselines written then still match it.
    const legacy = [schemaElement(site.element, change.path)];
    for (const issue of issues[i] ?? issuesOf(ctx, change, previous, current, site)) ctx.report({ ...issue, affects, legacy });
  }
}

/**
 * Where a change is written, as a semantic key and as messages name it: a named schema
 * (`schema Charge #/refunds/amount`), else the element holding the inline schema. Every operation
 * that reaches a named schema reports its change under this one key, so the findings merge.
 */
function homeOf(ctx: CompareContext, change: SchemaChange, site: SchemaSite): { element: string; name: string } {
  const home = change.home ?? { path: change.path };
  if (!home.at) {
    return { element: schemaElement(site.element, home.path), name: home.path.length ? `${site.name}, property ${home.path.join(".")}` : site.name };
  }
  const component = home.at.file === ctx.current.document.file && /^\/components\/schemas\/[^/]+$/.test(home.at.pointer);
  const schema = component ? `schema ${segmentsOf(home.at.pointer)[2]}` : `schema ${home.at.file === ctx.current.document.file ? "" : home.at.file}#${home.at.pointer}`;
  return { element: schemaElement(schema, home.path), name: home.path.length ? `${schema}, property ${home.path.join(".")}` : schema };
}

/** What one change reports at a site, before the operation adds itself (`affects`, `legacy`). */
function issuesOf(ctx: CompareContext, change: SchemaChange, previous: SchemaPointer, current: SchemaPointer, site: SchemaSite): DocumentIssue[] {
  const { element, name: where } = homeOf(ctx, change, site);
  const at = change.after ?? current;
  const before = change.before ?? previous;
  const lifecycle = LIFECYCLE_KINDS[change.kind];
  if (lifecycle && (site.place === "request-body" || site.place === "response-body")) {
    const ids = LIFECYCLE_IDS[site.place === "request-body" ? "request-property" : "response-property"];
    const old = valueAt(ctx.previous, holder(change.before));
    const now = valueAt(ctx.current, holder(change.after));
    const property = holder(change.after);
    const issues: DocumentIssue[] = [];
    const collecting: CompareContext = { ...ctx, report: (issue) => issues.push(issue) };
    if (old && now && property) checkLifecycle(collecting, { ids, name: where, element, previous: old, current: now, at: property, before: holder(before), inherited: site.stability });
    return issues;
  }
  const facts = {
    required: change.required === true,
    readOnly: change.readOnly === true,
    writeOnly: change.writeOnly === true,
    hasDefault: valueAt(ctx.current, change.after)?.default !== undefined,
  };
  return [{
    rule: schemaCheckId(site.place, change.kind, change.path, facts),
    ...verdictsOf(flows(change), site.writer),
    message: `${where[0].toUpperCase()}${where.slice(1)}: ${change.message}.`,
    at,
    before,
    element,
  }];
}
