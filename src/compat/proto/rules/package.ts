import { fileOf } from "../../../contracts/proto/image.js";
import { effect } from "../../verdict.js";
import { declarations, locateDeleted, type DeclKind } from "../locate-deleted.js";
import type { ProtoBreakingRuleId } from "../../../rules/catalog.js";
import type { ProtoRuleDef } from "../rule.js";
import { deletionImpact } from "./deletion.js";

/**
 * A declaration of `kind` is gone from its package, whichever file of the package held it: moving
 * a type between files of one package is allowed here, unlike in the FILE category.
 */
function packageNoDelete(id: ProtoBreakingRuleId, kind: DeclKind): ProtoRuleDef {
  const { effect, reason } = deletionImpact(kind);
  return {
    id,
    check(ctx) {
      for (const [pkg, beforeFiles] of ctx.previous.packages) {
        const afterFiles = ctx.current.packages.get(pkg);
        if (!afterFiles) continue; // PACKAGE_NO_DELETE reports the whole package
        const kept = declarations(afterFiles, kind);
        // buf indexes types by package, so it skips a package that no longer declares any type of
        // the kind (services are indexed differently and still reported).
        if (kept.size === 0 && kind !== "service") continue;
        // buf looks for a surviving ancestor of a message across the package, of anything else in its old file.
        const packageMessages = declarations(afterFiles, "message");
        for (const [name, decl] of declarations(beforeFiles, kind)) {
          if (kept.has(name)) continue;
          const file = ctx.current.files.get(fileOf(decl.desc).proto.name);
          ctx.report({
            subject: decl.desc,
            element: decl.fullName,
            message: `Previously present ${kind} "${name}" was deleted from package "${pkg}"; ${reason}.`,
            effect,
            // With its old file gone too, buf has no current file to point at.
            at: file && locateDeleted(ctx.current, file, name, kind === "message" ? packageMessages : declarations([file], "message")),
            before: ctx.previous.location(decl.desc),
          });
        }
      }
    },
  };
}

export const PACKAGE_RULES: ProtoRuleDef[] = [
  {
    id: "PACKAGE_NO_DELETE",
    check(ctx) {
      for (const [pkg, files] of ctx.previous.packages) {
        if (ctx.current.packages.has(pkg)) continue;
        // buf attributes the deletion to the package's first file, by path.
        const [first] = [...files].sort((a, b) => (a.proto.name < b.proto.name ? -1 : 1));
        ctx.report({
          subject: first,
          element: pkg,
          message: `Previously present package "${pkg}" was deleted; generated code that names its types breaks.`,
          effect: effect("conditional", "conditional"),
          before: ctx.previous.fileLocation(first),
        });
      }
    },
  },
  packageNoDelete("PACKAGE_ENUM_NO_DELETE", "enum"),
  packageNoDelete("PACKAGE_MESSAGE_NO_DELETE", "message"),
  packageNoDelete("PACKAGE_EXTENSION_NO_DELETE", "extension"),
  packageNoDelete("PACKAGE_SERVICE_NO_DELETE", "service"),
];
