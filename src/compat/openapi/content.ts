import { child } from "../../contracts/schema-pointer.js";
import { effect } from "../verdict.js";
import { verdictsOf, type CompareContext, type Writer } from "./context.js";
import type { Stability } from "./lifecycle.js";
import { entries, type Located, type Operation } from "../../contracts/openapi/model.js";
import { compareSchemas } from "./schemas.js";

/** The body side being compared, which decides IDs, messages and who writes. */
export interface BodySide {
  side: "request" | "response";
  writer: Writer;
  /** Semantic key of the body for a media type (element.ts). */
  element(mediaType: string): string;
  /** How messages name the body, e.g. `the request body of POST /orders`. */
  name: string;
  /** Where a lost media type is reported in the new version: the body that lost it. */
  parent: Located;
  /** The operation's stability, for the deprecation policy of properties. */
  stability?: Stability | "invalid";
  /** The operation the body belongs to. */
  operation: Operation;
}

const MEDIA_TYPE_IDS = {
  request: { added: "request-body-media-type-added", removed: "request-body-media-type-removed" },
  response: { added: "response-media-type-added", removed: "response-media-type-removed" },
} as const;

/**
 * The `content` of a request body or response, per media type. A media type the reader no longer
 * accepts breaks writers that still use it; one it newly accepts is only used by new writers.
 * A schema appearing where there was none narrows "anything" to that schema, and the reverse widens.
 */
export function compareContent(ctx: CompareContext, old: Located, now: Located, body: BodySide): void {
  const before = entries(ctx.previous, old, "content");
  const after = entries(ctx.current, now, "content");
  const normal = (mediaType: string) => mediaType.toLowerCase().replace(/\s+/g, "");
  const afterByName = new Map([...after].map(([mediaType, value]) => [normal(mediaType), { mediaType, value }]));
  // A media type removed from what the reader accepts: old writers still send it (a request), or
  // old readers still ask for it (a response): either way the old side is refused.
  const removed = effect("breaking", "compatible");
  for (const [mediaType, oldMedia] of before) {
    const match = afterByName.get(normal(mediaType));
    if (!match) {
      ctx.report({
        rule: MEDIA_TYPE_IDS[body.side].removed,
        ...(body.side === "request" ? verdictsOf(removed, body.writer) : { backward: "breaking", forward: "compatible" }),
        message: `Media type ${mediaType} was removed from ${body.name}.`,
        at: body.parent.at, before: oldMedia.at, element: body.element(mediaType),
      });
      continue;
    }
    afterByName.delete(normal(mediaType));
    compareMediaType(ctx, mediaType, oldMedia, match.value, body);
  }
  for (const { mediaType, value } of afterByName.values()) {
    ctx.report({
      rule: MEDIA_TYPE_IDS[body.side].added,
      // Only new writers use a new media type; an old reader does not know it.
      ...verdictsOf(effect("compatible", "conditional"), body.writer),
      message: `Media type ${mediaType} was added to ${body.name}.`,
      at: value.at, element: body.element(mediaType),
    });
  }
}

/**
 * A media type's `schema`, and OpenAPI 3.2's `itemSchema` (the schema of each item of a stream such
 * as application/jsonl), each compared on its own.
 */
function compareMediaType(ctx: CompareContext, mediaType: string, old: Located, now: Located, body: BodySide): void {
  compareMediaSchema(ctx, "schema", mediaType, old, now, body);
  if ("itemSchema" in old.value || "itemSchema" in now.value) compareMediaSchema(ctx, "itemSchema", mediaType, old, now, body);
}

function compareMediaSchema(ctx: CompareContext, key: "schema" | "itemSchema", mediaType: string, old: Located, now: Located, body: BodySide): void {
  const hadSchema = key in old.value;
  const hasSchema = key in now.value;
  const name = `${body.name} (${mediaType}${key === "itemSchema" ? ", each item" : ""})`;
  const element = key === "itemSchema" ? `${body.element(mediaType)} items` : body.element(mediaType);
  if (hadSchema && hasSchema) {
    compareSchemas(ctx, child(old.at, key), child(now.at, key), {
      place: body.side === "request" ? "request-body" : "response-body",
      writer: body.writer,
      element,
      name,
      stability: body.stability,
      operation: body.operation,
    });
    return;
  }
  if (hadSchema === hasSchema) return;
  ctx.report({
    rule: `${body.side}-body-media-type-schema-${hasSchema ? "added" : "removed"}`,
    // No schema accepts anything: adding one narrows what is accepted (old data may fail it), removing one widens.
    ...verdictsOf(hasSchema ? effect("breaking", "compatible") : effect("compatible", "breaking"), body.writer),
    message: `${name[0].toUpperCase()}${name.slice(1)} ${hasSchema ? "got a schema where any value was accepted" : "lost its schema; any value is now accepted"}.`,
    at: now.at, before: old.at, element,
  });
}
