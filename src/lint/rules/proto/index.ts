/** The house rules of proto contracts, buf's under buf's ids, in the order they run. */
import type { LintRule } from "../../rule.js";
import enumFirstValueZero from "./enum-first-value-zero.js";
import enumPascalCase from "./enum-pascal-case.js";
import enumValueUpperSnakeCase from "./enum-value-upper-snake-case.js";
import enumZeroValueSuffix from "./enum-zero-value-suffix.js";
import fieldLowerSnakeCase from "./field-lower-snake-case.js";
import messagePascalCase from "./message-pascal-case.js";
import packageLowerSnakeCase from "./package-lower-snake-case.js";
import packageVersionSuffix from "./package-version-suffix.js";
import rpcPascalCase from "./rpc-pascal-case.js";
import servicePascalCase from "./service-pascal-case.js";
import serviceSuffix from "./service-suffix.js";
import stableImportsUnstable from "./stable-imports-unstable.js";
import stablePackageNoImportUnstable from "./stable-package-no-import-unstable.js";
import commentEnum from "./comment-enum.js";
import commentEnumValue from "./comment-enum-value.js";
import commentField from "./comment-field.js";
import commentMessage from "./comment-message.js";
import commentOneof from "./comment-oneof.js";
import commentRpc from "./comment-rpc.js";
import commentService from "./comment-service.js";
import directorySamePackage from "./directory-same-package.js";
import enumNoAllowAlias from "./enum-no-allow-alias.js";
import enumValuePrefix from "./enum-value-prefix.js";
import fieldNoDescriptor from "./field-no-descriptor.js";
import fieldNotRequired from "./field-not-required.js";
import fileLowerSnakeCase from "./file-lower-snake-case.js";
import importNoPublic from "./import-no-public.js";
import importUsed from "./import-used.js";
import oneofLowerSnakeCase from "./oneof-lower-snake-case.js";
import packageDefined from "./package-defined.js";
import packageDirectoryMatch from "./package-directory-match.js";
import packageNoImportCycle from "./package-no-import-cycle.js";
import packageSameCsharpNamespace from "./package-same-csharp-namespace.js";
import packageSameDirectory from "./package-same-directory.js";
import packageSameGoPackage from "./package-same-go-package.js";
import packageSameJavaMultipleFiles from "./package-same-java-multiple-files.js";
import packageSameJavaPackage from "./package-same-java-package.js";
import packageSamePhpNamespace from "./package-same-php-namespace.js";
import packageSameRubyPackage from "./package-same-ruby-package.js";
import packageSameSwiftPrefix from "./package-same-swift-prefix.js";
import rpcNoClientStreaming from "./rpc-no-client-streaming.js";
import rpcNoServerStreaming from "./rpc-no-server-streaming.js";
import rpcRequestResponseUnique from "./rpc-request-response-unique.js";
import rpcRequestStandardName from "./rpc-request-standard-name.js";
import rpcResponseStandardName from "./rpc-response-standard-name.js";
import protovalidate from "./protovalidate.js";
import syntaxSpecified from "./syntax-specified.js";

export const PROTO_LINT_RULES: readonly LintRule[] = [
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
  protovalidate,
];
