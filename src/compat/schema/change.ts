import type { SchemaChangeKind } from "../../rules/catalog/schema-kinds.js";
import type { SchemaPointer } from "../../contracts/schema-pointer.js";

/**
 * What a change does to the set of values a schema accepts (ARCHITECTURE.md, "The compatibility model": writer ⊆ reader):
 * - `widened`: new ⊇ old: everything the old schema accepted is still accepted;
 * - `narrowed`: new ⊆ old: the new schema accepts no value the old one refused;
 * - `incomparable`: neither (a type change, a changed pattern);
 * - `annotation`: the accepted values are the same (a description, a default, an example).
 * A writer-reader pair is compatible when the writer's schema is included in the reader's.
 */
export type Relation = "widened" | "narrowed" | "incomparable" | "annotation";

/** One change between two versions of a schema, found by `diffSchemas`. */
export interface SchemaChange {
  /**
   * Where, below the compared schema, in semantic steps that survive `$ref` refactors: property
   * names, and `[]` (array items), `{}` (additionalProperties), `anyOf:<branch name>` and the like.
   * Empty for the schema itself.
   */
  path: string[];
  /**
   * What changed, in oasdiff's vocabulary without its location prefix: `property-removed`,
   * `type-changed`, `max-length-decreased`, `enum-value-added`, `became-nullable`, ...
   * The caller adds the prefix (`request-body-`, `response-property-`, ...). Declared in the rule
   * catalog (src/rules/catalog/schema-kinds.ts), so every rule built from it is catalogued.
   */
  kind: SchemaChangeKind;
  relation: Relation;
  /**
   * Set when the reader may still cope: an enum value added where the reader declares a fallback
   * for unknown values (`x-extensible-enum`, `x-charter-enum-fallback`).
   */
  conditional?: boolean;
  /** For property changes: whether the property is required (on the side where it exists, new side first). */
  required?: boolean;
  /** For property changes: readOnly / writeOnly of the property (a property the writer never sends). */
  readOnly?: boolean;
  writeOnly?: boolean;
  /** One line saying what changed, without the location, e.g. `max length decreased from 20 to 10`. */
  message: string;
  before?: SchemaPointer;
  after?: SchemaPointer;
  /**
   * Where the change is written, whichever path reached it: the named schema holding it (a `$ref`
   * target, e.g. `/components/schemas/Charge`; absent when it is the compared schema itself, written
   * inline) and the semantic path below it. A change to a shared component has one home however many
   * places use it.
   */
  home?: { at?: SchemaPointer; path: string[] };
}
