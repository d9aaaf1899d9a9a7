import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { NAME, protoElements } from "../../helpers/proto.js";

export default defineRule({
  id: "SERVICE_SUFFIX",
  check({ contract, report }) {
    for (const service of protoElements(contract).services) {
      // buf.yaml's `service_suffix` may choose another suffix.
      const suffix = bufLintFor(contract.bufLint, contract.image.fileLocation(service).file)?.serviceSuffix ?? "Service";
      if (service.name.endsWith(suffix)) continue;
      report({ message: `Service name "${service.name}" should be suffixed with "${suffix}".`, element: service.typeName, place: { desc: service, subPath: NAME } });
    }
  },
});
