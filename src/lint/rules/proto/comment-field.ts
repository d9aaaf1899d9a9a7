import { FieldDescriptorProto_Type as Type } from "@bufbuild/protobuf/wkt";
import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoFields } from "../../helpers/proto-walk.js";

export default commentRule({
  id: "COMMENT_FIELD",
  noun: "Field",
  // A group's field shares its declaration (and comment) with the group's message, which COMMENT_MESSAGE covers.
  elements: (contract) => protoFields(contract).filter((f) => f.proto.type !== Type.GROUP),
});
