import type { AnyDesc } from "@bufbuild/protobuf";
import type { ProtoImage } from "../../contracts/proto/image.js";
import type { SourceLocation } from "../finding.js";
import type { Effect } from "../verdict.js";

/** buf's breaking-rule categories. */
export type Category = "FILE" | "PACKAGE" | "WIRE_JSON" | "WIRE";

/** What a rule reports about one element. */
export interface Issue {
  /**
   * The element whose writers and readers decide which flow is "backward": for a field, its
   * message; for an enum value, its enum; for an RPC, its service. May come from either image.
   */
  subject: AnyDesc;
  /** Semantic key of the changed element, stable across line moves (e.g. `shop.v1.Order.3`). */
  element: string;
  message: string;
  effect: Effect;
  /** Where in the new version (for a deletion: the parent, as buf does). */
  at?: SourceLocation;
  /** Where in the old version, for deletions and moves. */
  before?: SourceLocation;
}

export interface RuleContext {
  previous: ProtoImage;
  current: ProtoImage;
  report(issue: Issue): void;
}

/** A breaking rule: buf's id and categories, a one-line purpose, and a pure check over two images. */
export interface ProtoRule {
  id: string;
  /** Categories per buf config version; a rule without a v1 entry is selectable by id in v2 only. */
  categories: { v1?: Category[]; v2: Category[] };
  purpose: string;
  check(ctx: RuleContext): void;
}
