import { defineRule } from "../../rule.js";
import { FILE_DEPENDENCY } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "IMPORT_NO_PUBLIC",
  check({ contract, report }) {
    for (const file of contract.files) {
      for (const index of file.proto.publicDependency) {
        report({ message: `Import "${file.proto.dependency[index]}" must not be public.`, element: `${file.proto.name}:${file.proto.dependency[index]}`, place: { desc: file, subPath: [FILE_DEPENDENCY, index] } });
      }
    }
  },
});
