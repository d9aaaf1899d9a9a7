import { child } from "../../../contracts/schema-pointer.js";
import { defineRule } from "../../rule.js";
import { ownerOf } from "../../../contracts/extensions/owner.js";
import { lineComments } from "../../../contracts/proto/comments.js";
import { isObject } from "../../helpers/yaml.js";

/** A proto file names its owner in a comment: `// charter:owner team-catalog`. */
const PROTO_OWNER = /^charter:owner\s+\S/;

export default defineRule({
  id: "owner-required",
  check({ contract, settings, report }) {
    if (settings.owner) return;
    if (contract.kind === "proto") {
      if (contract.sources.some((s) => lineComments(s.text).some((c) => PROTO_OWNER.test(c.text)))) return;
      report({ message: `Package "${contract.id}" has no owner (// charter:owner <team>, or owner in charter.yaml).`, element: contract.id, place: { desc: contract.files[0] } });
      return;
    }
    const top = { file: contract.document.file, pointer: "" };
    if (contract.kind === "jsonschema") {
      const root = contract.document.root;
      if (isObject(root) && ownerOf(root)) return;
      report({ message: `Schema "${contract.id}" has no owner (x-charter-owner, or owner in charter.yaml).`, element: contract.id, place: { at: top } });
      return;
    }
    const info = isObject(contract.document.root.info) ? contract.document.root.info : undefined;
    if (ownerOf(info)) return;
    report({ message: `Contract "${contract.id}" has no owner (info.x-charter-owner, or owner in charter.yaml).`, element: contract.id, place: { at: info ? child(top, "info") : top } });
  },
});
