import type { DescEnum, DescEnumValue, DescField, DescMessage, DescMethod, DescOneof, DescService } from "@bufbuild/protobuf";
import { getComments } from "@bufbuild/protoplugin";
import type { ProtoContract } from "../../contracts/contract.js";
import type { ProtoLintRuleId } from "../../rules/catalog.js";
import { defineRule, type LintRule } from "../rule.js";

type Commented = DescEnum | DescEnumValue | DescField | DescMessage | DescMethod | DescOneof | DescService;

/** buf's test: a leading comment with a line that is neither blank nor a `buf:lint:ignore` directive. */
function documented(desc: Commented): boolean {
  return (getComments(desc).leading ?? "").split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("buf:lint:ignore"));
}

/** One of buf's COMMENTS rules: every element of one kind has a leading comment. */
export function commentRule(rule: { id: ProtoLintRuleId; noun: string; elements(contract: ProtoContract): Commented[] }): LintRule {
  return defineRule({
    id: rule.id,
    check({ contract, report }) {
      for (const desc of rule.elements(contract)) {
        if (documented(desc)) continue;
        report({ message: `${rule.noun} "${desc.name}" should have a non-empty comment for documentation.`, element: "typeName" in desc ? desc.typeName : `${desc.parent.typeName}.${desc.name}`, place: { desc } });
      }
    },
  });
}
