import type { RuleMeta } from "../rule-meta.js";

/**
 * OpenAPI breaking rules under oasdiff's check IDs (ARCHITECTURE.md, "The compatibility model"), so a user porting an oasdiff
 * config finds the same names: the rules of paths, operations, parameters, bodies, responses,
 * security and lifecycle. Schema changes inside a body, parameter or header are named by location
 * and kind: those ids are enumerated in openapi-schema-breaking.ts.
 *
 * Who writes decides which flow is backward: the client writes requests (a webhook's server writes
 * them), the server writes responses. `verdicts` is given where a rule has one default.
 */
const entry = <const I extends string>(
  id: I, category: string, description: string, verdicts?: { backward: "compatible" | "conditional" | "breaking"; forward: "compatible" | "conditional" | "breaking" },
) => ({ id, kinds: ["openapi"] as const, check: "breaking" as const, category, description, ...(verdicts ? { verdicts } : {}) });

const both = <V extends "compatible" | "conditional" | "breaking">(backward: V, forward: V) => ({ backward, forward });

export const OPENAPI_BREAKING_RULES = [
  // Paths and operations
  entry("endpoint-added", "paths", "An operation was added. Old clients never call it; new clients calling an old server get 404 or 405, which the verdict leaves to rollout order.", both("compatible", "compatible")),
  entry("webhook-added", "paths", "A webhook was added: the server starts calling a new operation on its subscribers, who may not serve it yet.", both("compatible", "compatible")),
  entry("webhook-removed", "paths", "A webhook was removed: subscribers that serve it no longer receive its calls.", both("breaking", "compatible")),
  entry("api-path-removed-without-deprecation", "paths", "A path was removed without first being deprecated: old clients that call it break with no warning.", both("breaking", "compatible")),
  entry("api-path-removed-with-deprecation", "paths", "A deprecated path was removed: compatible once its x-sunset date has passed, conditional when it was deprecated without a date (clients were warned but given no date)."),
  entry("api-path-removed-before-sunset", "paths", "A deprecated path was removed before its x-sunset date: clients were promised it until then.", both("breaking", "compatible")),
  entry("api-path-sunset-parse", "lifecycle", "A removed path (or operation) carried an x-sunset date that cannot be read, so whether its notice ran out is unknown.", both("breaking", "compatible")),
  entry("api-removed-without-deprecation", "paths", "An operation was removed without first being deprecated: old clients that call it break with no warning.", both("breaking", "compatible")),
  entry("api-removed-with-deprecation", "paths", "A deprecated operation was removed: compatible once its x-sunset date has passed, conditional when it was deprecated without a date."),
  entry("api-removed-before-sunset", "paths", "A deprecated operation was removed before its x-sunset date: clients were promised it until then.", both("breaking", "compatible")),
  entry("api-operation-id-added", "operations", "An operation got an operationId: generated clients gain a method name, nothing changes on the wire.", both("compatible", "compatible")),
  entry("api-operation-id-removed", "operations", "An operation's operationId was removed or changed: code generated from the contract renames or loses the method, though the wire is unchanged.", both("conditional", "conditional")),
  entry("api-tag-added", "operations", "An operation got a tag: documentation and generated code group it differently; the wire is unchanged."),
  entry("api-tag-removed", "operations", "An operation lost a tag: documentation and generated code group it differently; the wire is unchanged."),
  // Stability and lifecycle of operations
  entry("api-stability-decreased", "lifecycle", "An operation's x-stability-level went down (stable to beta, beta to alpha): clients that relied on its stability lose the promise."),
  entry("api-stability-increased", "lifecycle", "An operation's x-stability-level went up (alpha to beta, beta to stable): more is promised, nothing breaks."),
  entry("api-invalid-stability-level", "lifecycle", "An operation's x-stability-level is not one of draft, alpha, beta or stable, so the policy for its changes cannot be applied.", both("conditional", "compatible")),
  entry("endpoint-deprecated", "lifecycle", "An operation was deprecated. Nothing changes on the wire; its clients are told to move off it.", both("compatible", "compatible")),
  entry("endpoint-deprecated-with-sunset", "lifecycle", "An operation was deprecated with an x-sunset date, the day after which it may be removed.", both("compatible", "compatible")),
  entry("endpoint-reactivated", "lifecycle", "A deprecated operation is no longer deprecated.", both("compatible", "compatible")),
  entry("api-deprecated-sunset-missing", "lifecycle", "An operation was deprecated without an x-sunset date where its stability level asks for a minimum notice: clients are not told when it goes.", both("conditional", "compatible")),
  entry("api-deprecated-sunset-parse", "lifecycle", "An operation was deprecated with an x-sunset date that cannot be read (neither a date nor a date-time).", both("conditional", "compatible")),
  entry("api-sunset-date-too-small", "lifecycle", "An operation was deprecated with an x-sunset date sooner than its stability level's minimum notice (stable 180 days, beta 90).", both("conditional", "compatible")),
  entry("api-sunset-date-changed-too-small", "lifecycle", "A deprecated operation's x-sunset date was moved sooner: its clients have less time than they were promised.", both("conditional", "compatible")),
  entry("sunset-deleted", "lifecycle", "A deprecated operation lost its x-sunset date: its clients no longer know when it goes.", both("conditional", "compatible")),
  // Servers
  entry("api-server-added", "servers", "A server URL was added: clients may use it; old ones keep using the others.", both("compatible", "compatible")),
  entry("api-server-removed", "servers", "A server URL was removed: clients configured with it may no longer reach the API.", both("conditional", "compatible")),
  // Parameters
  entry("new-required-request-parameter", "parameters", "A required parameter was added to an operation: old clients do not send it and are refused.", both("breaking", "compatible")),
  entry("new-optional-request-parameter", "parameters", "An optional parameter was added to an operation: old clients leave it out, which is allowed.", both("compatible", "compatible")),
  entry("new-request-path-parameter", "parameters", "A path parameter was added: the path itself changed, so old clients call a path that no longer exists.", both("breaking", "compatible")),
  entry("new-required-request-default-parameter-to-existing-path", "parameters", "A required parameter was added to a path item, which reaches every existing operation of the path at once: old clients do not send it.", both("breaking", "compatible")),
  entry("new-optional-request-default-parameter-to-existing-path", "parameters", "An optional parameter was added to a path item, which reaches every existing operation of the path.", both("compatible", "compatible")),
  entry("request-parameter-removed", "parameters", "A parameter was removed without being deprecated first: old clients still send it, and an old server that required it refuses new clients that do not."),
  entry("request-parameter-removed-with-deprecation", "parameters", "A deprecated parameter was removed: compatible once its x-sunset date has passed, conditional when it was deprecated without a date."),
  entry("request-parameter-removed-before-sunset", "parameters", "A deprecated parameter was removed before its x-sunset date: clients were promised it until then."),
  entry("request-parameter-became-required", "parameters", "A parameter became required: old clients that leave it out are refused."),
  entry("request-parameter-became-optional", "parameters", "A parameter became optional: new clients may leave it out, which an old server that required it refuses."),
  entry("request-parameter-deprecated", "lifecycle", "A parameter was deprecated (with or without an x-sunset date). Nothing changes on the wire.", both("compatible", "compatible")),
  entry("request-parameter-reactivated", "lifecycle", "A deprecated parameter is no longer deprecated.", both("compatible", "compatible")),
  entry("request-parameter-deprecated-sunset-missing", "lifecycle", "A parameter was deprecated without an x-sunset date where its operation's stability level asks for a minimum notice.", both("conditional", "compatible")),
  entry("request-parameter-sunset-parse", "lifecycle", "A parameter's x-sunset date cannot be read, on deprecation or on removal."),
  entry("request-parameter-sunset-date-too-small", "lifecycle", "A parameter was deprecated with an x-sunset date sooner than its stability level's minimum notice.", both("conditional", "compatible")),
  entry("request-parameter-sunset-deleted", "lifecycle", "A deprecated parameter lost its x-sunset date: its clients no longer know when it goes.", both("conditional", "compatible")),
  entry("request-parameter-sunset-date-changed-too-small", "lifecycle", "A deprecated parameter's x-sunset date was moved sooner.", both("conditional", "compatible")),
  // Request bodies
  entry("request-body-added-required", "request", "A required request body was added to an operation: old clients send none and are refused."),
  entry("request-body-added-optional", "request", "An optional request body was added to an operation: old clients send none, which is allowed."),
  entry("request-body-removed", "request", "An operation's request body was removed: bodies old clients send are no longer read."),
  entry("request-body-became-required", "request", "The request body became required: old clients that send none are refused."),
  entry("request-body-became-optional", "request", "The request body became optional: new clients may send none, which an old server that required one refuses."),
  entry("request-body-media-type-added", "request", "The request body accepts a new media type: only new clients use it, and an old server refuses it."),
  entry("request-body-media-type-removed", "request", "The request body no longer accepts a media type: old clients that send it are refused."),
  entry("request-body-media-type-schema-added", "request", "A schema was given to a request media type that had none: 'anything' narrowed to that schema, so old clients' bodies may be refused."),
  entry("request-body-media-type-schema-removed", "request", "A request media type lost its schema: any body is accepted, which old servers that validate may refuse."),
  // Responses
  entry("response-success-status-added", "response", "A success status was added to an operation: old clients may not handle it, and know no success answer at all when it replaced the old one (201 → 200).", both("conditional", "compatible")),
  entry("response-success-status-removed", "response", "A success status was removed: old clients that expect it get another answer, and new clients meeting an old server get one they do not expect (no success answer they know, when the status changed).", both("breaking", "conditional")),
  entry("response-non-success-status-added", "response", "An error status was added to an operation's documented responses.", both("compatible", "compatible")),
  entry("response-non-success-status-removed", "response", "An error status was removed from an operation's documented responses.", both("compatible", "compatible")),
  entry("response-media-type-added", "response", "A response media type was added: old clients that ask for it by Accept get what they asked for; others are unaffected."),
  entry("response-media-type-removed", "response", "A response media type was removed: old clients that ask for it are refused (406) or get another.", both("breaking", "compatible")),
  entry("response-body-media-type-schema-added", "response", "A schema was given to a response media type that had none: the server promises more, and old servers may send what it excludes."),
  entry("response-body-media-type-schema-removed", "response", "A response media type lost its schema: the server promises nothing, so clients that rely on the old schema may break."),
  entry("response-header-added", "response", "A response header was added: old clients ignore it; required, new clients count on it and an old server does not send it."),
  entry("required-response-header-removed", "response", "A required response header was removed: clients that read it find it missing."),
  entry("optional-response-header-removed", "response", "An optional response header was removed: clients that read it when present lose it."),
  entry("response-header-became-required", "response", "A response header became required: new clients count on it, which an old server may not send."),
  entry("response-header-became-optional", "response", "A response header became optional: clients that count on it may find it missing."),
  // Security
  entry("api-global-security-added", "security", "A security requirement was added to the whole API: on an open API it shuts old clients out; as another alternative it only adds a way in."),
  entry("api-global-security-removed", "security", "A security requirement was removed from the whole API: clients that used it are refused unless the API is now open."),
  entry("api-global-security-scope-added", "security", "A scope became required by the whole API: old tokens lack it.", both("breaking", "compatible")),
  entry("api-global-security-scope-removed", "security", "A scope is no longer required by the whole API: new clients may omit it, which an old server refuses.", both("compatible", "conditional")),
  entry("api-security-added", "security", "A security requirement was added to an operation: on an open operation it shuts old clients out; as another alternative it only adds a way in."),
  entry("api-security-removed", "security", "A security requirement was removed from an operation: clients that used it are refused unless the operation is now open."),
  entry("api-security-scope-added", "security", "A scope became required by an operation: old tokens lack it.", both("breaking", "compatible")),
  entry("api-security-scope-removed", "security", "A scope is no longer required by an operation: new clients may omit it, which an old server refuses.", both("compatible", "conditional")),
  entry("api-security-component-added", "security", "A security scheme was added to components.", both("compatible", "compatible")),
  entry("api-security-component-removed", "security", "A security scheme was removed from components; requirements that use it are reported on their own.", both("compatible", "compatible")),
  entry("api-security-component-type-changed", "security", "A security scheme changed type (e.g. apiKey to oauth2): clients authenticate the old way and are refused.", both("breaking", "breaking")),
  entry("api-security-component-oauth-url-changed", "security", "An OAuth flow's authorizationUrl changed: clients configured with the old URL cannot obtain tokens."),
  entry("api-security-component-oauth-token-url-changed", "security", "An OAuth flow's tokenUrl changed: clients configured with the old URL cannot obtain tokens."),
  entry("api-security-component-oauth-scope-added", "security", "A scope was added to an OAuth flow.", both("compatible", "compatible")),
  entry("api-security-component-oauth-scope-removed", "security", "A scope was removed from an OAuth flow: clients that request it are refused.", both("breaking", "compatible")),
] as const satisfies readonly RuleMeta[];
