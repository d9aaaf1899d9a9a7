import type avsc from "avsc";
import { avroSchemaOf } from "../../contracts/asyncapi/avro-schema.js";
import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import type { CompareContext } from "./context.js";
import { capitalized } from "./element.js";
import type { MessagePair } from "./message-pair.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why `reader` cannot resolve data written with `writer` (avsc's own words), or undefined when it can. */
function unresolved(reader: avsc.Type, writer: avsc.Type): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

interface Places {
  at: SchemaPointer;
  before: SchemaPointer;
}

/**
 * Where the two schemas first differ, for the finding's location only (the verdicts are the
 * resolver's): down through a record's fields matched by name, an array's items, a map's values
 * and an enum's symbols, to a name that changed; a field added is pointed at in the new schema, one removed at the old.
 */
function changedPlace(old: unknown, now: unknown, places: Places): Places {
  if (!isObject(old) || !isObject(now) || old.type !== now.type) return places;
  if (Array.isArray(old.fields) && Array.isArray(now.fields)) {
    const oldFields = old.fields as Json[];
    const nowFields = now.fields as Json[];
    const index = (fields: Json[], name: unknown) => fields.findIndex((f) => f.name === name);
    for (const [i, field] of nowFields.entries()) {
      const j = index(oldFields, field.name);
      const at = child(places.at, "fields", i);
      if (j < 0) return { at, before: child(places.before, "fields") };
      if (same(field, oldFields[j])) continue;
      const before = child(places.before, "fields", j);
      const { type: oldType, ...oldRest } = oldFields[j];
      const { type: nowType, ...nowRest } = field;
      return same(oldRest, nowRest) ? changedPlace(oldType, nowType, { at: child(at, "type"), before: child(before, "type") }) : { at, before };
    }
    const removed = oldFields.findIndex((f) => index(nowFields, f.name) < 0);
    if (removed >= 0) return { at: child(places.at, "fields"), before: child(places.before, "fields", removed) };
  }
  for (const key of ["items", "values", "symbols"]) {
    if (key in old && key in now && !same(old[key], now[key])) return changedPlace(old[key], now[key], { at: child(places.at, key), before: child(places.before, key) });
  }
  // A named type renamed: its name, which readers match (or find among their aliases).
  if ("name" in now && !same(old.name, now.name)) return { at: child(places.at, "name"), before: child(places.before, "name") };
  return places;
}

/**
 * A message's Avro payload, judged as Confluent Schema Registry judges it: backward (new readers,
 * old data) when the new schema resolves data written with the old, forward (old readers, new
 * data) when the old resolves the new (ARCHITECTURE.md, "The compatibility model").
 */
export function compareAvroPayloads(ctx: CompareContext, { old, now, element, name }: MessagePair): void {
  if (!old.avro && !now.avro) return;
  if (!old.avro || !now.avro) {
    // Avro on one side, JSON Schema on the other: neither reader decodes the other's bytes. A
    // payload on one side only is message-payload-schema-added or -removed.
    if (!(old.avro ?? old.payload) || !(now.avro ?? now.payload)) return;
    ctx.report({
      rule: "message-payload-format-changed",
      backward: "breaking",
      forward: "breaking",
      message: `${capitalized(name)} moved its payload from ${old.avro ? "Avro to JSON Schema" : "JSON Schema to Avro"}; readers decode it with the wrong format.`,
      at: now.avro ?? now.payload,
      before: old.avro ?? old.payload,
      element: `${element} payload`,
    });
    return;
  }
  const was = avroSchemaOf(ctx.previous, old.avro);
  const is = avroSchemaOf(ctx.current, now.avro);
  if (same(was.schema, is.schema)) return;
  const backward = unresolved(is.type, was.type);
  const forward = unresolved(was.type, is.type);
  const rule = backward && forward ? "message-avro-payload-incompatible" : backward ? "message-avro-payload-backward-incompatible" : forward ? "message-avro-payload-forward-incompatible" : "message-avro-payload-changed";
  const why = [backward && `new readers cannot read old data (${backward})`, forward && `old readers cannot read new data (${forward})`].filter(Boolean).join("; ");
  const { at, before } = changedPlace(was.schema, is.schema, { at: is.at, before: was.at });
  ctx.report({
    rule,
    backward: backward ? "breaking" : "compatible",
    forward: forward ? "breaking" : "compatible",
    message: `The Avro payload schema of ${name} changed; ${why || "Avro schema resolution reads data both ways"}.`,
    at,
    before,
    element: `${element} payload`,
  });
}
