import type { DescField, DescMessage, Message } from "@bufbuild/protobuf";
import { reflect, type ReflectMessage } from "@bufbuild/protobuf/reflect";
import { FieldRulesSchema } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";

/** A problem with a field's or message's rules, at a path of field numbers (and list indexes) below the option. */
export interface RuleProblem {
  path: number[];
  message: string;
}

/**
 * One rules message (`StringRules`, `Int64Rules`, ...) as a set of its set fields, by proto name,
 * with `base`, its path below `(buf.validate.field)`, to place and name its problems.
 */
export class RuleSet {
  readonly reflected: ReflectMessage;

  constructor(readonly base: number[], schema: DescMessage, message: Message) {
    this.reflected = reflect(schema, message);
  }

  /** Set fields, in field order. */
  get fields(): DescField[] {
    return this.reflected.fields.filter((f) => this.reflected.isSet(f));
  }

  has(name: string): boolean {
    const field = this.field(name);
    return field !== undefined && this.reflected.isSet(field);
  }

  /** A set field's value (a number, bigint, string, bytes, boolean, message, or list), undefined when unset. */
  get(name: string): unknown {
    const field = this.field(name);
    return field && this.reflected.isSet(field) ? this.reflected.get(field) : undefined;
  }

  /** The path of one of this set's fields (and list index), below `(buf.validate.field)`. */
  path(name: string, index?: number): number[] {
    return [...this.base, this.field(name)!.number, ...(index === undefined ? [] : [index])];
  }

  /** How buf names a rule: `(buf.validate.field).string.min_len`. */
  name(field?: string): string {
    return ruleName(field ? this.path(field) : this.base);
  }

  private field(name: string): DescField | undefined {
    return this.reflected.fields.find((f) => f.name === name);
  }
}

/** A path below `(buf.validate.field)` as buf spells it, list indexes left out. */
export function ruleName(path: number[]): string {
  let name = "(buf.validate.field)";
  let message: DescMessage | undefined = FieldRulesSchema;
  for (const number of path) {
    const field: DescField | undefined = message?.fields.find((f) => f.number === number);
    if (!field) continue;
    name += `.${field.name}`;
    message = field.message;
  }
  return name;
}
