import type { RuleMeta } from "../rule-meta.js";
import { OPENAPI_BREAKING_RULES } from "./openapi-breaking.js";
import { idSentence, SCHEMA_CHANGE_KINDS, type SchemaChangeKind } from "./schema-kinds.js";

/**
 * OpenAPI's schema-change rules: oasdiff names a change inside a body, parameter or header by a
 * location prefix and the engine's kind (`request-property-` + `max-length-decreased`), with a few
 * names of its own (src/compat/openapi/check-ids.ts picks one). Every combination is an entry, so the
 * ids are data and `schemaCheckId` can return nothing else.
 */

/** The location prefixes: what the id's prefix names, and who writes it (ARCHITECTURE.md, "The compatibility model"). */
const CLIENT_WRITES = "The client writes requests and the server reads them (a webhook's the other way round).";
const SERVER_WRITES = "The server writes responses and the client reads them (a webhook's the other way round).";
const PREFIXES = {
  "request-body": ["The schema is a request body's", CLIENT_WRITES],
  "request-property": ["The schema is a property of a request body's, at any depth", CLIENT_WRITES],
  "response-body": ["The schema is a response body's", SERVER_WRITES],
  "response-property": ["The schema is a property of a response body's, at any depth", SERVER_WRITES],
  "request-parameter": ["The schema is a request parameter's (path, query, header or cookie)", CLIENT_WRITES],
  "request-parameter-property": ["The schema is a property of a request parameter's, at any depth", CLIENT_WRITES],
  "response-header": ["The schema is a response header's", SERVER_WRITES],
  "response-header-property": ["The schema is a property of a response header's, at any depth", SERVER_WRITES],
} as const;
export type SchemaPrefix = keyof typeof PREFIXES;

/** Constraints a client never hits on a read-only request property (it does not send it): oasdiff's `request-read-only-property-`. */
export const READ_ONLY_REQUEST_KINDS = [
  "enum-value-removed", "max-decreased", "max-length-decreased", "min-increased", "exclusive-max-decreased", "exclusive-min-increased",
] as const satisfies readonly SchemaChangeKind[];
export type ReadOnlyRequestKind = (typeof READ_ONLY_REQUEST_KINDS)[number];

/** The access-mode changes oasdiff names after whether the property is required. */
export const ACCESS_KINDS = ["became-read-only", "became-not-read-only", "became-write-only", "became-not-write-only"] as const satisfies readonly SchemaChangeKind[];
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** Lifecycle of a property, beyond the engine's `deprecated` and `reactivated` kinds. */
const PROPERTY_LIFECYCLE = {
  "deprecated-with-sunset": "was deprecated with an x-sunset date, the day after which it may be removed",
  "deprecated-sunset-missing": "was deprecated without an x-sunset date where its operation's stability level asks for a minimum notice",
  "deprecated-sunset-invalid": "carries an x-sunset date that cannot be read",
  "sunset-date-too-small": "was deprecated with an x-sunset date sooner than its stability level's minimum notice",
  "sunset-deleted": "lost its x-sunset date, so its users no longer know when it goes",
  "sunset-date-changed-too-small": "had its x-sunset date moved sooner",
} as const;
export type PropertyLifecycle = keyof typeof PROPERTY_LIFECYCLE;

const entry = <const I extends string>(id: I, category: string, description: string) =>
  ({ id, kinds: ["openapi"] as const, check: "breaking" as const, category, description });

/** oasdiff's own names, where a property change is not prefix + kind. */
const SPECIAL = [
  entry("new-required-request-property", "request", "A required property was added to a request body: old clients do not send it and are refused."),
  entry("new-required-request-property-with-default", "request", "A required property with a default was added to a request body: old clients do not send it; a server that fills in the default still accepts them."),
  entry("new-optional-request-property", "request", "An optional property was added to a request body: old clients leave it out, which is allowed; new clients send it to old servers, which may refuse unknown properties."),
  entry("request-property-removed", "request", "A property was removed from a request body: old clients still send it, and a server that refuses unknown properties refuses them."),
  entry("request-required-property-became-read-only", "request", "A required request property became readOnly: clients should no longer send it."),
  entry("request-optional-property-became-read-only", "request", "An optional request property became readOnly: clients should no longer send it."),
  entry("request-required-property-became-not-read-only", "request", "A required request property is no longer readOnly: clients must now send it."),
  entry("request-optional-property-became-not-read-only", "request", "An optional request property is no longer readOnly: clients may now send it."),
  entry("request-required-property-became-write-only", "request", "A required request property became writeOnly: servers no longer return it."),
  entry("request-optional-property-became-write-only", "request", "An optional request property became writeOnly: servers no longer return it."),
  entry("request-required-property-became-not-write-only", "request", "A required request property is no longer writeOnly: servers may return it."),
  entry("request-optional-property-became-not-write-only", "request", "An optional request property is no longer writeOnly: servers may return it."),
  entry("response-required-property-added", "response", "A required property was added to a response body: new clients count on it, which an old server does not send."),
  entry("response-optional-property-added", "response", "An optional property was added to a response body: old clients ignore it."),
  entry("response-required-write-only-property-added", "response", "A required writeOnly property was added to a response schema: servers never return it, so no reader is affected."),
  entry("response-optional-write-only-property-added", "response", "An optional writeOnly property was added to a response schema: servers never return it."),
  entry("response-required-property-removed", "response", "A required property was removed from a response body: clients that read it find it missing."),
  entry("response-optional-property-removed", "response", "An optional property was removed from a response body: clients that read it when present lose it."),
  entry("response-required-write-only-property-removed", "response", "A required writeOnly property was removed from a response schema: servers never returned it."),
  entry("response-optional-write-only-property-removed", "response", "An optional writeOnly property was removed from a response schema: servers never returned it."),
  entry("response-property-became-optional", "response", "A response property became optional: clients that count on it may find it missing."),
  entry("response-write-only-property-became-optional", "response", "A writeOnly response property became optional: servers never return it."),
  entry("response-property-became-required", "response", "A response property became required: new clients count on it, which an old server may not send."),
  entry("response-write-only-property-became-required", "response", "A writeOnly response property became required: servers never return it."),
  entry("response-property-enum-value-added", "response", "An enum value was added to a response property: old clients meet a value they do not know (conditional where they declare a fallback)."),
  entry("response-write-only-property-enum-value-added", "response", "An enum value was added to a writeOnly response property: servers never return it."),
  entry("response-required-property-became-read-only", "response", "A required response property became readOnly: clients no longer send it back."),
  entry("response-optional-property-became-read-only", "response", "An optional response property became readOnly: clients no longer send it back."),
  entry("response-required-property-became-not-read-only", "response", "A required response property is no longer readOnly."),
  entry("response-optional-property-became-not-read-only", "response", "An optional response property is no longer readOnly."),
  entry("response-required-property-became-write-only", "response", "A required response property became writeOnly: servers stop returning it, so clients that read it find it missing."),
  entry("response-optional-property-became-write-only", "response", "An optional response property became writeOnly: servers stop returning it."),
  entry("response-required-property-became-not-write-only", "response", "A required response property is no longer writeOnly: servers may return it."),
  entry("response-optional-property-became-not-write-only", "response", "An optional response property is no longer writeOnly: servers may return it."),
  entry("new-required-request-header-property", "parameters", "A required property was added to the schema of a request header: old clients do not send it."),
  entry("request-header-property-became-enum", "parameters", "A property of a request header's schema became an enum: values outside the list are refused."),
  entry("request-header-property-became-required", "parameters", "A property of a request header's schema became required: old clients that leave it out are refused."),
  entry("response-mediatype-enum-value-removed", "response", "An enum value was removed from a whole response body: old clients that handle it never see it again."),
] as const satisfies readonly RuleMeta[];

type Entry<I extends string> = RuleMeta & { id: I; kinds: readonly ["openapi"]; check: "breaking" };

const READ_ONLY: readonly Entry<`request-read-only-property-${ReadOnlyRequestKind}`>[] = READ_ONLY_REQUEST_KINDS.map((kind) => ({
  ...entry(`request-read-only-property-${kind}` as const, "request", ""),
  description: `${idSentence(`request-read-only-property-${kind}`)} ${SCHEMA_CHANGE_KINDS.get(kind)} Clients do not send a read-only property, so they never hit the constraint.`,
}));

const LIFECYCLE: readonly Entry<`${"request" | "response"}-property-${PropertyLifecycle}`>[] = (["request", "response"] as const).flatMap((side) =>
  Object.entries(PROPERTY_LIFECYCLE).map(([what, meaning]) => ({
    ...entry(`${side}-property-${what as PropertyLifecycle}` as const, "lifecycle", ""),
    description: `A property of a ${side} body ${meaning}. Nothing changes on the wire; conditional where its users lose the notice a sunset gives them.`,
  })),
);

// The operation-level rules own a few of these names (`request-body-became-optional` is about the
// body's `required` flag): a combination never takes a name that already means something else.
const named = new Set<string>([...SPECIAL, ...READ_ONLY, ...LIFECYCLE, ...OPENAPI_BREAKING_RULES].map((e) => e.id));

/** Every prefix with every kind, but for the ids a special name above or an operation-level rule already holds. */
const COMBINATIONS: readonly Entry<`${SchemaPrefix}-${SchemaChangeKind}`>[] = Object.entries(PREFIXES).flatMap(([prefix, [place, writer]]) =>
  [...SCHEMA_CHANGE_KINDS].map(([kind, meaning]) => ({
    ...entry(`${prefix as SchemaPrefix}-${kind}` as const, prefix.startsWith("response") ? "response" : prefix.startsWith("request-parameter") ? "parameters" : "request", ""),
    description: `${idSentence(`${prefix}-${kind}`)} ${meaning} ${place}. ${writer}`,
  })).filter((e) => !named.has(e.id)),
);

export const OPENAPI_SCHEMA_BREAKING_RULES = [...SPECIAL, ...READ_ONLY, ...LIFECYCLE, ...COMBINATIONS];
