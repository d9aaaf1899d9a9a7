import type { ReflectList, ReflectMessage } from "@bufbuild/protobuf/reflect";
import type { RuleProblem, RuleSet } from "./rule-set.js";

/** A bound's value made comparable: numbers as they are, durations and timestamps as nanoseconds. */
type Value = number | bigint;

/** Converts a set rule's value, or says why it is invalid. */
type Convert = (value: unknown) => { value: Value } | { invalid: string };

const asNumber: Convert = (value) => ({ value: value as Value });

const NANOS = 1_000_000_000n;
/** protovalidate's range of durations: a little under int64 nanoseconds, so that its arithmetic cannot overflow. */
const MAX_DURATION = 9_223_372_036n * NANOS + 854_775_428n;

function secondsNanos(value: unknown): { seconds: bigint; nanos: number; text: string } {
  const message = value as ReflectMessage;
  const field = (name: string) => message.fields.find((f) => f.name === name)!;
  const seconds = message.get(field("seconds")) as bigint;
  const nanos = message.get(field("nanos")) as number;
  return { seconds, nanos, text: `seconds:${seconds} nanos:${nanos}` };
}

export const asDuration: Convert = (value) => {
  const { seconds, nanos, text } = secondsNanos(value);
  if (nanos <= -1e9 || nanos >= 1e9) return { invalid: `duration (${text}) must have nanos in the range 0 to 999999999` };
  if ((seconds > 0n && nanos < 0) || (seconds < 0n && nanos > 0)) return { invalid: `duration (${text}) has seconds and nanos with different signs` };
  const total = seconds * NANOS + BigInt(nanos);
  if (total > MAX_DURATION || total < -MAX_DURATION) return { invalid: `duration (${text}) must be in the range -9223372036.854775428s to 9223372036.854775428s` };
  return { value: total };
};

/** Timestamps span years 1 to 9999, as google.protobuf.Timestamp says. */
const MIN_SECONDS = -62_135_596_800n;
const MAX_SECONDS = 253_402_300_799n;

const asTimestamp: Convert = (value) => {
  const { seconds, nanos, text } = secondsNanos(value);
  if (seconds < MIN_SECONDS) return { invalid: `timestamp (${text}) before 0001-01-01` };
  if (seconds > MAX_SECONDS) return { invalid: `timestamp (${text}) after 9999-12-31` };
  if (nanos < 0 || nanos >= 1e9) return { invalid: `timestamp (${text}) has out-of-range nanos` };
  return { value: seconds * NANOS + BigInt(nanos) };
};

/**
 * The bounds of number, duration and timestamp rules: valid values, `const` alone, no NaN (no
 * value compares with it), and lower and upper bounds that leave some value (protovalidate reads
 * `gt: 5, lt: 3` as "outside 3..5", so only equal bounds are wrong).
 */
export function checkBounds(rules: RuleSet, fieldName: string, kind: "number" | "duration" | "timestamp", add: (problem: RuleProblem) => void): void {
  const convert = kind === "number" ? asNumber : kind === "duration" ? asDuration : asTimestamp;
  const values = new Map<string, Value>();
  for (const name of ["const", "lt", "lte", "gt", "gte"]) {
    if (!rules.has(name)) continue;
    const converted = convert(rules.get(name));
    if ("invalid" in converted) add({ path: rules.path(name), message: `Field "${fieldName}" has an invalid ${rules.name(name)}: ${converted.invalid}.` });
    else values.set(name, converted.value);
  }
  if (kind === "number") checkNaN(rules, fieldName, values, add);
  if (values.has("const") && rules.fields.length > 1) {
    add({ path: rules.path("const"), message: `Field "${fieldName}" has ${rules.name("const")}, therefore other rules in ${rules.name()} are not applied and should be removed.` });
  }
  const lower = ["gt", "gte"].find((n) => values.has(n));
  const upper = ["lt", "lte"].find((n) => values.has(n));
  if (!lower || !upper || values.get(lower) !== values.get(upper)) return;
  const message = lower === "gte" && upper === "lte"
    ? `Field "${fieldName}" has equal ${rules.name(lower)} and ${rules.name(upper)}, use ${rules.name()}.const instead.`
    : `Field "${fieldName}" has equal ${rules.name(lower)} and ${rules.name(upper)}. All values are rejected by these checks.`;
  add({ path: rules.path(lower), message });
  add({ path: rules.path(upper), message });
}

function checkNaN(rules: RuleSet, fieldName: string, values: Map<string, Value>, add: (problem: RuleProblem) => void): void {
  const nan = (name: string, index?: number) =>
    add({ path: rules.path(name, index), message: `Field "${fieldName}" has NaN for ${rules.name(name)}, which no value can satisfy or compare with.` });
  for (const [name, value] of values) if (typeof value === "number" && Number.isNaN(value)) nan(name);
  for (const name of ["in", "not_in"]) {
    const list = rules.get(name) as ReflectList<number> | undefined;
    for (let i = 0; i < (list?.size ?? 0); i++) if (Number.isNaN(list!.get(i))) nan(name, i);
  }
}
