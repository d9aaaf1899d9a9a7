import { parse } from "@bufbuild/cel";
import type { Rule } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { RuleProblem } from "./rule-set.js";

/** Where a set of CEL rules is written, and how buf names it and its owner in messages. */
export interface CelRules {
  /** `cel` rules (id, message, expression), at `path` below the option. */
  rules: Rule[];
  path: number[];
  /** `cel_expression` strings, at `expressionPath`. */
  expressions: string[];
  expressionPath: number[];
  /** `Field "sku"`, `Message "Item"`. */
  owner: string;
  /** `(buf.validate.field).cel`. */
  name: string;
}

/** An id buf accepts: letters, digits, `_`, `-` and `.`. */
const ID = /^[A-Za-z0-9_.-]*$/;

/**
 * Checks CEL rules as far as a parser can: ids well-formed and unique, expressions present and
 * well-formed. Whether an expression type-checks against the field (and yields a bool or a
 * string) needs a CEL type checker, which no maintained JavaScript CEL library offers yet.
 */
export function checkCel(cel: CelRules, add: (problem: RuleProblem) => void): void {
  const indexesOf = new Map<string, number[]>();
  cel.rules.forEach((rule, i) => {
    const path = [...cel.path, i];
    if (!ID.test(rule.id)) {
      add({ path, message: `${cel.owner} has invalid characters for ${cel.name}.id. IDs must contain only characters a-z, A-Z, 0-9, '.', '_', '-'.` });
    }
    if (rule.id !== "") indexesOf.set(rule.id, [...(indexesOf.get(rule.id) ?? []), i]);
    checkExpression(rule.expression, path, cel, add);
  });
  cel.expressions.forEach((expression, i) => checkExpression(expression, [...cel.expressionPath, i], cel, add));
  for (const [id, indexes] of indexesOf) {
    if (indexes.length < 2) continue;
    for (const i of indexes) add({ path: [...cel.path, i], message: `${cel.name}.id (${JSON.stringify(id)}) is not unique within ${lowerFirst(cel.owner)}.` });
  }
}

function checkExpression(expression: string, path: number[], cel: CelRules, add: (problem: RuleProblem) => void): void {
  if (expression.trim() === "") {
    add({ path, message: `${cel.owner} has an empty ${cel.name}.expression. Expressions should always be specified.` });
    return;
  }
  try {
    parse(expression);
  } catch (error) {
    add({ path, message: `${cel.name}.expression on ${lowerFirst(cel.owner)} fails to compile: ${(error as Error).message.replace(/^<input>:\d+:\d+: /, "")}` });
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
