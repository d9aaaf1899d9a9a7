import { effect, type Effect } from "../../verdict.js";
import { declarations, locateDeleted, type DeclKind } from "../locate-deleted.js";
import type { ProtoBreakingRuleId } from "../../../rules/catalog.js";
import type { ProtoRuleDef } from "../rule.js";

/**
 * What deleting a declaration costs. A service is called by clients, so old clients fail; a type
 * only breaks generated code that names it, and what its loss does on the wire is reported on
 * the fields that used it.
 */
export function deletionImpact(kind: DeclKind): { effect: Effect; reason: string } {
  return kind === "service"
    ? { effect: effect("breaking", "compatible"), reason: "old clients calling it fail" }
    : { effect: effect("conditional", "conditional"), reason: "generated code that names it breaks; wire changes are reported on the fields that used it" };
}

/** A declaration of `kind` present in an old file is gone from the file of the same path. */
function noDelete(id: ProtoBreakingRuleId, kind: DeclKind): ProtoRuleDef {
  const { effect, reason } = deletionImpact(kind);
  return {
    id,
    check(ctx) {
      for (const [path, before] of ctx.previous.files) {
        const after = ctx.current.files.get(path);
        if (!after) continue; // FILE_NO_DELETE reports the whole file
        const kept = declarations([after], kind);
        const ancestors = declarations([after], "message");
        for (const [name, decl] of declarations([before], kind)) {
          if (kept.has(name)) continue;
          ctx.report({
            subject: decl.desc,
            element: decl.fullName,
            message: `Previously present ${kind} "${name}" was deleted from file; ${reason}.`,
            effect,
            at: locateDeleted(ctx.current, after, name, ancestors),
            before: ctx.previous.location(decl.desc),
          });
        }
      }
    },
  };
}

export const DELETION_RULES: ProtoRuleDef[] = [
  noDelete("ENUM_NO_DELETE", "enum"),
  noDelete("MESSAGE_NO_DELETE", "message"),
  noDelete("EXTENSION_NO_DELETE", "extension"),
  noDelete("SERVICE_NO_DELETE", "service"),
];
