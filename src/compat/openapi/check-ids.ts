import type { RuleId } from "../../rules/catalog.js";
import {
  ACCESS_KINDS, READ_ONLY_REQUEST_KINDS, type AccessKind, type ReadOnlyRequestKind, type SchemaPrefix,
} from "../../rules/catalog/openapi-schema-breaking.js";
import type { SchemaChangeKind } from "../../rules/catalog/schema-kinds.js";

/**
 * oasdiff's check IDs (ARCHITECTURE.md, "The compatibility model"), in one place. Most IDs are a location prefix and what
 * changed (`request-property-` + `max-length-decreased`); the tables below pick the prefix and
 * the IDs oasdiff spells differently, so a user porting an oasdiff config finds the same names.
 * Every id they can make is an entry of the rule catalog (src/rules/catalog/openapi-schema-breaking.ts).
 */

/** Where a schema sits in an operation, which decides the ID prefix. */
export type SchemaPlace = "request-body" | "response-body" | "request-parameter" | "request-header" | "response-header";

/** Prefixes for a change to the schema itself (`root`) and for one below it (`nested`). */
const PREFIXES: Record<SchemaPlace, { root: SchemaPrefix; nested: SchemaPrefix }> = {
  "request-body": { root: "request-body", nested: "request-property" },
  "response-body": { root: "response-body", nested: "response-property" },
  "request-parameter": { root: "request-parameter", nested: "request-parameter-property" },
  "request-header": { root: "request-parameter", nested: "request-parameter-property" },
  "response-header": { root: "response-header", nested: "response-header-property" },
};

/** What the naming of a property change depends on. */
export interface PropertyFacts {
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  /** The property (new side) declares a default, which oasdiff names separately. */
  hasDefault: boolean;
}

/** A special name, or undefined where the general prefix + kind applies. */
type Namer = (facts: PropertyFacts) => RuleId | undefined;

const requiredness = (f: PropertyFacts) => (f.required ? "required" : "optional");
const withDefault = (f: PropertyFacts) => (f.hasDefault ? "-with-default" : "");
const writeOnlyInfix = (f: PropertyFacts) => (f.writeOnly ? "-write-only" : "");

/** Access-mode changes (`became-read-only`, ...) are named after whether the property is required. */
const accessNames = (side: "request" | "response"): Record<AccessKind, Namer> =>
  Object.fromEntries(ACCESS_KINDS.map((kind) => [kind, (f: PropertyFacts) => `${side}-${requiredness(f)}-property-${kind}` as const])) as Record<AccessKind, Namer>;

/** oasdiff's own names for property changes of request bodies. */
const REQUEST_PROPERTY: Partial<Record<SchemaChangeKind, Namer>> = {
  "property-added": (f) => (f.required ? `new-required-request-property${withDefault(f)}` : "new-optional-request-property"),
  "property-removed": () => "request-property-removed",
  "became-required": (f) => `request-property-became-required${withDefault(f)}`,
  ...accessNames("request"),
};

/**
 * Constraints a client never hits on a read-only property (it does not send it), which oasdiff
 * reports under `request-read-only-property-`.
 */
const readOnlyRequestKind = (kind: SchemaChangeKind): kind is ReadOnlyRequestKind => (READ_ONLY_REQUEST_KINDS as readonly string[]).includes(kind);

/** oasdiff's own names for property changes of response bodies. */
const RESPONSE_PROPERTY: Partial<Record<SchemaChangeKind, Namer>> = {
  "property-added": (f) => `response-${requiredness(f)}${writeOnlyInfix(f)}-property-added`,
  "property-removed": (f) => `response-${requiredness(f)}${writeOnlyInfix(f)}-property-removed`,
  "became-optional": (f) => `response${writeOnlyInfix(f)}-property-became-optional`,
  "became-required": (f) => `response${writeOnlyInfix(f)}-property-became-required`,
  // A default means nothing to a response reader: oasdiff names only the request side's variant.
  "became-required-with-default": (f) => `response${writeOnlyInfix(f)}-property-became-required`,
  "enum-value-added": (f) => `response${writeOnlyInfix(f)}-property-enum-value-added`,
  ...accessNames("response"),
};

/** Header parameters have a few names of their own for changes below the header's schema. */
const REQUEST_HEADER_PROPERTY: Partial<Record<SchemaChangeKind, Namer>> = {
  "property-added": (f) => (f.required ? "new-required-request-header-property" : undefined),
  "became-enum": () => "request-header-property-became-enum",
  "became-required": () => "request-header-property-became-required",
  "became-required-with-default": () => "request-header-property-became-required",
};

/** Names of changes to a whole body that differ from prefix + kind. */
const ROOT_SPECIALS: Partial<Record<SchemaPlace, Partial<Record<SchemaChangeKind, RuleId>>>> = {
  "response-body": { "enum-value-removed": "response-mediatype-enum-value-removed" },
};

/**
 * Steps of the engine's semantic paths that are not property names: array items, map values,
 * branches and other subschemas. oasdiff names a change `-property-` only below a property, so a
 * constraint on a parameter's items is still a `request-parameter-` change.
 */
const STRUCTURAL_STEP = /^(\[\d*\]|\{\}|not|if|then|else|contains|contentSchema|propertyNames|unevaluatedItems|unevaluatedProperties|(allOf|anyOf|oneOf|patternProperties|dependentSchemas):.*)$/;

/** Kinds whose last step is the property that changed, whatever its name. */
const PROPERTY_KINDS = /^(property-|became-(required|optional|read-only|not-read-only|write-only|not-write-only))/;

const belowProperty = (kind: SchemaChangeKind, path: string[]) =>
  (path.length > 0 && PROPERTY_KINDS.test(kind)) || path.some((step) => !STRUCTURAL_STEP.test(step));

/** The check ID of a schema change at `place`, `path` steps below the schema. */
export function schemaCheckId(place: SchemaPlace, kind: SchemaChangeKind, path: string[], facts: PropertyFacts): RuleId {
  const prefixes = PREFIXES[place];
  if (!belowProperty(kind, path)) return ROOT_SPECIALS[place]?.[kind] ?? `${prefixes.root}-${kind}`;
  const special =
    place === "request-body" ? REQUEST_PROPERTY[kind] :
    place === "response-body" ? RESPONSE_PROPERTY[kind] :
    place === "request-header" ? REQUEST_HEADER_PROPERTY[kind] : undefined;
  const name = special?.(facts);
  if (name) return name;
  if (place === "request-body" && facts.readOnly && readOnlyRequestKind(kind)) return `request-read-only-property-${kind}`;
  return `${prefixes.nested}-${kind}`;
}

/** The lifecycle IDs of an element kind: deprecation, reactivation and its sunset date. */
export interface LifecycleIds {
  deprecated: RuleId;
  deprecatedWithSunset: RuleId;
  reactivated: RuleId;
  /** Deprecated without a sunset where the policy asks for one. */
  sunsetMissing: RuleId;
  /** A sunset date that cannot be read, when the element becomes deprecated. */
  sunsetInvalid: RuleId;
  /** A sunset date sooner than the policy's minimum notice. */
  sunsetTooSmall: RuleId;
  sunsetDeleted: RuleId;
  /** The sunset of an already deprecated element moved sooner. */
  sunsetChangedTooSmall: RuleId;
  /** A sunset date that cannot be read, on an element that stays deprecated or is removed. */
  sunsetUnreadable: RuleId;
}

export const LIFECYCLE_IDS: Record<"operation" | "parameter" | "request-property" | "response-property", LifecycleIds> = {
  operation: {
    deprecated: "endpoint-deprecated",
    deprecatedWithSunset: "endpoint-deprecated-with-sunset",
    reactivated: "endpoint-reactivated",
    sunsetMissing: "api-deprecated-sunset-missing",
    sunsetInvalid: "api-deprecated-sunset-parse",
    sunsetTooSmall: "api-sunset-date-too-small",
    sunsetDeleted: "sunset-deleted",
    sunsetChangedTooSmall: "api-sunset-date-changed-too-small",
    sunsetUnreadable: "api-path-sunset-parse",
  },
  parameter: {
    deprecated: "request-parameter-deprecated",
    deprecatedWithSunset: "request-parameter-deprecated",
    reactivated: "request-parameter-reactivated",
    sunsetMissing: "request-parameter-deprecated-sunset-missing",
    sunsetInvalid: "request-parameter-sunset-parse",
    sunsetTooSmall: "request-parameter-sunset-date-too-small",
    sunsetDeleted: "request-parameter-sunset-deleted",
    sunsetChangedTooSmall: "request-parameter-sunset-date-changed-too-small",
    sunsetUnreadable: "request-parameter-sunset-parse",
  },
  ...Object.fromEntries((["request", "response"] as const).map((side) => [`${side}-property`, {
    deprecated: `${side}-property-deprecated`,
    deprecatedWithSunset: `${side}-property-deprecated-with-sunset`,
    reactivated: `${side}-property-reactivated`,
    sunsetMissing: `${side}-property-deprecated-sunset-missing`,
    sunsetInvalid: `${side}-property-deprecated-sunset-invalid`,
    sunsetTooSmall: `${side}-property-sunset-date-too-small`,
    sunsetDeleted: `${side}-property-sunset-deleted`,
    sunsetChangedTooSmall: `${side}-property-sunset-date-changed-too-small`,
    sunsetUnreadable: `${side}-property-deprecated-sunset-invalid`,
  }])) as Record<"request-property" | "response-property", LifecycleIds>,
};

/** The removal IDs of an element kind, by how it was deprecated before it went. */
export interface RemovalIds {
  withoutDeprecation: RuleId;
  withDeprecation: RuleId;
  beforeSunset: RuleId;
  sunsetUnreadable: RuleId;
}

export const REMOVAL_IDS: Record<"path" | "operation" | "parameter", RemovalIds> = {
  path: {
    withoutDeprecation: "api-path-removed-without-deprecation",
    withDeprecation: "api-path-removed-with-deprecation",
    beforeSunset: "api-path-removed-before-sunset",
    sunsetUnreadable: "api-path-sunset-parse",
  },
  operation: {
    withoutDeprecation: "api-removed-without-deprecation",
    withDeprecation: "api-removed-with-deprecation",
    beforeSunset: "api-removed-before-sunset",
    sunsetUnreadable: "api-path-sunset-parse",
  },
  parameter: {
    withoutDeprecation: "request-parameter-removed",
    withDeprecation: "request-parameter-removed-with-deprecation",
    beforeSunset: "request-parameter-removed-before-sunset",
    sunsetUnreadable: "request-parameter-sunset-parse",
  },
};
