import { exampleOf, exampleWithin } from "../docs/example.js";
import type { SchemaPointer, SchemaSource } from "../contracts/schema-pointer.js";
import type { Written } from "./operations.js";

/** Schemas an example may take before a bigger budget is tried: a page's worth, then a large body's. */
const BUDGETS = [250, 5000];

/**
 * The value to send for a parameter, header or body: what the contract wrote first, else one
 * synthesised from its schema by the docs' synthesiser (docs/example.ts), bounded in size where
 * the schema allows, undefined when there is neither.
 */
export function valueOf(schemas: SchemaSource, written: Written | undefined, schema: SchemaPointer | undefined): Written | undefined {
  if (written) return written;
  if (!schema) return undefined;
  for (const budget of BUDGETS) {
    const made = exampleWithin(schemas, schema, budget);
    if (made) return made;
  }
  return { value: exampleOf(schemas, schema) };
}
