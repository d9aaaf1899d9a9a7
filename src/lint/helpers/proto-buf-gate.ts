import type { AnyDesc, DescEnum, DescExtension, DescMessage, DescService } from "@bufbuild/protobuf";
import type { SourceLocation } from "../../compat/finding.js";
import type { Place, ProtoContract } from "../rule.js";
import { bufLintApplies, bufLintFor, isBufLintRule } from "./proto-buf-config.js";
import { commentsAt } from "./proto-comments.js";

const IGNORE = /^buf:lint:ignore\s+([A-Z0-9_]+)/;

/** The element and those enclosing it: a buf comment ignore on a message covers what it declares. */
function enclosing(desc: AnyDesc): AnyDesc[] {
  const chain: AnyDesc[] = [desc];
  for (let at: AnyDesc = desc; at.kind !== "file"; ) {
    at = "parent" in at && at.parent ? at.parent : (at as DescMessage | DescEnum | DescExtension | DescService).file;
    chain.push(at);
  }
  return chain;
}

/**
 * Whether buf would report `rule` at this place: a buf rule must be selected by the buf.yaml of the
 * file's module, not ignored there by path, nor by a `// buf:lint:ignore RULE` comment (on the
 * reported line, or on an enclosing element) where the module allows those. Other rules pass.
 */
export function bufReports(contract: ProtoContract, rule: string, place: Place, location: SourceLocation): boolean {
  if (!isBufLintRule(rule)) return true;
  const config = bufLintFor(contract.bufLint, location.file);
  if (!config || !bufLintApplies(config, rule, location.file)) return false;
  if (!config.commentIgnores) return true;
  const text = contract.sources.find((s) => s.path === location.file)?.text ?? "";
  const comments = [...commentsAt(text, location.line), ...("desc" in place ? enclosing(place.desc).flatMap((d) => contract.comments(d)) : [])];
  return !comments.some((c) => IGNORE.exec(c)?.[1] === rule);
}
