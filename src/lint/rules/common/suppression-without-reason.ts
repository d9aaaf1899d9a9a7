import { child } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { lineComments } from "../../helpers/proto-comments.js";
import { IGNORE_KEY, protoDirective } from "../../helpers/suppressions.js";
import { eachObject, isObject } from "../../helpers/yaml.js";

export default defineRule({
  id: "suppression-without-reason",
  kinds: ["proto", "openapi", "asyncapi", "jsonschema"],
  defaultSeverity: "error",
  description:
    "An inline suppression says why: `// charter:ignore RULE reason` or `// buf:lint:ignore RULE reason` in proto, " +
    "`x-charter-ignore: { RULE: \"reason\" }` in YAML and JSON. A suppression without a reason still suppresses its " +
    "rule, and is reported itself at the suppression, so the next reader knows whether the exception still holds.",
  bad: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  // charter:ignore ENUM_ZERO_VALUE_SUFFIX
  ITEM_STATUS_ACTIVE = 0;
}
`,
  good: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  // charter:ignore ENUM_ZERO_VALUE_SUFFIX published before the style guide; renaming breaks JSON clients
  ITEM_STATUS_ACTIVE = 0;
}
`,
  check({ contract, report }) {
    if (contract.kind === "proto") {
      for (const { path, text } of contract.sources) {
        for (const comment of lineComments(text)) {
          const directive = protoDirective(comment.text);
          if (!directive || directive.reason) continue;
          report({
            message: `Suppression of ${directive.rule} gives no reason (// charter:ignore ${directive.rule} <reason>).`,
            element: `${path}:${directive.rule}`,
            place: { line: { file: path, line: comment.line, column: comment.column } },
          });
        }
      }
      return;
    }
    eachObject(contract.document.root, contract.document.file, ({ value, at }) => {
      if (!(IGNORE_KEY in value)) return;
      const ignore = value[IGNORE_KEY];
      const entries = isObject(ignore) ? Object.entries(ignore) : [];
      if (!isObject(ignore)) {
        report({ message: `${IGNORE_KEY} maps rule ids to reasons ({ RULE: "reason" }).`, element: `${at.pointer}`, place: { at: child(at, IGNORE_KEY) } });
      }
      for (const [rule, reason] of entries) {
        if (typeof reason === "string" && reason.trim() !== "") continue;
        report({ message: `Suppression of ${rule} gives no reason (${IGNORE_KEY}: { ${rule}: "<reason>" }).`, element: `${at.pointer}:${rule}`, place: { at: child(at, IGNORE_KEY, rule) } });
      }
    });
  },
});
