import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { METHOD_OUTPUT, pathOf, protoMethods } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "RPC_RESPONSE_STANDARD_NAME",
  check({ contract, report }) {
    for (const method of protoMethods(contract)) {
      const type = method.output;
      const service = method.parent.name;
      if (type.name === `${method.name}Response` || type.name === `${service}${method.name}Response`) continue;
      if (type.typeName === "google.protobuf.Empty" && bufLintFor(contract.bufLint, pathOf(contract, method.parent.file))?.rpcAllowGoogleProtobufEmptyResponses) continue;
      report({
        message: `RPC response type "${type.name}" should be named "${method.name}Response" or "${service}${method.name}Response".`,
        element: `${method.parent.typeName}.${method.name}`,
        place: { desc: method, subPath: METHOD_OUTPUT },
      });
    }
  },
});
