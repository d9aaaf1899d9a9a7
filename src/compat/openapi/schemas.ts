import type { SchemaChange } from "../schema/change.js";
import { diffSchemas } from "../schema/diff.js";
import { flows } from "../schema/flows.js";
import { segmentsOf, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { LIFECYCLE_IDS, schemaCheckId, type SchemaPlace } from "./check-ids.js";
import { verdictsOf, type CompareContext, type Writer } from "./context.js";
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

export function compareSchemas(ctx: CompareContext, previous: SchemaPointer, current: SchemaPointer, site: SchemaSite): void {
  const changes = diffSchemas(previous, current, { previous: ctx.previous.schemas, current: ctx.current.schemas });
  for (const change of changes) report(ctx, change, previous, current, site);
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

function report(ctx: CompareContext, change: SchemaChange, previous: SchemaPointer, current: SchemaPointer, site: SchemaSite): void {
  const { element, name: where } = homeOf(ctx, change, site);
  // What charter 1 keyed this finding by, per operation: baselines written then still match it.
  const legacy = [schemaElement(site.element, change.path)];
  const affects = [operationName(site.operation)];
  const at = change.after ?? current;
  const before = change.before ?? previous;
  const lifecycle = LIFECYCLE_KINDS[change.kind];
  if (lifecycle && (site.place === "request-body" || site.place === "response-body")) {
    const ids = LIFECYCLE_IDS[site.place === "request-body" ? "request-property" : "response-property"];
    const old = valueAt(ctx.previous, holder(change.before));
    const now = valueAt(ctx.current, holder(change.after));
    const property = holder(change.after);
    const merging: CompareContext = { ...ctx, report: (issue) => ctx.report({ ...issue, affects, legacy }) };
    if (old && now && property) checkLifecycle(merging, { ids, name: where, element, previous: old, current: now, at: property, before: holder(before), inherited: site.stability });
    return;
  }
  const facts = {
    required: change.required === true,
    readOnly: change.readOnly === true,
    writeOnly: change.writeOnly === true,
    hasDefault: valueAt(ctx.current, change.after)?.default !== undefined,
  };
  ctx.report({
    rule: schemaCheckId(site.place, change.kind, change.path, facts),
    ...verdictsOf(flows(change), site.writer),
    message: `${where[0].toUpperCase()}${where.slice(1)}: ${change.message}.`,
    at,
    before,
    element,
    affects,
    legacy,
  });
}
