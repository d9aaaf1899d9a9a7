import { child, type SchemaPointer, type SchemaSource } from "../schema-pointer.js";
import { BUSINESS_KEY, parseBusinessKey } from "./business-key.js";
import { deadLetterAddress, DEAD_LETTER_KEY, defaultDeadLetter, parseDeadLetter, type ChannelName } from "./dead-letter.js";
import { isObject, readDeclared, type Declared, type ExtensionProblem, type Scope } from "./declared.js";
import { enumFallbacksIn } from "./enum-fallback.js";
import { IDEMPOTENCY_KEY, idempotencyParameter, parseIdempotencyKey } from "./idempotency-key.js";
import { effectiveRetry, parseRetry, RETRY_KEY, type DeclaredRetry, type RetryPolicy } from "./retry.js";
import { parseSlo, SLO_KEY, type Slo } from "./slo.js";
import { DEFAULT_TIMEOUT_MS, parseTimeout, TIMEOUT_KEY } from "./timeout.js";

/**
 * Every `x-charter-*` extension of one element, read once into a typed value (README.md, "charter generate"):
 * lint reports its `problems`, codegen takes its values (defaults filled in), docs display them,
 * and compare.ts judges how they moved between two versions.
 */

/** An OpenAPI operation's extensions: its own, else its path item's, else the document's (`info`'s for the SLO). */
export interface OperationExtensions {
  timeout?: Declared<number>;
  retry?: Declared<DeclaredRetry>;
  /** The share of extra requests retries may add, from the document's `x-charter-retry.budget`. */
  retryBudget?: Declared<number>;
  /** The header of the idempotency key: the extension's, else an `Idempotency-Key` header parameter's. */
  idempotencyKey?: Declared<string>;
  slo?: Declared<Slo>;
  problems: ExtensionProblem[];
}

/** Where an OpenAPI operation is, as lint's and compat's models both hold it. */
export interface OperationScopes {
  operation: Scope;
  pathItem: Scope;
  root: Scope;
  /** The names of its header parameters (the path item's included) and where each is. */
  headers: { name: string; at: SchemaPointer }[];
}

const infoOf = (root: Scope): Scope | undefined => (isObject(root.value.info) ? { value: root.value.info, at: child(root.at, "info") } : undefined);

/** The document's retry budget (`x-charter-retry.budget` at its root), shared by all of its operations. */
export function retryBudgetOf(root: Scope): Declared<number> | undefined {
  const retry = readDeclared(RETRY_KEY, parseRetry, [], root);
  return retry?.value.budget === undefined ? undefined : { value: retry.value.budget, at: child(retry.at, "budget") };
}

export function operationExtensions({ operation, pathItem, root, headers }: OperationScopes): OperationExtensions {
  const problems: ExtensionProblem[] = [];
  const declaredKey = readDeclared(IDEMPOTENCY_KEY, parseIdempotencyKey, problems, operation, pathItem, root);
  const parameter = idempotencyParameter(headers.map((h) => h.name));
  const keyHeader = parameter === undefined ? undefined : headers.find((h) => h.name === parameter);
  return {
    timeout: readDeclared(TIMEOUT_KEY, parseTimeout, problems, operation, pathItem, root),
    retry: readDeclared(RETRY_KEY, parseRetry, problems, operation, pathItem, root),
    retryBudget: retryBudgetOf(root),
    idempotencyKey: declaredKey ?? (keyHeader && { value: keyHeader.name, at: keyHeader.at }),
    slo: readDeclared(SLO_KEY, parseSlo, problems, operation, pathItem, infoOf(root)),
    problems,
  };
}

/** What generated clients enforce for an operation: the declared values, defaults for the rest. */
export const operationPolicy = (ext: OperationExtensions): { timeoutMs: number; retry: RetryPolicy } => ({
  timeoutMs: ext.timeout?.value ?? DEFAULT_TIMEOUT_MS,
  retry: effectiveRetry(ext.retry?.value),
});

/** An AsyncAPI operation's extensions: its own, else its channel's, else the document's. */
export interface EventOperationExtensions {
  retry?: Declared<DeclaredRetry>;
  /** The dead-letter channel as written, and its address when it is a channel of the document. */
  deadLetter?: Declared<{ reference: string; address?: string }>;
  problems: ExtensionProblem[];
}

export interface EventOperationScopes {
  operation: Scope;
  channel?: Scope;
  root: Scope;
  /** The document's channels, which dead-letter references name. */
  channels: ChannelName[];
}

export function eventOperationExtensions({ operation, channel, root, channels }: EventOperationScopes): EventOperationExtensions {
  const problems: ExtensionProblem[] = [];
  const reference = readDeclared(DEAD_LETTER_KEY, parseDeadLetter, problems, operation, channel, root);
  const address = reference && deadLetterAddress(reference.value, channels);
  if (reference && address === undefined) problems.push({ key: DEAD_LETTER_KEY, message: `names ${JSON.stringify(reference.value)}, which is not a channel of this document`, at: reference.at });
  return {
    retry: readDeclared(RETRY_KEY, parseRetry, problems, operation, channel, root),
    deadLetter: reference && { value: { reference: reference.value, address }, at: reference.at },
    problems,
  };
}

/** What generated consumers enforce for a receive operation on a channel at `channelAddress`. */
export const consumerPolicy = (ext: EventOperationExtensions, channelAddress: string): { deadLetter: string; retry: RetryPolicy } => ({
  // A reference to no channel of the document is taken as an address, as the consumer cannot do better.
  deadLetter: ext.deadLetter ? ext.deadLetter.value.address ?? ext.deadLetter.value.reference : defaultDeadLetter(channelAddress),
  retry: effectiveRetry(ext.retry?.value),
});

/** An AsyncAPI channel's extensions: its SLO, else `info`'s. */
export interface ChannelExtensions {
  slo?: Declared<Slo>;
  problems: ExtensionProblem[];
}

export function channelExtensions(channel: Scope, root: Scope): ChannelExtensions {
  const problems: ExtensionProblem[] = [];
  return { slo: readDeclared(SLO_KEY, parseSlo, problems, channel, infoOf(root)), problems };
}

/** An AsyncAPI message's extensions: its business key, and the enum fallbacks of its payload by property path. */
export interface MessageExtensions {
  businessKey?: Declared<string>;
  /** Walks the payload schema, so only the callers that need them pay for it. */
  enumFallbacks(): Map<string, Declared<unknown>>;
  problems: ExtensionProblem[];
}

export function messageExtensions(message: Scope, payload: SchemaPointer | undefined, schemas: SchemaSource): MessageExtensions {
  const problems: ExtensionProblem[] = [];
  return {
    businessKey: readDeclared(BUSINESS_KEY, parseBusinessKey, problems, message),
    enumFallbacks: () => (payload ? enumFallbacksIn(schemas, payload) : new Map()),
    problems,
  };
}
