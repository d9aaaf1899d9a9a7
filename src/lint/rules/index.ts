/**
 * Every house rule of `charter lint`, in the order `--explain` lists them: the one place rules are
 * registered. Rules hold only data and light code (no engine), so reports can read their texts.
 */
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
import stablePackageNoImportUnstable from "./proto/stable-package-no-import-unstable.js";
import commentEnum from "./proto/comment-enum.js";
import commentEnumValue from "./proto/comment-enum-value.js";
import commentField from "./proto/comment-field.js";
import commentMessage from "./proto/comment-message.js";
import commentOneof from "./proto/comment-oneof.js";
import commentRpc from "./proto/comment-rpc.js";
import commentService from "./proto/comment-service.js";
import directorySamePackage from "./proto/directory-same-package.js";
import enumNoAllowAlias from "./proto/enum-no-allow-alias.js";
import enumValuePrefix from "./proto/enum-value-prefix.js";
import fieldNoDescriptor from "./proto/field-no-descriptor.js";
import fieldNotRequired from "./proto/field-not-required.js";
import fileLowerSnakeCase from "./proto/file-lower-snake-case.js";
import importNoPublic from "./proto/import-no-public.js";
import importUsed from "./proto/import-used.js";
import oneofLowerSnakeCase from "./proto/oneof-lower-snake-case.js";
import packageDefined from "./proto/package-defined.js";
import packageDirectoryMatch from "./proto/package-directory-match.js";
import packageNoImportCycle from "./proto/package-no-import-cycle.js";
import packageSameCsharpNamespace from "./proto/package-same-csharp-namespace.js";
import packageSameDirectory from "./proto/package-same-directory.js";
import packageSameGoPackage from "./proto/package-same-go-package.js";
import packageSameJavaMultipleFiles from "./proto/package-same-java-multiple-files.js";
import packageSameJavaPackage from "./proto/package-same-java-package.js";
import packageSamePhpNamespace from "./proto/package-same-php-namespace.js";
import packageSameRubyPackage from "./proto/package-same-ruby-package.js";
import packageSameSwiftPrefix from "./proto/package-same-swift-prefix.js";
import rpcNoClientStreaming from "./proto/rpc-no-client-streaming.js";
import rpcNoServerStreaming from "./proto/rpc-no-server-streaming.js";
import rpcRequestResponseUnique from "./proto/rpc-request-response-unique.js";
import rpcRequestStandardName from "./proto/rpc-request-standard-name.js";
import rpcResponseStandardName from "./proto/rpc-response-standard-name.js";
import syntaxSpecified from "./proto/syntax-specified.js";

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
  // buf lint rules, selected by buf.yaml (buf's STANDARD when it selects none)
  commentEnum,
  commentEnumValue,
  commentField,
  commentMessage,
  commentOneof,
  commentRpc,
  commentService,
  directorySamePackage,
  enumNoAllowAlias,
  enumValuePrefix,
  fieldNoDescriptor,
  fieldNotRequired,
  fileLowerSnakeCase,
  importNoPublic,
  importUsed,
  oneofLowerSnakeCase,
  packageDefined,
  packageDirectoryMatch,
  packageNoImportCycle,
  packageSameCsharpNamespace,
  packageSameDirectory,
  packageSameGoPackage,
  packageSameJavaMultipleFiles,
  packageSameJavaPackage,
  packageSamePhpNamespace,
  packageSameRubyPackage,
  packageSameSwiftPrefix,
  rpcNoClientStreaming,
  rpcNoServerStreaming,
  rpcRequestResponseUnique,
  rpcRequestStandardName,
  rpcResponseStandardName,
  syntaxSpecified,
  stablePackageNoImportUnstable,
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
