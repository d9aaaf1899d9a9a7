import { child } from "../../../contracts/schema-pointer.js";
import { defineRule } from "../../rule.js";
import { lineComments } from "../../../contracts/proto/comments.js";
import { IGNORE_KEY, protoDirective } from "../../helpers/suppressions.js";
import { eachObject, isObject } from "../../helpers/yaml.js";

export default defineRule({
  id: "suppression-without-reason",
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
