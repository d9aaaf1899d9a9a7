import type { SchemaChange } from "../schema/change.js";
import { diffSchemas } from "../schema/diff.js";
import { flows } from "../schema/flows.js";
import type { SchemaPointer } from "../../contracts/schema-pointer.js";
import { LIFECYCLE_IDS, schemaCheckId, type SchemaPlace } from "./check-ids.js";
import { verdictsOf, type CompareContext, type Writer } from "./context.js";
import { schemaElement } from "./element.js";
import { checkLifecycle, type Stability } from "./lifecycle.js";
import { resolveObject } from "../../contracts/openapi/model.js";
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

function report(ctx: CompareContext, change: SchemaChange, previous: SchemaPointer, current: SchemaPointer, site: SchemaSite): void {
  const element = schemaElement(site.element, change.path);
  const where = change.path.length ? `${site.name}, property ${change.path.join(".")}` : site.name;
  const at = change.after ?? current;
  const before = change.before ?? previous;
  const lifecycle = LIFECYCLE_KINDS[change.kind];
  if (lifecycle && (site.place === "request-body" || site.place === "response-body")) {
    const ids = LIFECYCLE_IDS[site.place === "request-body" ? "request-property" : "response-property"];
    const old = valueAt(ctx.previous, holder(change.before));
    const now = valueAt(ctx.current, holder(change.after));
    const property = holder(change.after);
    if (old && now && property) checkLifecycle(ctx, { ids, name: where, element, previous: old, current: now, at: property, before: holder(before), inherited: site.stability });
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
  });
}
