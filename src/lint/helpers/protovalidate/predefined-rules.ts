import type { DescMessage } from "@bufbuild/protobuf";
import { PredefinedRulesSchema, type PredefinedRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { checkCel } from "./cel.js";
import { celEnvironment, messageType, predefinedThisType, valueType } from "./cel-env.js";
import type { RuleProblem } from "./rule-set.js";
import type { RuledField } from "./target.js";

/**
 * Checks the CEL rules of a predefined rule: a field of `extendee` (`buf.validate.StringRules` and
 * the like), an extension of it in a user's package. There `this` is the value judged, `rule` the
 * field's value, `rules` the rules it belongs to.
 */
export function checkPredefinedRules(rules: PredefinedRules, field: RuledField, extendee: DescMessage, add: (problem: RuleProblem) => void): void {
  const env = () => {
    const needs = new Set<DescMessage>();
    const variables = { this: predefinedThisType(extendee, needs), rule: valueType(field, needs), rules: messageType(extendee, needs) };
    return celEnvironment(variables, needs);
  };
  const cel = PredefinedRulesSchema.field.cel.number;
  checkCel({ rules: rules.cel, path: [cel], expressions: [], expressionPath: [], owner: `Field "${field.name}"`, name: "(buf.validate.predefined).cel" }, env, add);
}
