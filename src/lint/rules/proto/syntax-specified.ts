import { defineRule } from "../../rule.js";
import { pathOf, wholeFile } from "../../helpers/proto-walk.js";

/** FileDescriptorProto.syntax. */
const SYNTAX = 12;

export default defineRule({
  id: "SYNTAX_SPECIFIED",
  check({ contract, report }) {
    for (const file of contract.files) {
      // protoc leaves `syntax` empty for proto2 even when the file says so: the source tells.
      if (file.proto.syntax || contract.image.location(file, SYNTAX) || file.proto.edition) continue;
      report({ message: `Files must have a syntax explicitly specified. If no syntax is specified, the file defaults to "proto2".`, element: pathOf(contract, file), place: wholeFile(contract, file) });
    }
  },
});
