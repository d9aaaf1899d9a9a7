import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Which version to write: the base, one field changed in one package, or a change to the file every package imports. */
export type Variant = "base" | "one-field" | "shared-file";

/**
 * A registry of `packages` packages with `filesPerPackage` files each: messages that reference the
 * previous file's messages, an enum, one service per package, and a shared `common/v1/money.proto`
 * that every package imports, as a large team's registry looks.
 */
export function generateRegistry(dir: string, packages: number, filesPerPackage: number, variant: Variant): void {
  const money = ["string currency = 1;", "int64 units = 2;", ...(variant === "shared-file" ? ["int32 nanos = 3;"] : [])];
  write(join(dir, "common", "v1", "money.proto"), ['syntax = "proto3";', "", "package bench.common.v1;", "", "message Money {", ...money.map((l) => `  ${l}`), "}"]);
  for (let p = 0; p < packages; p++) {
    const pkg = `bench.p${p}.v1`;
    for (let f = 0; f < filesPerPackage; f++) {
      const lines = ['syntax = "proto3";', "", `package ${pkg};`, ""];
      lines.push(f > 0 ? `import "p${p}/v1/file${f - 1}.proto";` : 'import "common/v1/money.proto";', "");
      const amountType = variant === "one-field" && p === Math.floor(packages / 2) && f === 0 ? "int64" : "int32";
      lines.push(
        `message Record${f} {`,
        "  string id = 1;",
        `  ${amountType} amount = 2;`,
        "  repeated string tags = 3;",
        `  Status${f} status = 4;`,
        f > 0 ? `  Record${f - 1} parent = 5;` : "  bench.common.v1.Money price = 5;",
        "  map<string, string> labels = 6;",
        "}",
        "",
        `message Page${f} {`,
        `  repeated Record${f} records = 1;`,
        "  string next_page_token = 2;",
        "}",
        "",
        `enum Status${f} {`,
        `  STATUS${f}_UNSPECIFIED = 0;`,
        `  STATUS${f}_ACTIVE = 1;`,
        `  STATUS${f}_ARCHIVED = 2;`,
        "}",
      );
      if (f === 0) {
        lines.push("", "service RecordService {", "  rpc GetRecord(Record0) returns (Page0);", "}");
      }
      write(join(dir, `p${p}`, "v1", `file${f}.proto`), lines);
    }
  }
}

function write(path: string, lines: string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join("\n")}\n`);
}
