import { effect, type Effect, type Verdict } from "../verdict.js";
import type { Relation, SchemaChange } from "./change.js";

/**
 * What a schema change does to each flow of data (ARCHITECTURE.md, "The compatibility model", writer ⊆ reader). A widened schema
 * accepts every old value (old writer → new reader is fine) but may produce values the old reader
 * refuses; a narrowed one is the mirror image.
 */
const byRelation: Record<Relation, Effect> = {
  widened: effect("compatible", "breaking"),
  narrowed: effect("breaking", "compatible"),
  incomparable: effect("breaking", "breaking"),
  annotation: effect("compatible", "compatible"),
};

export function flows(change: SchemaChange): Effect {
  const { oldToNew, newToOld } = byRelation[change.relation];
  // A conditional change (a reader with a fallback for unknown enum values) works if the reader behaves.
  const soften = (v: Verdict): Verdict => (change.conditional && v === "breaking" ? "conditional" : v);
  return effect(soften(oldToNew), soften(newToOld));
}
