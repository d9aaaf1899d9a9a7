import type { AnyDesc } from "@bufbuild/protobuf";
import { fileOf, sourcePath } from "../../../contracts/proto/image.js";

/**
 * The source path (below `desc`) of the option value at `path`, as buf locates a protovalidate
 * finding: the value's own span if the source has one; else the first span inside it (a rule set
 * written as `.string.min_len = 1` has spans only for its leaves); else the nearest enclosing one
 * (a list element written inside a message literal `{fields: ["a"]}` has none of its own).
 */
export function optionPath(desc: AnyDesc, path: number[]): number[] {
  const base = sourcePath(desc);
  const locations = fileOf(desc).proto.sourceCodeInfo?.location ?? [];
  for (let length = path.length; length > 0; length--) {
    const want = [...base, ...path.slice(0, length)];
    const starts = (p: number[]) => want.every((n, i) => p[i] === n);
    const exact = locations.find((l) => l.path.length === want.length && starts(l.path));
    const inside = exact ?? locations.find((l) => l.path.length > want.length && starts(l.path));
    if (inside) return inside.path.slice(base.length);
  }
  return path;
}
