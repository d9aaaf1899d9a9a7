/**
 * Every house rule of `charter lint`, in the order they run: the one place rules are registered
 * (proto's in `proto/index.ts`). Their texts live in the rule catalog (src/rules/).
 */
import type { ContractKind } from "../../compat/finding.js";
import type { LintRule } from "../rule.js";
import asyncApiSchema from "./asyncapi/asyncapi-schema.js";
import channelVersionSuffix from "./asyncapi/channel-version-suffix.js";
import cloudEventsIdRequired from "./asyncapi/cloudevents-id-required.js";
import eventTypeVersionSuffix from "./asyncapi/event-type-version-suffix.js";
import messageBusinessKey from "./asyncapi/message-business-key.js";
import messagePayloadSchema from "./asyncapi/message-payload-schema.js";
import receiveDeadLetter from "./asyncapi/receive-dead-letter.js";
import ownerRequired from "./common/owner-required.js";
import sloRequired from "./common/slo-required.js";
import sunsetRequired from "./common/sunset-required.js";
import suppressionWithoutReason from "./common/suppression-without-reason.js";
import oas3Schema from "./openapi/oas3-schema.js";
import operationErrorResponse from "./openapi/operation-error-response.js";
import operationIdempotencyKey from "./openapi/operation-idempotency-key.js";
import operationOperationIdUnique from "./openapi/operation-operationid-unique.js";
import operationTimeout from "./openapi/operation-timeout.js";

/** The rules of OpenAPI, AsyncAPI and JSON Schema contracts, and those of every contract. */
const DOCUMENT_RULES: readonly LintRule[] = [
  // OpenAPI
  oas3Schema,
  operationOperationIdUnique,
  operationErrorResponse,
  operationTimeout,
  operationIdempotencyKey,
  // AsyncAPI and CloudEvents
  asyncApiSchema,
  channelVersionSuffix,
  eventTypeVersionSuffix,
  messageBusinessKey,
  messagePayloadSchema,
  receiveDeadLetter,
  cloudEventsIdRequired,
  // every contract
  ownerRequired,
  sunsetRequired,
  sloRequired,
  suppressionWithoutReason,
];

/**
 * The rules that apply to the kinds a registry holds. Proto's rules read descriptors with
 * protobuf's runtime: they load only for registries that hold protos (ARCHITECTURE.md, "Contract kinds").
 */
export async function lintRulesFor(kinds: ReadonlySet<ContractKind>): Promise<readonly LintRule[]> {
  return kinds.has("proto") ? [...(await import("./proto/index.js")).PROTO_LINT_RULES, ...DOCUMENT_RULES] : DOCUMENT_RULES;
}

/** Every rule of every kind. */
export const allLintRules = (): Promise<readonly LintRule[]> => lintRulesFor(new Set(["proto"]));
