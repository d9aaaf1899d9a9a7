import { FeatureSet_FieldPresence as Presence } from "@bufbuild/protobuf/wkt";
import { defineRule } from "../../rule.js";
import { protoFields } from "../../helpers/proto-walk.js";

/** FieldDescriptorProto.label, and the field's options (where editions spell `LEGACY_REQUIRED`). */
const LABEL = [4];
const OPTIONS = [8];

export default defineRule({
  id: "FIELD_NOT_REQUIRED",
  check({ contract, report }) {
    for (const field of protoFields(contract)) {
      // @bufbuild/protobuf resolves proto2 `required` and editions' LEGACY_REQUIRED to the same presence.
      if (field.fieldKind === "list" || field.fieldKind === "map" || field.presence !== Presence.LEGACY_REQUIRED) continue;
      const editions = field.parent.file.proto.syntax === "editions";
      report({ message: `Field "${field.name}" on message "${field.parent.name}" should not be required.`, element: `${field.parent.typeName}.${field.name}`, place: { desc: field, subPath: editions ? OPTIONS : LABEL } });
    }
  },
});
