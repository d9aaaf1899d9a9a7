import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * A registry of `packages` packages with `filesPerPackage` files each: messages that reference the
 * previous file's messages, an enum, and one service per package, as a large team's registry looks.
 * `changed` marks the version with one field changed (int32 → int64) in one file.
 */
export function generateRegistry(dir: string, packages: number, filesPerPackage: number, changed: boolean): void {
  for (let p = 0; p < packages; p++) {
    const pkg = `bench.p${p}.v1`;
    for (let f = 0; f < filesPerPackage; f++) {
      const lines = ['syntax = "proto3";', "", `package ${pkg};`, ""];
      if (f > 0) lines.push(`import "p${p}/v1/file${f - 1}.proto";`, "");
      const amountType = changed && p === Math.floor(packages / 2) && f === 0 ? "int64" : "int32";
      lines.push(
        `message Record${f} {`,
        "  string id = 1;",
        `  ${amountType} amount = 2;`,
        "  repeated string tags = 3;",
        `  Status${f} status = 4;`,
        f > 0 ? `  Record${f - 1} parent = 5;` : "  bytes payload = 5;",
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
      const path = join(dir, `p${p}`, "v1", `file${f}.proto`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${lines.join("\n")}\n`);
    }
  }
}
