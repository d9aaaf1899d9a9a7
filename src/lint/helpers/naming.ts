import type { AnyDesc } from "@bufbuild/protobuf";
import type { ProtoContract } from "../../contracts/contract.js";
import type { ProtoLintRuleId } from "../../rules/catalog.js";
import { defineRule, type LintRule } from "../rule.js";
import { NAME } from "./proto.js";

/** A name's words: split at underscores and where lower case or digits meet upper case (`HTTPServer` → HTTP, Server). */
const words = (name: string): string[] =>
  name.split(/_+/).flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)).filter(Boolean);

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** The protobuf style guide's cases, each with the test and the conversion a finding suggests. */
export const CASES = {
  PascalCase: { test: /^[A-Z][a-zA-Z0-9]*$/, convert: (name: string) => words(name).map(capitalize).join("") },
  UPPER_SNAKE_CASE: { test: /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/, convert: (name: string) => words(name).join("_").toUpperCase() },
  lower_snake_case: { test: /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, convert: (name: string) => words(name).join("_").toLowerCase() },
};

export interface NamedElement {
  desc: AnyDesc;
  name: string;
  /** The full name, for the fingerprint. */
  element: string;
}

/**
 * One of buf's style-guide naming rules: every element a rule names must be in one case. The
 * message says what buf's does (`Message name "foo_bar" should be PascalCase, such as "FooBar".`).
 */
export function namingRule(rule: {
  /** A proto rule of the catalog (buf fails on every style-guide rule, so their entries say `error`). */
  id: ProtoLintRuleId;
  /** What the message calls the element: "Message", "Enum value", "RPC". */
  noun: string;
  style: keyof typeof CASES;
  elements(contract: ProtoContract): NamedElement[];
}): LintRule {
  const { test, convert } = CASES[rule.style];
  return defineRule({
    id: rule.id,
    check({ contract, report }) {
      for (const { desc, name, element } of rule.elements(contract)) {
        if (test.test(name)) continue;
        report({ message: `${rule.noun} name "${name}" should be ${rule.style}, such as "${convert(name)}".`, element, place: { desc, subPath: NAME } });
      }
    },
  });
}
