import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { METHOD_INPUT, pathOf, protoMethods } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "RPC_REQUEST_STANDARD_NAME",
  check({ contract, report }) {
    for (const method of protoMethods(contract)) {
      const type = method.input;
      const service = method.parent.name;
      if (type.name === `${method.name}Request` || type.name === `${service}${method.name}Request`) continue;
      if (type.typeName === "google.protobuf.Empty" && bufLintFor(contract.bufLint, pathOf(contract, method.parent.file))?.rpcAllowGoogleProtobufEmptyRequests) continue;
      report({
        message: `RPC request type "${type.name}" should be named "${method.name}Request" or "${service}${method.name}Request".`,
        element: `${method.parent.typeName}.${method.name}`,
        place: { desc: method, subPath: METHOD_INPUT },
      });
    }
  },
});
