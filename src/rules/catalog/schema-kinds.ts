/**
 * Every kind of change the schema engine (src/compat/schema/) reports, in oasdiff's vocabulary
 * without a location prefix, each with what it means. The JSON Schema, OpenAPI and AsyncAPI
 * catalogs build their rule ids from these kinds, so this table is where a new kind is declared:
 * the engine cannot report a kind that is not here (`SchemaChangeKind`).
 */

/** Numeric bounds, by oasdiff's stem, and the keyword each stem stands for. */
const BOUND_STEMS = {
  min: "minimum",
  max: "maximum",
  "exclusive-min": "exclusiveMinimum",
  "exclusive-max": "exclusiveMaximum",
  "min-length": "minLength",
  "max-length": "maxLength",
  "min-items": "minItems",
  "max-items": "maxItems",
  "min-properties": "minProperties",
  "max-properties": "maxProperties",
  "min-contains": "minContains",
  "max-contains": "maxContains",
} as const;
export type BoundStem = keyof typeof BOUND_STEMS;

const BOUND_CHANGES = {
  set: "was set where there was none: values beyond it are now refused",
  unset: "was removed: values beyond the old bound are now accepted",
  increased: "was raised: for a lower bound values are refused that were accepted, for an upper bound the reverse",
  decreased: "was lowered: for an upper bound values are refused that were accepted, for a lower bound the reverse",
} as const;

/** Keywords holding one subschema, or subschemas by name: adding one narrows, dropping it widens. */
const SUBSCHEMA_STEMS = {
  "content-schema": "contentSchema",
  "property-names": "propertyNames",
  "pattern-property": "a patternProperties entry",
  "dependent-schema": "a dependentSchemas entry",
  contains: "contains",
  "unevaluated-items": "unevaluatedItems",
  if: "if",
  then: "then",
  else: "else",
  not: "not",
} as const;
export type SubschemaStem = keyof typeof SUBSCHEMA_STEMS;

/** The branch keywords, kebab-cased as oasdiff names them. */
export const BRANCH_STEMS = { oneOf: "one-of", anyOf: "any-of", allOf: "all-of" } as const;
export type BranchStem = (typeof BRANCH_STEMS)[keyof typeof BRANCH_STEMS];

/** additionalProperties and unevaluatedProperties: open (absent or true), a schema, or closed. */
const CONTENT_MODEL_STEMS = { "additional-properties": "additionalProperties", "unevaluated-properties": "unevaluatedProperties" } as const;
export type ContentModelStem = keyof typeof CONTENT_MODEL_STEMS;

const SINGLE_KINDS = {
  "type-changed": "The type (or format) changed to one that shares values with the old one in neither direction.",
  "type-specialized": "The type was narrowed: a type or a format was set, and values of the old type outside it are refused.",
  "type-generalized": "The type was widened: a type or a format was removed, and values the old schema refused are accepted.",
  "list-of-types-widened": "Types were added to a list of types: readers that know only the old types meet new ones.",
  "list-of-types-narrowed": "Types were removed from a list of types: values of the removed types are refused.",
  "became-nullable": "The value may now be null, which old readers do not expect.",
  "became-not-nullable": "The value may no longer be null: writers that send null are refused.",
  "became-enum": "The value became an enum: values outside the list are refused.",
  "became-not-enum": "The enum was removed: any value of the type is accepted, which readers of the old list do not expect.",
  "enum-value-added": "An enum value was added: old readers meet a value they do not know (conditional where the reader declares a fallback).",
  "enum-value-removed": "An enum value was removed: writers that send it are refused.",
  "x-extensible-enum-value-removed": "A value of an x-extensible-enum was removed: writers that send it are refused.",
  "const-added": "A const was set: every other value is refused.",
  "const-removed": "The const was removed: other values are accepted, which readers of the constant do not expect.",
  "const-changed": "The const changed: the old value is refused and the new one unknown to old readers.",
  "multiple-of-set": "multipleOf was set: values that are not multiples are refused.",
  "multiple-of-unset": "multipleOf was removed: values that are not multiples are accepted.",
  "multiple-of-increased": "multipleOf became a multiple of the old one: fewer values are accepted.",
  "multiple-of-decreased": "multipleOf became a divisor of the old one: more values are accepted.",
  "multiple-of-changed": "multipleOf changed to a number that neither divides nor is a multiple of the old one.",
  "pattern-added": "A pattern was set: strings that do not match are refused.",
  "pattern-removed": "The pattern was removed: any string is accepted.",
  "pattern-generalized": "The pattern was replaced by one that matches anything.",
  "pattern-changed": "The pattern changed: the two patterns accept different strings.",
  "unique-items-added": "uniqueItems was set: arrays with repeated items are refused.",
  "unique-items-removed": "uniqueItems was removed: arrays with repeated items are accepted.",
  "became-read-only": "The value became readOnly: clients no longer send it, servers still may.",
  "became-not-read-only": "The value is no longer readOnly: clients may now send it.",
  "became-write-only": "The value became writeOnly: servers no longer return it.",
  "became-not-write-only": "The value is no longer writeOnly: servers may now return it.",
  deprecated: "The value was deprecated: nothing changes on the wire, its users are told to move off it.",
  reactivated: "The value is no longer deprecated.",
  "default-value-added": "A default was set: readers fill it in where the value is missing.",
  "default-value-removed": "The default was removed: readers that relied on it now see the value missing.",
  "default-value-changed": "The default changed: writers that omit the value now mean something else.",
  "content-media-type-changed": "contentMediaType changed: readers decode the string as something else.",
  "content-encoding-changed": "contentEncoding changed: readers decode the string wrongly.",
  "became-required": "A property became required: writers that omit it are refused.",
  "became-required-with-default": "A property with a default became required: writers that omit it are refused, though readers had filled it in.",
  "became-optional": "A property became optional: readers that count on it may find it missing.",
  "property-added": "A property was added: required, writers that omit it are refused; optional, old readers ignore it (or refuse it under a strict reading of closed objects).",
  "property-removed": "A property was removed: readers that need it find it missing, and under a strict reading writers that still send it are refused.",
  "dependent-required-added": "A dependentRequired entry was added: objects that carry the key without its dependents are refused.",
  "dependent-required-removed": "A dependentRequired entry was removed: objects may carry the key without its dependents.",
  "dependent-required-changed": "The names a dependentRequired entry asks for changed.",
  "items-added": "An items schema was set: arrays whose items do not match are refused.",
  "items-removed": "The items schema was removed: arrays of any items are accepted.",
  "prefix-items-added": "prefixItems grew: more positions of the array are constrained.",
  "prefix-items-removed": "prefixItems shrank: fewer positions of the array are constrained.",
  "discriminator-added": "A discriminator was added: readers may pick the branch by it; the accepted values are the same.",
  "discriminator-removed": "The discriminator was removed: readers pick the branch by trying each; the accepted values are the same.",
  "discriminator-property-name-changed": "The discriminator property changed: readers pick the wrong branch.",
  "discriminator-mapping-added": "A discriminator value was added: old readers meet a value they cannot map.",
  "discriminator-mapping-changed": "A discriminator value now maps to another schema.",
  "discriminator-mapping-deleted": "A discriminator value was removed: writers that send it are refused.",
} as const;

function* kinds(): Generator<[string, string]> {
  yield* Object.entries(SINGLE_KINDS);
  for (const [stem, keyword] of Object.entries(BOUND_STEMS)) {
    for (const [change, meaning] of Object.entries(BOUND_CHANGES)) yield [`${stem}-${change}`, `${keyword} ${meaning}.`];
  }
  for (const [stem, keyword] of Object.entries(SUBSCHEMA_STEMS)) {
    yield [`${stem}-added`, `${keyword[0].toUpperCase()}${keyword.slice(1)} was added: it constrains the value further.`];
    yield [`${stem}-removed`, `${keyword[0].toUpperCase()}${keyword.slice(1)} was removed: the value is constrained less.`];
  }
  for (const [stem, keyword] of Object.entries(CONTENT_MODEL_STEMS)) {
    yield [`${stem}-added`, `${keyword} was set on an open object: names it did not declare are constrained (refused, or held to a schema).`];
    yield [`${stem}-removed`, `${keyword} was removed: the object is open to any other name again.`];
    yield [`${stem}-changed`, `${keyword} changed between closed and a schema for the other names.`];
  }
  for (const [keyword, stem] of Object.entries(BRANCH_STEMS)) {
    yield [`wrapped-in-${stem}`, `The schema was wrapped in ${keyword}: which values it accepts depends on the branches.`];
    yield [`${stem}-added`, `A branch of ${keyword} was added: for oneOf and anyOf more values are accepted, for allOf fewer.`];
    yield [`${stem}-removed`, `A branch of ${keyword} was removed: for oneOf and anyOf fewer values are accepted, for allOf more.`];
    yield [`${stem}-added-annotation-only`, `A branch of ${keyword} that only annotates (no constraint) was added: no value changes.`];
    yield [`${stem}-removed-annotation-only`, `A branch of ${keyword} that only annotates (no constraint) was removed: no value changes.`];
  }
}

export type SchemaChangeKind =
  | keyof typeof SINGLE_KINDS
  | `${BoundStem}-${keyof typeof BOUND_CHANGES}`
  | `${SubschemaStem}-${"added" | "removed"}`
  | `${ContentModelStem}-${"added" | "removed" | "changed"}`
  | `wrapped-in-${BranchStem}`
  | `${BranchStem}-${"added" | "removed"}${"" | "-annotation-only"}`;

/**
 * The id of a location prefix and a kind read as a sentence (`request-property-max-length-decreased`
 * → "Request property max length decreased."): the first sentence of the rules built from kinds.
 */
export const idSentence = (id: string) => `${id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase())}.`;

/** Every kind with one sentence saying what it means for the values a schema accepts. */
export const SCHEMA_CHANGE_KINDS = new Map(kinds()) as ReadonlyMap<SchemaChangeKind, string>;
