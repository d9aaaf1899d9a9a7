import type { SourceLocation } from "../../compat/finding.js";
import type { ProtoContract } from "../../contracts/contract.js";
import { enclosing } from "../../contracts/proto/enclosing.js";
import type { Place } from "../rule.js";
import { bufLintApplying, isBufLintRule } from "./proto-buf-config.js";
import { commentsAt } from "../../contracts/proto/comments.js";

/** buf's comment ignore, honoured as the module's buf.yaml says; charter's own, always. */
const IGNORE = /^(buf:lint:ignore|charter:ignore)\s+([A-Z0-9_]+)/;


/**
 * Whether buf would report `rule` at this place: a buf rule must be selected by the buf.yaml of the
 * file's module, not ignored there by path, nor by a `// buf:lint:ignore RULE` comment (on the
 * reported line, or on an enclosing element) where the module allows those, nor by a
 * `// charter:ignore RULE` comment. Other rules pass.
 */
export function bufReports(contract: ProtoContract, rule: string, place: Place, location: SourceLocation): boolean {
  if (!isBufLintRule(rule)) return true;
  const config = bufLintApplying(contract.bufLint, rule, location.file);
  if (!config) return false;
  const text = contract.sources.find((s) => s.path === location.file)?.text ?? "";
  const comments = [...commentsAt(text, location.line), ...("desc" in place ? enclosing(place.desc).flatMap((d) => contract.comments(d)) : [])];
  return !comments.some((c) => {
    const match = IGNORE.exec(c);
    return match?.[2] === rule && (match[1] === "charter:ignore" || config.commentIgnores);
  });
}
