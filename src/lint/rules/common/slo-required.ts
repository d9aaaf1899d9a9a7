import { channelName } from "../../../compat/asyncapi/model.js";
import { child, type SchemaPointer } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { operationsOf } from "../../helpers/openapi.js";
import { protoElements } from "../../helpers/proto.js";
import { SLO_KEY, sloFromComments, sloProblem } from "../../helpers/slo.js";
import { isObject, type Node } from "../../helpers/yaml.js";

/** The innermost of the nodes that declares an SLO: an operation's own beats its API's default. */
const declaring = (...nodes: (Node | undefined)[]): Node | undefined => nodes.find((node) => node && SLO_KEY in node.value);

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
    const top: SchemaPointer = { file: contract.document.file, pointer: "" };
    const info = isObject(contract.document.root.info) ? { value: contract.document.root.info, at: child(top, "info") } : undefined;
    const elements = contract.kind === "openapi"
      ? operationsOf(contract).map((op) => ({ element: op.element, node: op, owner: declaring(op, op.pathItem, info) }))
      : [...contract.model.channels.values()].map((c) => ({ element: channelName(c), node: c.channel, owner: declaring(c.channel, info) }));
    for (const { element, node, owner } of elements) {
      const problem = owner ? sloProblem(owner.value[SLO_KEY]) : undefined;
      if (owner && !problem) continue;
      report({
        message: owner ? `The SLO of ${element} ${problem}.` : `${element} declares no SLO (${SLO_KEY}, here or in info).`,
        element,
        place: { at: owner ? child(owner.at, SLO_KEY) : node.at },
      });
    }
  },
});
