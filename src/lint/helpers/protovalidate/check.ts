import { getOption, hasOption } from "@bufbuild/protobuf";
import { field as fieldRules, message as messageRules, predefined as predefinedRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { ProtoContract } from "../../../contracts/contract.js";
import type { Problem } from "../../rule.js";
import { protoElements } from "../proto.js";
import { protoExtensions } from "../proto-walk.js";
import { checkFieldRules } from "./field-rules.js";
import { checkMessageRules } from "./message-rules.js";
import { checkPredefinedRules } from "./predefined-rules.js";
import { optionPath } from "./option-path.js";
import type { RuleProblem } from "./rule-set.js";
import { fieldTarget, type RuledField } from "./target.js";

/** FieldOptions and MessageOptions in FieldDescriptorProto and DescriptorProto: where the rules are written. */
const FIELD_OPTIONS = 8;
const MESSAGE_OPTIONS = 7;

/**
 * An element's protovalidate option, decoded with protovalidate's own schema; undefined when the
 * registry's copy of protovalidate is too far from it to decode (buf could not check it either).
 */
function optionOf<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** PROTOVALIDATE's check: every field's, predefined rule's and message's protovalidate rules in a package. */
export function checkProtovalidate(contract: ProtoContract, report: (problem: Problem) => void): void {
  const { messages } = protoElements(contract);
  const fields: RuledField[] = [...messages.flatMap((m) => m.fields), ...protoExtensions(contract)];
  for (const field of fields) {
    const rules = hasOption(field, fieldRules) ? optionOf(() => getOption(field, fieldRules)) : undefined;
    if (!rules) continue;
    const add = ({ path, message }: RuleProblem) =>
      report({ message, element: `${field.kind === "extension" ? field.typeName : `${field.parent.typeName}.${field.name}`}`, place: { desc: field, subPath: optionPath(field, [FIELD_OPTIONS, fieldRules.number, ...path]) } });
    checkFieldRules(rules, fieldTarget(field), [], contract.image.registry, add);
  }
  for (const extension of protoExtensions(contract)) {
    const rules = hasOption(extension, predefinedRules) ? optionOf(() => getOption(extension, predefinedRules)) : undefined;
    if (!rules) continue;
    const add = ({ path, message }: RuleProblem) =>
      report({ message, element: extension.typeName, place: { desc: extension, subPath: optionPath(extension, [FIELD_OPTIONS, predefinedRules.number, ...path]) } });
    checkPredefinedRules(rules, extension, extension.extendee, add);
  }
  for (const message of messages) {
    const rules = hasOption(message, messageRules) ? optionOf(() => getOption(message, messageRules)) : undefined;
    if (!rules) continue;
    const add = ({ path, message: text }: RuleProblem) =>
      report({ message: text, element: message.typeName, place: { desc: message, subPath: optionPath(message, [MESSAGE_OPTIONS, messageRules.number, ...path]) } });
    checkMessageRules(rules, message, add);
  }
}
