import type { RuleMeta } from "../rule-meta.js";

/** Proto lint rules: buf's style-guide rules under buf's ids and categories, and charter's own. */
export const PROTO_LINT_RULES = [
  {
    id: "ENUM_ZERO_VALUE_SUFFIX",
    kinds: ["proto"],
    check: "lint",
    category: "STANDARD",
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
    category: "BASIC",
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
    category: "STANDARD",
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
    category: "BASIC",
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
    category: "BASIC",
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
    category: "BASIC",
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
    category: "BASIC",
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
    category: "BASIC",
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
    category: "BASIC",
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
    category: "BASIC",
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
    category: "STANDARD",
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
] as const satisfies readonly RuleMeta[];
