import type { AnyDesc } from "@bufbuild/protobuf";
import type { ProtoImage } from "../../contracts/proto/image.js";
import type { ProtoBreakingRuleId } from "../../rules/catalog.js";
import type { BufBreakingCategory } from "../../rules/rule-meta.js";
import type { SourceLocation } from "../finding.js";
import type { Effect } from "../verdict.js";

/** buf's breaking-rule categories. */
export type Category = BufBreakingCategory;

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

/**
 * A breaking rule as its file writes it: an id of the rule catalog (buf's, or charter's own) and a
 * pure check over two images. Its categories and description are its catalog entry
 * (src/rules/catalog/proto-breaking.ts).
 */
export interface ProtoRuleDef {
  id: ProtoBreakingRuleId;
  check(ctx: RuleContext): void;
}

/** A rule with its catalog entry's categories per buf config version, which select it. */
export interface ProtoRule extends ProtoRuleDef {
  /** A rule without a v1 entry is selectable by id in v2 only; charter's own rules are in none. */
  categories: { v1?: Category[]; v2: Category[] };
}
