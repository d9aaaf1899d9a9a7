import { child, type SchemaPointer } from "../schema-pointer.js";
import type { AsyncApiVersion } from "./version.js";

/** Avro's schema format ids, JSON or YAML, with or without `;version=1.9.0`. */
export const AVRO_FORMAT = /^application\/vnd\.apache\.avro(\+json|\+yaml)?(;|$)/i;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Where a message's Avro payload schema is, `$ref`s followed: 2.x says the format on the message
 * (`schemaFormat`) and the payload is the schema; 3.x wraps it (`payload: { schemaFormat, schema }`).
 * The schema is inline or a registry `.avsc` file; a remote one was refused with the document's
 * other `$ref`s (createSchemaSource.checkRefs). Undefined when the payload is not Avro.
 */
export function avroPayloadOf(version: AsyncApiVersion, payload: SchemaPointer | undefined, messageFormat: unknown): SchemaPointer | undefined {
  if (!payload) return undefined;
  if (version.document.major === 2) return typeof messageFormat === "string" && AVRO_FORMAT.test(messageFormat) ? version.schemas.resolve(payload).at : undefined;
  const wrapper = version.schemas.resolve(payload);
  if (!isObject(wrapper.value) || typeof wrapper.value.schemaFormat !== "string" || !AVRO_FORMAT.test(wrapper.value.schemaFormat) || !("schema" in wrapper.value)) return undefined;
  return version.schemas.resolve(child(wrapper.at, "schema")).at;
}
