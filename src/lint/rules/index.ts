/**
 * Every house rule of `charter lint`, in the order `--explain` lists them: the one place rules are
 * registered. Rules hold only data and light code (no engine), so reports can read their texts.
 */
import type { LintRule } from "../rule.js";
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
import operationErrorResponse from "./openapi/operation-error-response.js";
import operationIdempotencyKey from "./openapi/operation-idempotency-key.js";
import operationOperationIdUnique from "./openapi/operation-operationid-unique.js";
import operationTimeout from "./openapi/operation-timeout.js";
import enumFirstValueZero from "./proto/enum-first-value-zero.js";
import enumPascalCase from "./proto/enum-pascal-case.js";
import enumValueUpperSnakeCase from "./proto/enum-value-upper-snake-case.js";
import enumZeroValueSuffix from "./proto/enum-zero-value-suffix.js";
import fieldLowerSnakeCase from "./proto/field-lower-snake-case.js";
import messagePascalCase from "./proto/message-pascal-case.js";
import packageLowerSnakeCase from "./proto/package-lower-snake-case.js";
import packageVersionSuffix from "./proto/package-version-suffix.js";
import rpcPascalCase from "./proto/rpc-pascal-case.js";
import servicePascalCase from "./proto/service-pascal-case.js";
import serviceSuffix from "./proto/service-suffix.js";
import stableImportsUnstable from "./proto/stable-imports-unstable.js";

export const LINT_RULES: readonly LintRule[] = [
  // protobuf
  enumZeroValueSuffix,
  enumFirstValueZero,
  packageVersionSuffix,
  stableImportsUnstable,
  enumPascalCase,
  enumValueUpperSnakeCase,
  fieldLowerSnakeCase,
  messagePascalCase,
  rpcPascalCase,
  servicePascalCase,
  packageLowerSnakeCase,
  serviceSuffix,
  // OpenAPI
  operationOperationIdUnique,
  operationErrorResponse,
  operationTimeout,
  operationIdempotencyKey,
  // AsyncAPI and CloudEvents
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
