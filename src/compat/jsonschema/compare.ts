import type { Change, SourceLocation } from "../finding.js";
import type { SchemaChange } from "../schema/change.js";
import { diffSchemas } from "../schema/diff.js";
import { flows } from "../schema/flows.js";
import { segmentsOf, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { ruleId } from "./rule.js";
import type { JsonSchemaVersion } from "./version.js";

/**
 * file:line:col of a pointer, at the key that names the element (`zip:` rather than the first
 * line of its body), the line a reader looks for. Every file a schema contract reaches is itself a
 * schema file, so keys are the right place everywhere.
 */
function locate(version: JsonSchemaVersion, at: SchemaPointer): SourceLocation {
  const source = version.schemas.source(at.file);
  if (!source) return version.schemas.location(at);
  const { line, column } = source.position(segmentsOf(at.pointer), true);
  return { file: at.file, line, column };
}

/** The semantic path as a reader writes it: `#/address/zip`, `#/items/[]`, `#` for the root. */
const pathText = (path: string[]) => `#${path.map((step) => `/${step}`).join("")}`;

/**
 * Compares two versions of one JSON Schema contract from the root. The data is written by
 * producers and read by consumers (ARCHITECTURE.md, "The compatibility model"), so backward (new readers, old data) is the flow
 * old → new and forward (old readers, new data) is new → old.
 */
export function compareJsonSchema(previous: JsonSchemaVersion, current: JsonSchemaVersion, strict: boolean): Change[] {
  const root = (version: JsonSchemaVersion): SchemaPointer => ({ file: version.document.file, pointer: "" });
  const changes = diffSchemas(root(previous), root(current), { previous: previous.schemas, current: current.schemas }, { strict });
  const contract = current.document.id;
  return changes.map((change: SchemaChange): Change => {
    const { oldToNew, newToOld } = flows(change);
    return {
      rule: ruleId(change.kind),
      kind: "jsonschema",
      contract,
      backward: oldToNew,
      forward: newToOld,
      message: `${pathText(change.path)}: ${change.message}.`,
      // The engine points a deletion at the parent that lost the element in the new version.
      location: locate(current, change.after ?? root(current)),
      before: locate(previous, change.before ?? root(previous)),
      // Semantic steps, not pointers: the key survives moving a subschema behind a `$ref`.
      element: change.path.length ? pathText(change.path) : "#",
    };
  });
}
