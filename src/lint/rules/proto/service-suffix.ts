import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { NAME, protoElements } from "../../helpers/proto.js";

export default defineRule({
  id: "SERVICE_SUFFIX",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "Service names end with `Service` (buf's rule of the same name, with its default suffix), so the service and " +
    "the messages named after its domain (`Catalog`, `CatalogService`) never collide in generated code.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice Catalog {\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice CatalogService {\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  check({ contract, report }) {
    for (const service of protoElements(contract).services) {
      // buf.yaml's `service_suffix` may choose another suffix.
      const suffix = bufLintFor(contract.bufLint, contract.image.fileLocation(service).file)?.serviceSuffix ?? "Service";
      if (service.name.endsWith(suffix)) continue;
      report({ message: `Service name "${service.name}" should be suffixed with "${suffix}".`, element: service.typeName, place: { desc: service, subPath: NAME } });
    }
  },
});
