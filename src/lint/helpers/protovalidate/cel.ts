import type { Environment } from "@marcbachmann/cel-js";
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
 * Checks CEL rules as protovalidate would compile them: ids well-formed and unique, expressions
 * present, type-checking in `env` (where `this` is what the rules judge), and yielding a bool (a
 * verdict) or a string (the error itself, which makes a `message` redundant). `env` is built only
 * when some rule has an expression to check.
 */
export function checkCel(cel: CelRules, env: () => Environment, add: (problem: RuleProblem) => void): void {
  const indexesOf = new Map<string, number[]>();
  cel.rules.forEach((rule, i) => {
    const path = [...cel.path, i];
    if (!ID.test(rule.id)) {
      add({ path, message: `${cel.owner} has invalid characters for ${cel.name}.id. IDs must contain only characters a-z, A-Z, 0-9, '.', '_', '-'.` });
    }
    if (rule.id !== "") indexesOf.set(rule.id, [...(indexesOf.get(rule.id) ?? []), i]);
    const type = checkExpression(rule.expression, `${cel.name}.expression`, path, cel, env, add);
    if (type === "string" && rule.message !== "") {
      add({ path, message: `${cel.owner} has a ${cel.name} with an expression that evaluates to a string, and also has a message. The message is redundant: the string is the error, so the message should be removed.` });
    }
  });
  cel.expressions.forEach((expression, i) => checkExpression(expression, `${cel.name}_expression`, [...cel.expressionPath, i], cel, env, add));
  for (const [id, indexes] of indexesOf) {
    if (indexes.length < 2) continue;
    for (const i of indexes) add({ path: [...cel.path, i], message: `${cel.name}.id (${JSON.stringify(id)}) is not unique within ${lowerFirst(cel.owner)}.` });
  }
}

/** Reports what is wrong with one expression; its type when it compiles. */
function checkExpression(expression: string, label: string, path: number[], cel: CelRules, env: () => Environment, add: (problem: RuleProblem) => void): string | undefined {
  if (expression.trim() === "") {
    add({ path, message: `${cel.owner} has an empty ${label}. Expressions should always be specified.` });
    return undefined;
  }
  let checking = env();
  let result = checking.check(expression);
  if (!result.valid) {
    // cel-js stops at the first error; cel-go (buf) reports every undeclared name: declare each and go on.
    for (;;) {
      add({ path, message: `${label} on ${lowerFirst(cel.owner)} fails to compile: ${result.error?.message.split("\n")[0]}` });
      const undeclared = /^Unknown variable: (\S+)/.exec(result.error?.message ?? "")?.[1];
      if (!undeclared) return undefined;
      checking = checking.clone().registerVariable(undeclared, "dyn");
      result = checking.check(expression);
      if (result.valid) return undefined;
    }
  }
  // dyn may be a bool or a string at run time, as cel-go's checker allows.
  if (result.type !== "bool" && result.type !== "string" && result.type !== "dyn") {
    add({ path, message: `${label} on ${lowerFirst(cel.owner)} evaluates to a ${result.type}, only string and boolean are allowed.` });
  }
  return result.type;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
