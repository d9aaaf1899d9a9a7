import type { DescExtension, DescMessage } from "@bufbuild/protobuf";
import { PredefinedRulesSchema, type PredefinedRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { checkCel } from "./cel.js";
import { celEnvironment, messageType, predefinedThisType, valueType } from "./cel-env.js";
import type { RuleProblem } from "./rule-set.js";

/**
 * Checks the CEL rules of a predefined rule (an extension of `buf.validate.StringRules` and the
 * like): there `this` is the value judged, `rule` the extension's value, `rules` the rules it extends.
 */
export function checkPredefinedRules(rules: PredefinedRules, extension: DescExtension, add: (problem: RuleProblem) => void): void {
  const env = () => {
    const needs = new Set<DescMessage>();
    const variables = { this: predefinedThisType(extension.extendee, needs), rule: valueType(extension, needs), rules: messageType(extension.extendee, needs) };
    return celEnvironment(variables, needs);
  };
  const cel = PredefinedRulesSchema.field.cel.number;
  checkCel({ rules: rules.cel, path: [cel], expressions: [], expressionPath: [], owner: `Field "${extension.name}"`, name: "(buf.validate.predefined).cel" }, env, add);
}
