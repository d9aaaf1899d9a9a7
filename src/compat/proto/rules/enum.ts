import type { DescEnum, DescEnumValue } from "@bufbuild/protobuf";
import { effect } from "../../verdict.js";
import type { ProtoBreakingRuleId } from "../../../rules/catalog.js";
import type { ProtoRuleDef } from "../rule.js";
import { forEachTypePair, reservedNoDelete, sameJsonFormat, typeAt } from "./message.js";

// Source paths: a value's number; an enum's options, features and `features.enum_type`.
const VALUE_NUMBER = 2;
const ENUM_OPTIONS = 3;
const OPTIONS_FEATURES = 7;
const ENUM_TYPE_FEATURE = 2;

/** An enum's values by number; aliases share a number. */
function valuesByNumber(desc: DescEnum): Map<number, DescEnumValue[]> {
  const byNumber = new Map<number, DescEnumValue[]>();
  for (const value of desc.values) byNumber.set(value.number, [...(byNumber.get(value.number) ?? []), value]);
  return byNumber;
}

/** `"A"` or `"A", "B"`, sorted as buf lists names. */
const quotedList = (names: string[]): string => [...names].sort().map((n) => `"${n}"`).join(", ");

/**
 * A number of the old enum has no value in the new one. `unlessReserved`, if given, excuses the
 * deletion when the new enum reserves what it names, and says in the message what was not reserved.
 */
function valueNoDelete(
  id: ProtoBreakingRuleId,
  unlessReserved?: { excused(after: DescEnum, number: number, names: string[]): boolean; missing(number: number, names: string[]): string },
): ProtoRuleDef {
  return {
    id,
    check(ctx) {
      forEachTypePair(ctx, "enum", (before, after) => {
        const kept = valuesByNumber(after);
        for (const [number, values] of valuesByNumber(before)) {
          const names = values.map((v) => v.name);
          if (kept.has(number) || unlessReserved?.excused(after, number, names)) continue;
          const unreserved = unlessReserved ? ` without reserving ${unlessReserved.missing(number, names)}` : "";
          ctx.report({
            subject: after,
            element: `${after.typeName}.${number}`,
            message: `Previously present enum value "${number}" on enum "${after.name}" was deleted${unreserved}; old data may still carry it, and new readers see an unknown value.`,
            effect: effect("conditional", "compatible"),
            at: typeAt(ctx.current, after),
            before: ctx.previous.location(values[0]),
          });
        }
      });
    },
  };
}

export const ENUM_RULES: ProtoRuleDef[] = [
  valueNoDelete("ENUM_VALUE_NO_DELETE"),
  valueNoDelete("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", {
    excused: (after, number) => after.proto.reservedRange.some((r) => r.start <= number && number <= r.end),
    missing: (number) => `the number "${number}"`,
  }),
  valueNoDelete("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", {
    excused: (after, _number, names) => names.every((name) => after.proto.reservedName.includes(name)),
    missing: (_number, names) => `the name${names.length > 1 ? "s" : ""} ${quotedList(names)}`,
  }),
  {
    id: "ENUM_VALUE_SAME_NAME",
    check(ctx) {
      forEachTypePair(ctx, "enum", (before, after) => {
        const now = valuesByNumber(after);
        for (const [number, values] of valuesByNumber(before)) {
          const current = now.get(number);
          if (!current) continue; // ENUM_VALUE_NO_DELETE's finding
          const [was, is] = [values.map((v) => v.name), current.map((v) => v.name)];
          if (was.every((name) => is.includes(name))) continue;
          const s = was.length > 1 && is.length > 1 ? "s" : "";
          // buf reports once per current value of the number, so aliases get a key each.
          for (const value of current) {
            ctx.report({
              subject: after,
              element: current.length > 1 ? `${after.typeName}.${number}.${value.name}` : `${after.typeName}.${number}`,
              message: `Enum value "${number}" on enum "${after.name}" changed name${s} from ${quotedList(was)} to ${quotedList(is)}; wire compatible, but breaks JSON.`,
              effect: effect("conditional", "conditional"),
              at: ctx.current.location(value, VALUE_NUMBER) ?? typeAt(ctx.current, after),
              before: ctx.previous.location(values[0], VALUE_NUMBER),
            });
          }
        }
      });
    },
  },
  {
    id: "ENUM_SAME_TYPE",
    check(ctx) {
      forEachTypePair(ctx, "enum", (before, after) => {
        if (before.open === after.open) return;
        const type = (open: boolean) => (open ? "open" : "closed");
        ctx.report({
          subject: after,
          element: after.typeName,
          message: `Enum "${after.name}" changed from ${type(before.open)} to ${type(after.open)}; readers of the closed side keep unknown values apart from the field.`,
          effect: effect("conditional", "conditional"),
          at: typeAt(ctx.current, after, ENUM_OPTIONS, OPTIONS_FEATURES, ENUM_TYPE_FEATURE),
          before: typeAt(ctx.previous, before, ENUM_OPTIONS, OPTIONS_FEATURES, ENUM_TYPE_FEATURE),
        });
      });
    },
  },
  sameJsonFormat("enum"),
  reservedNoDelete("enum"),
];
