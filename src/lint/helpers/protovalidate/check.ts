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

/** PROTOVALIDATE's check: every field's, predefined rule's and message's protovalidate rules in a package. */
export function checkProtovalidate(contract: ProtoContract, report: (problem: Problem) => void): void {
  const { messages } = protoElements(contract);
  const fields: RuledField[] = [...messages.flatMap((m) => m.fields), ...protoExtensions(contract)];
  for (const field of fields) {
    if (!hasOption(field, fieldRules)) continue;
    const add = ({ path, message }: RuleProblem) =>
      report({ message, element: `${field.kind === "extension" ? field.typeName : `${field.parent.typeName}.${field.name}`}`, place: { desc: field, subPath: optionPath(field, [FIELD_OPTIONS, fieldRules.number, ...path]) } });
    checkFieldRules(getOption(field, fieldRules), fieldTarget(field), [], contract.image.registry, add);
  }
  for (const extension of protoExtensions(contract)) {
    if (!hasOption(extension, predefinedRules)) continue;
    const add = ({ path, message }: RuleProblem) =>
      report({ message, element: extension.typeName, place: { desc: extension, subPath: optionPath(extension, [FIELD_OPTIONS, predefinedRules.number, ...path]) } });
    checkPredefinedRules(getOption(extension, predefinedRules), extension, extension.extendee, add);
  }
  for (const message of messages) {
    if (!hasOption(message, messageRules)) continue;
    const add = ({ path, message: text }: RuleProblem) =>
      report({ message: text, element: message.typeName, place: { desc: message, subPath: optionPath(message, [MESSAGE_OPTIONS, messageRules.number, ...path]) } });
    checkMessageRules(getOption(message, messageRules), message, add);
  }
}
