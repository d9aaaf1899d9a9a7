import type { SchemaChangeKind } from "../../rules/catalog/schema-kinds.js";
import { singleSchema } from "./subschemas.js";
import { canonical } from "./view.js";
import type { Pair } from "./walk.js";

/**
 * Keywords that leave the accepted values alone but matter to one side: defaults (a reader fills
 * them in), deprecation, readOnly/writeOnly (a property one writer never sends, which the caller
 * judges by who writes), and the content* keywords of encoded strings.
 */
export function compareDefault(pair: Pair): void {
  const had = pair.old.has("default");
  const has = pair.new.has("default");
  const o = pair.old.get("default");
  const n = pair.new.get("default");
  if (had && has && canonical(o) === canonical(n)) return;
  if (!had && !has) return;
  const kind = !had ? "default-value-added" : !has ? "default-value-removed" : "default-value-changed";
  pair.report({ kind, relation: "annotation", keyword: "default", message: `default changed from ${had ? JSON.stringify(o) : "none"} to ${has ? JSON.stringify(n) : "none"}` });
}

/** A boolean annotation: when it turns on it is `on`, when it turns off `off`. */
const flag = (keyword: string, on: SchemaChangeKind, off: SchemaChangeKind) => (pair: Pair): void => {
  const o = pair.old.get(keyword) === true;
  const n = pair.new.get(keyword) === true;
  if (o !== n) pair.report({ kind: n ? on : off, relation: "annotation", keyword, message: n ? on.replace(/-/g, " ") : off.replace(/-/g, " ") });
};

export const compareDeprecated = flag("deprecated", "deprecated", "reactivated");
export const compareReadOnly = flag("readOnly", "became-read-only", "became-not-read-only");
export const compareWriteOnly = flag("writeOnly", "became-write-only", "became-not-write-only");

/** contentMediaType and contentEncoding change how a string is to be decoded: readers decode it wrong. */
const contentText = (keyword: string, kind: SchemaChangeKind) => (pair: Pair): void => {
  const o = pair.old.get(keyword);
  const n = pair.new.get(keyword);
  if (o !== n) pair.report({ kind, relation: "incomparable", keyword, message: `${keyword} changed from ${o ?? "none"} to ${n ?? "none"}` });
};

export const compareContentMediaType = contentText("contentMediaType", "content-media-type-changed");
export const compareContentEncoding = contentText("contentEncoding", "content-encoding-changed");
export const compareContentSchema = singleSchema("contentSchema", "content-schema", "contentSchema");
