import { defineRule } from "../../rule.js";
import { protoMethods } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "RPC_NO_CLIENT_STREAMING",
  check({ contract, report }) {
    for (const method of protoMethods(contract)) {
      if (method.methodKind !== "bidi_streaming" && method.methodKind !== "client_streaming") continue;
      report({ message: `RPC "${method.name}" is client streaming.`, element: `${method.parent.typeName}.${method.name}`, place: { desc: method } });
    }
  },
});
