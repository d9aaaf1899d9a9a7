import { defineRule } from "../../rule.js";
import { NAME, protoElements } from "../../helpers/proto.js";

const SUFFIX = "Service";

export default defineRule({
  id: "SERVICE_SUFFIX",
  check({ contract, report }) {
    for (const service of protoElements(contract).services) {
      if (service.name.endsWith(SUFFIX)) continue;
      report({ message: `Service name "${service.name}" should be suffixed with "${SUFFIX}".`, element: service.typeName, place: { desc: service, subPath: NAME } });
    }
  },
});
