import { channelName } from "../../../contracts/asyncapi/model.js";
import { channelExtensionsOf } from "../../../contracts/extensions/asyncapi.js";
import { parseSlo, SLO_KEY, sloFromComments } from "../../../contracts/extensions/slo.js";
import { defineRule } from "../../rule.js";
import { extensionsOf, operationsOf } from "../../helpers/openapi.js";
import { protoElements } from "../../helpers/proto.js";

/** What is wrong with an SLO that is not in a YAML document (a proto comment, charter.yaml); undefined when it is sound. */
const sloProblem = (value: unknown): string | undefined => {
  const parsed = parseSlo(value);
  return "problem" in parsed ? parsed.problem : undefined;
};

export default defineRule({
  id: "slo-required",
  check({ contract, settings, report }) {
    // charter.yaml's SLO holds for every API and channel of the contract that declares none.
    if (settings.slo && !sloProblem(settings.slo)) return;
    if (contract.kind === "proto") {
      for (const service of protoElements(contract).services) {
        const slo = sloFromComments(contract.comments(service));
        const problem = slo ? sloProblem(slo) : "declares no SLO";
        if (problem) report({ message: `Service ${service.typeName} ${slo ? `has an SLO that ${problem}` : problem} (// charter:slo latency-p99-ms=N error-budget=X).`, element: service.typeName, place: { desc: service } });
      }
      return;
    }
    const elements = contract.kind === "openapi"
      ? operationsOf(contract).map((op) => ({ element: op.element, node: op, extensions: extensionsOf(contract, op) }))
      : [...contract.model.channels.values()].map((c) => ({ element: channelName(c), node: c.channel, extensions: channelExtensionsOf(contract, c) }));
    for (const { element, node, extensions } of elements) {
      const problem = extensions.problems.find((p) => p.key === SLO_KEY);
      if (extensions.slo && !problem) continue;
      report({
        message: problem ? `The SLO of ${element} ${problem.message}.` : `${element} declares no SLO (${SLO_KEY}, here or in info).`,
        element,
        place: { at: problem ? problem.at : node.at },
      });
    }
  },
});
