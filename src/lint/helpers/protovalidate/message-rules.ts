import type { DescMessage } from "@bufbuild/protobuf";
import { MessageOneofRuleSchema, MessageRulesSchema, type MessageRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { checkCel } from "./cel.js";
import { celEnvironment, messageType } from "./cel-env.js";
import type { RuleProblem } from "./rule-set.js";

const at = (name: string): number => MessageRulesSchema.fields.find((f) => f.name === name)!.number;
const FIELDS = MessageOneofRuleSchema.field.fields.number;

/**
 * Checks a message's own rules: its CEL rules, and `oneof` entries that name some fields, each
 * once, each a field of the message, and in one entry only.
 */
export function checkMessageRules(rules: MessageRules, message: DescMessage, add: (problem: RuleProblem) => void): void {
  const cel = { rules: rules.cel, path: [at("cel")], expressions: rules.celExpression, expressionPath: [at("cel_expression")] };
  const env = () => {
    const needs = new Set<DescMessage>();
    return celEnvironment({ this: messageType(message, needs) }, needs);
  };
  checkCel({ ...cel, owner: `Message "${message.name}"`, name: "(buf.validate.message).cel" }, env, add);
  const entriesOf = new Map<string, number[]>();
  rules.oneof.forEach((entry, i) => {
    const path = [at("oneof"), i];
    if (entry.fields.length === 0) {
      add({ path, message: `Message "${message.name}" has a (buf.validate.message).oneof entry with no fields: each entry must name at least one.` });
      return;
    }
    const seen = new Set<string>();
    entry.fields.forEach((name, j) => {
      if (seen.has(name)) {
        add({ path: [...path, FIELDS, j], message: `Message "${message.name}" has a (buf.validate.message).oneof entry that names field "${name}" more than once.` });
        return;
      }
      seen.add(name);
      if (!message.fields.some((f) => f.name === name)) {
        add({ path: [...path, FIELDS, j], message: `Message "${message.name}" has a (buf.validate.message).oneof entry that names field "${name}", which the message does not define.` });
        return;
      }
      entriesOf.set(name, [...(entriesOf.get(name) ?? []), i]);
    });
  });
  for (const [name, entries] of entriesOf) {
    if (entries.length < 2) continue;
    for (const i of entries) add({ path: [at("oneof"), i], message: `Message "${message.name}" names field "${name}" in more than one (buf.validate.message).oneof entry: a field may be in one only.` });
  }
}
