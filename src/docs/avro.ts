import { avroSchemaOf } from "../contracts/asyncapi/avro-schema.js";
import type { AsyncApiContract } from "../contracts/contract.js";
import type { SchemaPointer } from "../contracts/schema-pointer.js";

/** An Avro payload on a message's page: its record's fields, and the schema as written. */
export interface AvroView {
  /** The type's full name (`shop.shipping.OrderShipped`), for a named type. */
  name?: string;
  doc?: string;
  /** The `.avsc` file it is written in, when not inline in the document. */
  file?: string;
  /** A record's fields; none for a payload that is not a record. */
  fields: { name: string; type: string; default?: string; doc?: string }[];
  json: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** How a type reads in a table cell: `null | string`, `array<Item>`, `enum Carrier {DHL, UPS}`, `long (timestamp-millis)`. */
function typeText(type: unknown): string {
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.map(typeText).join(" | ");
  if (!isObject(type)) return JSON.stringify(type);
  if (type.type === "array") return `array<${typeText(type.items)}>`;
  if (type.type === "map") return `map<${typeText(type.values)}>`;
  if (type.type === "enum") return `enum ${String(type.name)} {${Array.isArray(type.symbols) ? type.symbols.join(", ") : ""}}`;
  if (type.type === "record" || type.type === "error" || type.type === "fixed") return `${type.type} ${String(type.name)}`;
  return typeof type.logicalType === "string" ? `${typeText(type.type)} (${type.logicalType})` : typeText(type.type);
}

/** The view of an Avro payload (`Message.avro`); avsc reads it first, so a page never shows a schema `breaking` would refuse. */
export function avroView(contract: AsyncApiContract, at: SchemaPointer): AvroView {
  const { schema, type } = avroSchemaOf(contract, at);
  const record = isObject(schema) && Array.isArray(schema.fields) ? schema : undefined;
  return {
    name: type.name,
    doc: isObject(schema) && typeof schema.doc === "string" ? schema.doc : undefined,
    file: at.file === contract.document.file ? undefined : at.file,
    fields: (record?.fields as unknown[] | undefined ?? []).filter(isObject).map((field) => ({
      name: String(field.name),
      type: typeText(field.type),
      default: "default" in field ? JSON.stringify(field.default) : undefined,
      doc: typeof field.doc === "string" ? field.doc : undefined,
    })),
    json: JSON.stringify(schema, null, 2),
  };
}
