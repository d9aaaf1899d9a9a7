import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { pathOf, protoMethods } from "../../helpers/proto-walk.js";

const EMPTY = "google.protobuf.Empty";

export default defineRule({
  id: "RPC_REQUEST_RESPONSE_UNIQUE",
  check({ contract, report }) {
    // Uniqueness is over every RPC of the module, wherever its service is declared.
    const users = new Map<string, number>();
    for (const service of contract.image.services.values()) {
      for (const method of service.methods) {
        const types = new Set([method.input.typeName, method.output.typeName]);
        for (const type of types) users.set(type, (users.get(type) ?? 0) + 1);
      }
    }
    for (const method of protoMethods(contract)) {
      const config = bufLintFor(contract.bufLint, pathOf(contract, method.parent.file));
      const allowEmpty = (side: "input" | "output") =>
        method[side].typeName === EMPTY && (side === "input" ? config?.rpcAllowGoogleProtobufEmptyRequests : config?.rpcAllowGoogleProtobufEmptyResponses);
      const element = `${method.parent.typeName}.${method.name}`;
      if (method.input.typeName === method.output.typeName) {
        if (!config?.rpcAllowSameRequestResponse && !(allowEmpty("input") && allowEmpty("output"))) {
          report({ message: `RPC "${method.name}" has the same type "${method.input.typeName}" for the request and response.`, element, place: { desc: method } });
        }
      }
      for (const side of ["input", "output"] as const) {
        // One message both ways counts once, unless only one of its ways is allowed to share it.
        if (side === "output" && method.input.typeName === method.output.typeName && allowEmpty("input") === allowEmpty("output")) continue;
        const type = method[side].typeName;
        if ((users.get(type) ?? 0) < 2 || allowEmpty(side)) continue;
        report({ message: `"${type}" is used as the request or response type for multiple RPCs.`, element: `${element}:${side}`, place: { desc: method } });
      }
    }
  },
});
