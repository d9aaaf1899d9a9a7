import { BUF_LINT_RULES } from "../../lint/helpers/proto-buf-rules.js";
import type { RuleMeta } from "../rule-meta.js";

/**
 * A buf rule's category, read from buf's own list (one table of buf's categories per config
 * version): the narrowest its latest version puts it in (MINIMAL within BASIC within STANDARD;
 * COMMENTS and UNARY_RPC apart). "none": buf.yaml selects the rule by id only.
 */
function bufCategory(id: string): string {
  const byVersion = BUF_LINT_RULES[id];
  if (!byVersion) throw new Error(`${id} is not one of buf's lint rules`);
  return (byVersion.v2 ?? byVersion.v1 ?? byVersion.v1beta1 ?? []).find((category) => category !== "DEFAULT") ?? "none";
}

/** Proto lint rules: buf's style-guide rules under buf's ids and categories, and charter's own. */
export const PROTO_LINT_RULES = [
  {
    id: "ENUM_ZERO_VALUE_SUFFIX",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("ENUM_ZERO_VALUE_SUFFIX"),
    severity: "error",
    description:
      "The zero value of an enum is what a reader sees when the field was never set, or was set by a writer " +
      "that knows a value the reader does not; it must say so, with the suffix `_UNSPECIFIED` (as buf's " +
      "rule of the same name requires), rather than claim a real meaning like `ACTIVE`. Give every enum a " +
      "zero value named `<ENUM_NAME>_UNSPECIFIED` and start its real values at 1.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_ACTIVE = 0;
  ITEM_STATUS_SOLD_OUT = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_UNSPECIFIED = 0;
  ITEM_STATUS_ACTIVE = 1;
  ITEM_STATUS_SOLD_OUT = 2;
}
`,
    },
    peer: { tool: "buf", id: "ENUM_ZERO_VALUE_SUFFIX" },
  },
  {
    id: "ENUM_FIRST_VALUE_ZERO",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("ENUM_FIRST_VALUE_ZERO"),
    severity: "error",
    description:
      "The first value of an enum must be zero (buf's rule of the same name). proto3 already requires it of " +
      "open enums; in proto2 and editions a closed enum's default is its first value, so a first value " +
      "other than zero makes the default of every field of that type a real value that nobody chose.",
    examples: {
      bad: `syntax = "proto2";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_ACTIVE = 1;
  ITEM_STATUS_UNSPECIFIED = 0;
}
`,
      good: `syntax = "proto2";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_UNSPECIFIED = 0;
  ITEM_STATUS_ACTIVE = 1;
}
`,
    },
    peer: { tool: "buf", id: "ENUM_FIRST_VALUE_ZERO" },
  },
  {
    id: "PACKAGE_VERSION_SUFFIX",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_VERSION_SUFFIX"),
    severity: "error",
    description:
      "A package's last component must be its major version (`shop.catalog.v1`, or `v1beta1` while " +
      "unstable), as buf's rule of the same name requires. A breaking change then has a way to ship: a new " +
      "package `.v2` beside the old one, which clients move to at their own pace, while charter gates " +
      "breaking changes inside a version.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog;
message Item {
  string id = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Item {
  string id = 1;
}
`,
    },
    peer: { tool: "buf", id: "PACKAGE_VERSION_SUFFIX" },
  },
  {
    id: "stable-imports-unstable",
    kinds: ["proto"],
    check: "lint",
    category: "lifecycle",
    severity: "error",
    description:
      "A stable package (`.v1`) must not import an unstable one (`.v1alpha1`, `.v1beta1`, `.v1test`): " +
      "unstable packages may break at any time and are not gated, so a stable contract that uses their " +
      "types would break with them, without charter stopping it. Move the shared types to a stable package, " +
      "or keep the importing package unstable until its dependency stabilises. buf has no rule for this; " +
      "the id is charter's.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
import "shop/pricing/v1beta1/price.proto";
message Item {
  shop.pricing.v1beta1.Price price = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
import "shop/pricing/v1/price.proto";
message Item {
  shop.pricing.v1.Price price = 1;
}
`,
      files: {
        "shop/pricing/v1beta1/price.proto": `syntax = "proto3";
package shop.pricing.v1beta1;
message Price {
  int64 amount_minor = 1;
}
`,
        "shop/pricing/v1/price.proto": `syntax = "proto3";
package shop.pricing.v1;
message Price {
  int64 amount_minor = 1;
}
`,
      },
    },
  },
  {
    id: "ENUM_PASCAL_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("ENUM_PASCAL_CASE"),
    severity: "error",
    description:
      "Enum names are PascalCase, as the protobuf style guide and buf's rule of the same name ask: every " +
      "code generator maps them to type names, and a name in another case reads wrong in every language.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
enum item_status {
  ITEM_STATUS_UNSPECIFIED = 0;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_UNSPECIFIED = 0;
}
`,
    },
    peer: { tool: "buf", id: "ENUM_PASCAL_CASE" },
  },
  {
    id: "ENUM_VALUE_UPPER_SNAKE_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("ENUM_VALUE_UPPER_SNAKE_CASE"),
    severity: "error",
    description:
      "Enum values are UPPER_SNAKE_CASE, as the protobuf style guide and buf's rule of the same name ask. " +
      "Values share the scope of their enum's parent, so the style guide also prefixes them with the enum's " +
      "name.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  itemStatusUnspecified = 0;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_UNSPECIFIED = 0;
}
`,
    },
    peer: { tool: "buf", id: "ENUM_VALUE_UPPER_SNAKE_CASE" },
  },
  {
    id: "FIELD_LOWER_SNAKE_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("FIELD_LOWER_SNAKE_CASE"),
    severity: "error",
    description:
      "Field names are lower_snake_case, as the protobuf style guide and buf's rule of the same name ask. " +
      "The JSON mapping turns them into lowerCamelCase; a field already in camelCase gets a JSON name that " +
      "generators and hand-written clients may disagree about.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Item {
  string itemId = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Item {
  string item_id = 1;
}
`,
    },
    peer: { tool: "buf", id: "FIELD_LOWER_SNAKE_CASE" },
  },
  {
    id: "MESSAGE_PASCAL_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("MESSAGE_PASCAL_CASE"),
    severity: "error",
    description:
      "Message names are PascalCase, as the protobuf style guide and buf's rule of the same name ask: every " +
      "code generator maps them to class or type names.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message item_price {
  int64 amount_minor = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message ItemPrice {
  int64 amount_minor = 1;
}
`,
    },
    peer: { tool: "buf", id: "MESSAGE_PASCAL_CASE" },
  },
  {
    id: "RPC_PASCAL_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("RPC_PASCAL_CASE"),
    severity: "error",
    description:
      "RPC names are PascalCase, as the protobuf style guide and buf's rule of the same name ask; they are " +
      "part of the wire path (`/shop.catalog.v1.CatalogService/GetItem`), so they cannot be fixed later " +
      "without a break.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service CatalogService {
  rpc get_item(Empty) returns (Empty);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service CatalogService {
  rpc GetItem(Empty) returns (Empty);
}
`,
    },
    peer: { tool: "buf", id: "RPC_PASCAL_CASE" },
  },
  {
    id: "SERVICE_PASCAL_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("SERVICE_PASCAL_CASE"),
    severity: "error",
    description:
      "Service names are PascalCase, as the protobuf style guide and buf's rule of the same name ask; they " +
      "are part of the wire path of every RPC, so they cannot be fixed later without a break.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service catalog_service {
  rpc GetItem(Empty) returns (Empty);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service CatalogService {
  rpc GetItem(Empty) returns (Empty);
}
`,
    },
    peer: { tool: "buf", id: "SERVICE_PASCAL_CASE" },
  },
  {
    id: "PACKAGE_LOWER_SNAKE_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_LOWER_SNAKE_CASE"),
    severity: "error",
    description:
      "Package names are lower_snake.case: dot-separated components, each lower_snake_case, as the protobuf " +
      "style guide and buf's rule of the same name ask. Packages become directories, namespaces and import " +
      "paths in every language, where case differences break on case-insensitive file systems.",
    examples: {
      bad: `syntax = "proto3";
package Shop.Catalog.v1;
message Item {
  string id = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Item {
  string id = 1;
}
`,
    },
    peer: { tool: "buf", id: "PACKAGE_LOWER_SNAKE_CASE" },
  },
  {
    id: "SERVICE_SUFFIX",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("SERVICE_SUFFIX"),
    severity: "error",
    description:
      "Service names end with `Service` (buf's rule of the same name, with its default suffix), so the " +
      "service and the messages named after its domain (`Catalog`, `CatalogService`) never collide in " +
      "generated code.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service Catalog {
  rpc GetItem(Empty) returns (Empty);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service CatalogService {
  rpc GetItem(Empty) returns (Empty);
}
`,
    },
    peer: { tool: "buf", id: "SERVICE_SUFFIX" },
  },
  {
    id: "DIRECTORY_SAME_PACKAGE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("DIRECTORY_SAME_PACKAGE"),
    severity: "error",
    description:
      "All files of one directory declare the same package, as buf's rule of the same name requires: many code " +
      "generators emit one module per directory.",
    examples: {
      bad: `syntax = "proto3";
package elsewhere;
message Item {}
`,
      good: `syntax = "proto3";
package example;
message Item {}
`,
      files: {
        "other.proto": `syntax = "proto3";
package example;
message Other {}
`,
      },
    },
    peer: { tool: "buf", id: "DIRECTORY_SAME_PACKAGE" },
  },
  {
    id: "PACKAGE_DIRECTORY_MATCH",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_DIRECTORY_MATCH"),
    severity: "error",
    description:
      "A file of package `shop.catalog.v1` lives in `shop/catalog/v1/` under its module's root, as buf's rule " +
      "of the same name requires: the import path then tells the package, and generated code lands where it is " +
      "looked for.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Item {}
`,
      good: `syntax = "proto3";
message Item {}
`,
    },
    peer: { tool: "buf", id: "PACKAGE_DIRECTORY_MATCH" },
  },
  {
    id: "PACKAGE_SAME_DIRECTORY",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_SAME_DIRECTORY"),
    severity: "error",
    description:
      "All files of one package are in one directory, as buf's rule of the same name requires: a package split " +
      "over directories is generated into several modules.",
    examples: {
      bad: `syntax = "proto3";
package example;
message Item {}
`,
      good: `syntax = "proto3";
package elsewhere;
message Item {}
`,
      files: {
        "one/other.proto": `syntax = "proto3";
package example;
message Other {}
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_SAME_DIRECTORY" },
  },
  {
    id: "PACKAGE_SAME_CSHARP_NAMESPACE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_SAME_CSHARP_NAMESPACE"),
    severity: "error",
    description:
      "All files of a package set the file option `csharp_namespace` to the same value, or none sets it, as " +
      "buf's rule of the same name requires: generated code for one package must land in one place.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
option csharp_namespace = "Shop.Other";
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
option csharp_namespace = "Shop.Catalog";
`,
      files: {
        "shop/catalog/v1/other.proto": `syntax = "proto3";
package shop.catalog.v1;
option csharp_namespace = "Shop.Catalog";
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_SAME_CSHARP_NAMESPACE" },
  },
  {
    id: "PACKAGE_SAME_GO_PACKAGE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_SAME_GO_PACKAGE"),
    severity: "error",
    description:
      "All files of a package set the file option `go_package` to the same value, or none sets it, as buf's " +
      "rule of the same name requires: generated code for one package must land in one place.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
option go_package = "Shop.Other";
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
option go_package = "Shop.Catalog";
`,
      files: {
        "shop/catalog/v1/other.proto": `syntax = "proto3";
package shop.catalog.v1;
option go_package = "Shop.Catalog";
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_SAME_GO_PACKAGE" },
  },
  {
    id: "PACKAGE_SAME_JAVA_MULTIPLE_FILES",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_SAME_JAVA_MULTIPLE_FILES"),
    severity: "error",
    description:
      "All files of a package set the file option `java_multiple_files` to the same value, or none sets it, as " +
      "buf's rule of the same name requires: generated code for one package must land in one place.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
option java_multiple_files = false;
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
option java_multiple_files = true;
`,
      files: {
        "shop/catalog/v1/other.proto": `syntax = "proto3";
package shop.catalog.v1;
option java_multiple_files = true;
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_SAME_JAVA_MULTIPLE_FILES" },
  },
  {
    id: "PACKAGE_SAME_JAVA_PACKAGE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_SAME_JAVA_PACKAGE"),
    severity: "error",
    description:
      "All files of a package set the file option `java_package` to the same value, or none sets it, as buf's " +
      "rule of the same name requires: generated code for one package must land in one place.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
option java_package = "Shop.Other";
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
option java_package = "Shop.Catalog";
`,
      files: {
        "shop/catalog/v1/other.proto": `syntax = "proto3";
package shop.catalog.v1;
option java_package = "Shop.Catalog";
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_SAME_JAVA_PACKAGE" },
  },
  {
    id: "PACKAGE_SAME_PHP_NAMESPACE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_SAME_PHP_NAMESPACE"),
    severity: "error",
    description:
      "All files of a package set the file option `php_namespace` to the same value, or none sets it, as buf's " +
      "rule of the same name requires: generated code for one package must land in one place.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
option php_namespace = "Shop.Other";
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
option php_namespace = "Shop.Catalog";
`,
      files: {
        "shop/catalog/v1/other.proto": `syntax = "proto3";
package shop.catalog.v1;
option php_namespace = "Shop.Catalog";
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_SAME_PHP_NAMESPACE" },
  },
  {
    id: "PACKAGE_SAME_RUBY_PACKAGE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_SAME_RUBY_PACKAGE"),
    severity: "error",
    description:
      "All files of a package set the file option `ruby_package` to the same value, or none sets it, as buf's " +
      "rule of the same name requires: generated code for one package must land in one place.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
option ruby_package = "Shop.Other";
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
option ruby_package = "Shop.Catalog";
`,
      files: {
        "shop/catalog/v1/other.proto": `syntax = "proto3";
package shop.catalog.v1;
option ruby_package = "Shop.Catalog";
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_SAME_RUBY_PACKAGE" },
  },
  {
    id: "PACKAGE_SAME_SWIFT_PREFIX",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_SAME_SWIFT_PREFIX"),
    severity: "error",
    description:
      "All files of a package set the file option `swift_prefix` to the same value, or none sets it, as buf's " +
      "rule of the same name requires: generated code for one package must land in one place.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
option swift_prefix = "Shop.Other";
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
option swift_prefix = "Shop.Catalog";
`,
      files: {
        "shop/catalog/v1/other.proto": `syntax = "proto3";
package shop.catalog.v1;
option swift_prefix = "Shop.Catalog";
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_SAME_SWIFT_PREFIX" },
  },
  {
    id: "ENUM_NO_ALLOW_ALIAS",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("ENUM_NO_ALLOW_ALIAS"),
    severity: "error",
    description:
      "Enums do not set `allow_alias`, as buf's rule of the same name requires: two names for one number make " +
      "JSON (which writes names) ambiguous, and renaming a value through an alias is a break in disguise.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
enum Size {
  option allow_alias = true;
  SIZE_UNSPECIFIED = 0;
  SIZE_SMALL = 1;
  SIZE_S = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
enum Size {
  SIZE_UNSPECIFIED = 0;
  SIZE_SMALL = 1;
}
`,
    },
    peer: { tool: "buf", id: "ENUM_NO_ALLOW_ALIAS" },
  },
  {
    id: "FIELD_NO_DESCRIPTOR",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("FIELD_NO_DESCRIPTOR"),
    severity: "error",
    description:
      "No field is named `descriptor` (in any case, with any leading or trailing underscores): generated code " +
      "for some languages already has a member of that name. buf's v1beta1 rule of the same name; later " +
      "buf.yaml versions dropped it, so only a v1beta1 buf.yaml selects it.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Item {
  string descriptor = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Item {
  string description = 1;
}
`,
      files: {
        "buf.yaml": `version: v1beta1
lint:
  use: [FIELD_NO_DESCRIPTOR]
`,
      },
    },
    peer: { tool: "buf", id: "FIELD_NO_DESCRIPTOR" },
  },
  {
    id: "IMPORT_NO_PUBLIC",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("IMPORT_NO_PUBLIC"),
    severity: "error",
    description:
      "Files do not `import public`, as buf's rule of the same name requires: several languages' generated code " +
      "cannot express it, and it hides where a type really lives.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
import public "shop/common/v1/money.proto";
message Item {}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
import "shop/common/v1/money.proto";
message Item {
  shop.common.v1.Money price = 1;
}
`,
      files: {
        "shop/common/v1/money.proto": `syntax = "proto3";
package shop.common.v1;
message Money {}
`,
      },
    },
    peer: { tool: "buf", id: "IMPORT_NO_PUBLIC" },
  },
  {
    id: "PACKAGE_DEFINED",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_DEFINED"),
    severity: "error",
    description:
      "Every file declares a package, as buf's rule of the same name requires: without one, its types live in " +
      "the global namespace and collide with anyone else's.",
    examples: {
      bad: `syntax = "proto3";
message Item {}
`,
      good: `syntax = "proto3";
package example;
message Item {}
`,
    },
    peer: { tool: "buf", id: "PACKAGE_DEFINED" },
  },
  {
    id: "ONEOF_LOWER_SNAKE_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("ONEOF_LOWER_SNAKE_CASE"),
    severity: "error",
    description:
      "Oneof names are lower_snake_case, as the protobuf style guide and buf's rule of the same name ask; " +
      "generated code derives its case and accessor names from them.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Item {
  oneof PriceKind {
    int64 cents = 1;
  }
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Item {
  oneof price_kind {
    int64 cents = 1;
  }
}
`,
    },
    peer: { tool: "buf", id: "ONEOF_LOWER_SNAKE_CASE" },
  },
  {
    id: "ENUM_VALUE_PREFIX",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("ENUM_VALUE_PREFIX"),
    severity: "error",
    description:
      "Enum values start with their enum's name in UPPER_SNAKE_CASE (`ItemStatus` \u2192 `ITEM_STATUS_`), as buf's " +
      "rule of the same name requires: values share their scope with the enum's siblings, so two enums with an " +
      "`ACTIVE` value could not live in one package.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_UNSPECIFIED = 0;
  ACTIVE = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_UNSPECIFIED = 0;
  ITEM_STATUS_ACTIVE = 1;
}
`,
    },
    peer: { tool: "buf", id: "ENUM_VALUE_PREFIX" },
  },
  {
    id: "FILE_LOWER_SNAKE_CASE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("FILE_LOWER_SNAKE_CASE"),
    severity: "error",
    description:
      "File names are lower_snake_case (`item_status.proto`), as buf's rule of the same name requires: several " +
      "code generators derive class or module names from them.",
    examples: {
      bad: `// file: itemStatus.proto
syntax = "proto3";
package example;
message Item {}
`,
      good: `// file: item_status.proto
syntax = "proto3";
package example;
message Item {}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [FILE_LOWER_SNAKE_CASE]
`,
      },
    },
    peer: { tool: "buf", id: "FILE_LOWER_SNAKE_CASE" },
  },
  {
    id: "RPC_REQUEST_RESPONSE_UNIQUE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("RPC_REQUEST_RESPONSE_UNIQUE"),
    severity: "error",
    description:
      "Each message is the request or response of one RPC only, and no RPC uses one message both ways, as buf's " +
      "rule of the same name requires: a shared message cannot grow a field for one RPC without changing the " +
      "other. buf.yaml's `rpc_allow_same_request_response` and " +
      "`rpc_allow_google_protobuf_empty_requests`/`_responses` relax it.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Item {}
service CatalogService {
  rpc GetItem(Item) returns (Item);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message GetItemRequest {}
message GetItemResponse {}
service CatalogService {
  rpc GetItem(GetItemRequest) returns (GetItemResponse);
}
`,
    },
    peer: { tool: "buf", id: "RPC_REQUEST_RESPONSE_UNIQUE" },
  },
  {
    id: "RPC_REQUEST_STANDARD_NAME",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("RPC_REQUEST_STANDARD_NAME"),
    severity: "error",
    description:
      "An RPC's request message is named after it: `<Rpc>Request` or `<Service><Rpc>Request`, as buf's rule of " +
      "the same name requires, so every RPC owns its request and can evolve it alone. `google.protobuf.Empty` " +
      "passes when buf.yaml sets `rpc_allow_google_protobuf_empty_requests`.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Item {}
message GetItemRequest {}
message GetItemResponse {}
service CatalogService {
  rpc GetItem(Item) returns (GetItemResponse);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message GetItemRequest {}
message GetItemResponse {}
service CatalogService {
  rpc GetItem(GetItemRequest) returns (GetItemResponse);
}
`,
    },
    peer: { tool: "buf", id: "RPC_REQUEST_STANDARD_NAME" },
  },
  {
    id: "RPC_RESPONSE_STANDARD_NAME",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("RPC_RESPONSE_STANDARD_NAME"),
    severity: "error",
    description:
      "An RPC's response message is named after it: `<Rpc>Response` or `<Service><Rpc>Response`, as buf's rule " +
      "of the same name requires, so every RPC owns its response and can evolve it alone. " +
      "`google.protobuf.Empty` passes when buf.yaml sets `rpc_allow_google_protobuf_empty_responses`.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Item {}
message GetItemRequest {}
message GetItemResponse {}
service CatalogService {
  rpc GetItem(GetItemRequest) returns (Item);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message GetItemRequest {}
message GetItemResponse {}
service CatalogService {
  rpc GetItem(GetItemRequest) returns (GetItemResponse);
}
`,
    },
    peer: { tool: "buf", id: "RPC_RESPONSE_STANDARD_NAME" },
  },
  {
    id: "COMMENT_ENUM",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("COMMENT_ENUM"),
    severity: "error",
    description:
      "Every enum has a leading comment that documents it (a `buf:lint:ignore` line does not count), as buf's " +
      "rule of the same name requires. It is in buf's COMMENTS category, which buf.yaml must select.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
enum Size {
  SIZE_UNSPECIFIED = 0;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
// How big an item is.
enum Size {
  SIZE_UNSPECIFIED = 0;
}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [COMMENTS]
`,
      },
    },
    peer: { tool: "buf", id: "COMMENT_ENUM" },
  },
  {
    id: "COMMENT_ENUM_VALUE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("COMMENT_ENUM_VALUE"),
    severity: "error",
    description:
      "Every enum value has a leading comment that documents it (a `buf:lint:ignore` line does not count), as " +
      "buf's rule of the same name requires. It is in buf's COMMENTS category, which buf.yaml must select.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
// How big an item is.
enum Size {
  SIZE_UNSPECIFIED = 0;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
// How big an item is.
enum Size {
  // Not known.
  SIZE_UNSPECIFIED = 0;
}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [COMMENTS]
`,
      },
    },
    peer: { tool: "buf", id: "COMMENT_ENUM_VALUE" },
  },
  {
    id: "COMMENT_FIELD",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("COMMENT_FIELD"),
    severity: "error",
    description:
      "Every field has a leading comment that documents it (a `buf:lint:ignore` line does not count), as buf's " +
      "rule of the same name requires. It is in buf's COMMENTS category, which buf.yaml must select.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
// An item.
message Item {
  string id = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
// An item.
message Item {
  // The item's id.
  string id = 1;
}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [COMMENTS]
`,
      },
    },
    peer: { tool: "buf", id: "COMMENT_FIELD" },
  },
  {
    id: "COMMENT_MESSAGE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("COMMENT_MESSAGE"),
    severity: "error",
    description:
      "Every message has a leading comment that documents it (a `buf:lint:ignore` line does not count), as " +
      "buf's rule of the same name requires. It is in buf's COMMENTS category, which buf.yaml must select.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Item {}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
// An item for sale.
message Item {}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [COMMENTS]
`,
      },
    },
    peer: { tool: "buf", id: "COMMENT_MESSAGE" },
  },
  {
    id: "COMMENT_ONEOF",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("COMMENT_ONEOF"),
    severity: "error",
    description:
      "Every oneof has a leading comment that documents it (a `buf:lint:ignore` line does not count), as buf's " +
      "rule of the same name requires. It is in buf's COMMENTS category, which buf.yaml must select.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
// An item.
message Item {
  oneof price {
    // In cents.
    int64 cents = 1;
  }
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
// An item.
message Item {
  // How the item is priced.
  oneof price {
    // In cents.
    int64 cents = 1;
  }
}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [COMMENTS]
`,
      },
    },
    peer: { tool: "buf", id: "COMMENT_ONEOF" },
  },
  {
    id: "COMMENT_RPC",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("COMMENT_RPC"),
    severity: "error",
    description:
      "Every rpc has a leading comment that documents it (a `buf:lint:ignore` line does not count), as buf's " +
      "rule of the same name requires. It is in buf's COMMENTS category, which buf.yaml must select.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
// Empty.
message Empty {}
// The catalog.
service CatalogService {
  rpc GetItem(Empty) returns (Empty);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
// Empty.
message Empty {}
// The catalog.
service CatalogService {
  // Reads an item.
  rpc GetItem(Empty) returns (Empty);
}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [COMMENTS]
`,
      },
    },
    peer: { tool: "buf", id: "COMMENT_RPC" },
  },
  {
    id: "COMMENT_SERVICE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("COMMENT_SERVICE"),
    severity: "error",
    description:
      "Every service has a leading comment that documents it (a `buf:lint:ignore` line does not count), as " +
      "buf's rule of the same name requires. It is in buf's COMMENTS category, which buf.yaml must select.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
// Empty.
message Empty {}
service CatalogService {
  // Reads an item.
  rpc GetItem(Empty) returns (Empty);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
// Empty.
message Empty {}
// The catalog.
service CatalogService {
  // Reads an item.
  rpc GetItem(Empty) returns (Empty);
}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [COMMENTS]
`,
      },
    },
    peer: { tool: "buf", id: "COMMENT_SERVICE" },
  },
  {
    id: "RPC_NO_CLIENT_STREAMING",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("RPC_NO_CLIENT_STREAMING"),
    severity: "error",
    description:
      "RPCs do not stream from the client, as buf's rule of the same name (UNARY_RPC category, which buf.yaml " +
      "must select) requires: client streams do not pass through every proxy and browser.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service CatalogService {
  rpc Watch(stream Empty) returns (Empty);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service CatalogService {
  rpc Watch(Empty) returns (Empty);
}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [UNARY_RPC]
`,
      },
    },
    peer: { tool: "buf", id: "RPC_NO_CLIENT_STREAMING" },
  },
  {
    id: "RPC_NO_SERVER_STREAMING",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("RPC_NO_SERVER_STREAMING"),
    severity: "error",
    description:
      "RPCs do not stream from the server, as buf's rule of the same name (UNARY_RPC category, which buf.yaml " +
      "must select) requires: server streams do not pass through every proxy and browser.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service CatalogService {
  rpc Watch(Empty) returns (stream Empty);
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
message Empty {}
service CatalogService {
  rpc Watch(Empty) returns (Empty);
}
`,
      files: {
        "buf.yaml": `version: v2
lint:
  use: [UNARY_RPC]
`,
      },
    },
    peer: { tool: "buf", id: "RPC_NO_SERVER_STREAMING" },
  },
  {
    id: "IMPORT_USED",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("IMPORT_USED"),
    severity: "error",
    description:
      "Every import is used (a type, an extendee or a custom option comes from it), as buf's rule of the same " +
      "name requires: unused imports slow builds and pull dependencies into generated code for nothing.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
import "shop/common/v1/money.proto";
message Item {}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
import "shop/common/v1/money.proto";
message Item {
  shop.common.v1.Money price = 1;
}
`,
      files: {
        "shop/common/v1/money.proto": `syntax = "proto3";
package shop.common.v1;
message Money {}
`,
      },
    },
    peer: { tool: "buf", id: "IMPORT_USED" },
  },
  {
    id: "SYNTAX_SPECIFIED",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("SYNTAX_SPECIFIED"),
    severity: "error",
    description:
      "Every file says its syntax or edition, as buf's rule of the same name requires: a file without one is " +
      "proto2, which is rarely what its author meant.",
    examples: {
      bad: `// file: example.proto
package example;
message Item {}
`,
      good: `syntax = "proto3";
package example;
message Item {}
`,
    },
    peer: { tool: "buf", id: "SYNTAX_SPECIFIED" },
  },
  {
    id: "PACKAGE_NO_IMPORT_CYCLE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PACKAGE_NO_IMPORT_CYCLE"),
    severity: "error",
    description:
      "Packages do not import each other in a cycle (files may not, and buf rejects those; packages may, " +
      "through different files), as buf's rule of the same name requires: languages that generate one module " +
      "per package cannot compile a cycle.",
    examples: {
      bad: `syntax = "proto3";
package a;
message A {}
`,
      good: `syntax = "proto3";
package c;
message A {}
`,
      files: {
        "a/a2.proto": `syntax = "proto3";
package a;
import "b/b.proto";
message A2 { b.B b = 1; }
`,
        "b/b.proto": `syntax = "proto3";
package b;
import "example.proto";
message B {}
`,
      },
    },
    peer: { tool: "buf", id: "PACKAGE_NO_IMPORT_CYCLE" },
  },
  {
    id: "FIELD_NOT_REQUIRED",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("FIELD_NOT_REQUIRED"),
    severity: "error",
    description:
      "No field is `required` (proto2) or `LEGACY_REQUIRED` (editions), as buf's rule of the same name " +
      "requires: a required field can never be removed, nor left out by a writer that no longer has it.",
    examples: {
      bad: `syntax = "proto2";
package example;
message Item {
  required string id = 1;
}
`,
      good: `syntax = "proto2";
package example;
message Item {
  optional string id = 1;
}
`,
    },
    peer: { tool: "buf", id: "FIELD_NOT_REQUIRED" },
  },
  {
    id: "PROTOVALIDATE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("PROTOVALIDATE"),
    severity: "error",
    description:
      "The protovalidate rules a package declares (`buf.validate.field`, `buf.validate.message`, predefined " +
      "rules) must be valid, as buf's rule of the same name requires: rules that fit the field's type and " +
      "cardinality, `const` alone, minimums not above maximums, bounds that leave some value, patterns that " +
      "compile as RE2, examples that pass the field's own rules, and CEL rules with a well-formed, unique id " +
      "and an expression that type-checks against the field and yields a bool or a string. A rule that can " +
      "never pass, or never apply, is a contract nobody can keep.",
    examples: {
      bad: `syntax = "proto3";
package example;
import "buf/validate/validate.proto";
message Item {
  string sku = 1 [
    (buf.validate.field).string.min_len = 8,
    (buf.validate.field).string.max_len = 4
  ];
}
`,
      good: `syntax = "proto3";
package example;
import "buf/validate/validate.proto";
message Item {
  string sku = 1 [
    (buf.validate.field).string.min_len = 4,
    (buf.validate.field).string.max_len = 8
  ];
}
`,
      files: {
        // The few lines of protovalidate's definitions the examples use, with its field numbers.
        "buf/validate/validate.proto": `syntax = "proto2";
package buf.validate;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions {
  optional FieldRules field = 1159;
}
message FieldRules {
  oneof type {
    StringRules string = 14;
  }
}
message StringRules {
  optional uint64 min_len = 2;
  optional uint64 max_len = 3;
}
`,
      },
    },
    peer: { tool: "buf", id: "PROTOVALIDATE" },
  },
  {
    id: "STABLE_PACKAGE_NO_IMPORT_UNSTABLE",
    kinds: ["proto"],
    check: "lint",
    category: bufCategory("STABLE_PACKAGE_NO_IMPORT_UNSTABLE"),
    severity: "error",
    description:
      "buf's name for charter's `stable-imports-unstable`: a stable package (`.v1`) must not import an unstable " +
      "one (`.v1alpha1`, `.v1beta1`, `.v1test`). buf.yaml (v2) must select it by name.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
import "shop/pricing/v1beta1/price.proto";
message Item {
  shop.pricing.v1beta1.Price price = 1;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
import "shop/pricing/v1/price.proto";
message Item {
  shop.pricing.v1.Price price = 1;
}
`,
      files: {
        "shop/pricing/v1beta1/price.proto": `syntax = "proto3";
package shop.pricing.v1beta1;
message Price {
  int64 amount_minor = 1;
}
`,
        "shop/pricing/v1/price.proto": `syntax = "proto3";
package shop.pricing.v1;
message Price {
  int64 amount_minor = 1;
}
`,
        "buf.yaml": `version: v2
lint:
  use: [STABLE_PACKAGE_NO_IMPORT_UNSTABLE]
`,
      },
    },
    peer: { tool: "buf", id: "STABLE_PACKAGE_NO_IMPORT_UNSTABLE" },
  },
] as const satisfies readonly RuleMeta[];
