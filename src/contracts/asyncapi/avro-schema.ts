import avsc from "avsc";
import { InputError } from "../../errors.js";
import type { SchemaPointer } from "../schema-pointer.js";
import type { AsyncApiVersion } from "./version.js";

/** An Avro payload schema as written, and the avsc type that reads and writes it. */
export interface AvroSchema {
  schema: unknown;
  type: avsc.Type;
  at: SchemaPointer;
}

const parsed = new WeakMap<AsyncApiVersion, Map<string, AvroSchema>>();

/**
 * The Avro schema at a place (`Message.avro`), parsed by avsc once per version and place. One that
 * avsc refuses (an unknown type name, a default of the wrong type) stops charter where it is
 * written. Named types resolve within the schema: one `.avsc` file does not see another's types.
 */
export function avroSchemaOf(version: AsyncApiVersion, at: SchemaPointer): AvroSchema {
  let known = parsed.get(version);
  if (!known) parsed.set(version, (known = new Map()));
  const key = `${at.file}#${at.pointer}`;
  let found = known.get(key);
  if (!found) {
    const schema = version.schemas.resolve(at).value;
    let type: avsc.Type;
    try {
      type = avsc.Type.forSchema(schema as avsc.Schema);
    } catch (error) {
      const { line, column } = version.schemas.location(at);
      // The document's display path ends with its registry path: what precedes it is the registry's base.
      const display = version.document.source.file.slice(0, version.document.source.file.length - version.document.file.length) + at.file;
      throw new InputError(`not an Avro schema avsc can read: ${(error as Error).message}`, display, line, column);
    }
    known.set(key, (found = { schema, type, at }));
  }
  return found;
}
