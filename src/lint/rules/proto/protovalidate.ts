import { defineRule } from "../../rule.js";

export default defineRule({
  id: "PROTOVALIDATE",
  async check({ contract, report }) {
    // Only a registry with protovalidate's definitions can declare its rules; protovalidate and a
    // CEL checker load for those registries alone (a quarter of a second of start-up otherwise).
    if (!contract.image.registry.getExtension("buf.validate.field")) return;
    const { checkProtovalidate } = await import("../../helpers/protovalidate/check.js");
    checkProtovalidate(contract, report);
  },
});
