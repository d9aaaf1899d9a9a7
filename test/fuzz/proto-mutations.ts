import type { Mutation } from "./mutation.js";
import type { Rng } from "./prng.js";

/** Mutations of a .proto file that keep its syntax: what buf and charter must reject or survive with a location. */

/** A field declaration up to its number: `repeated string tags = 4`, `map<string, int32> counts = 7`. */
const FIELD = /^(\s*(?:(?:repeated|optional|required)\s+)?(?:map\s*<[^>]*>|[\w.]+)\s+\w+\s*=\s*)(\d+)/gm;
/** An enum value: `STATUS_ACTIVE = 1`. */
const ENUM_VALUE = /^(\s*[A-Z][A-Z0-9_]*\s*=\s*)(-?\d+)/gm;
const MESSAGE = /^(\s*message\s+)(\w+)/gm;
const FIELD_NAME = /^(\s*(?:(?:repeated|optional|required)\s+)?(?:map\s*<[^>]*>|[\w.]+)\s+)(\w+)(\s*=\s*\d+)/gm;

/** 0 and 19000-19999 are reserved by protobuf; 2^29-1 is the largest field number. */
const FIELD_NUMBERS = ["0", "19000", "19999", "536870911", "536870912", "-1", "2147483648", "4294967296", "99999999999999999999999", "0x1FFFFFFF"];
const ENUM_NUMBERS = ["2147483648", "-2147483649", "99999999999999999999999", "0x80000000"];
const PROTO_NAMES = ["__proto__", "hasOwnProperty", "constructor", "toString", "prototype", "valueOf"];

/** Replaces one match of a pattern (chosen at random) by `replace` of its groups. */
function replaceOne(text: string, pattern: RegExp, rng: Rng, replace: (groups: string[]) => string): { text: string; line: number } | undefined {
  const matches = [...text.matchAll(pattern)];
  if (!matches.length) return undefined;
  const match = rng.pick(matches);
  const line = text.slice(0, match.index).split("\n").length;
  return { text: text.slice(0, match.index) + replace(match.slice(1)) + text.slice(match.index + match[0].length), line };
}

export const PROTO_MUTATIONS: Mutation[] = [
  {
    name: "proto-field-number",
    kinds: ["proto"],
    keepsSyntax: true,
    apply(bytes, rng) {
      const enumValue = rng.chance(0.25);
      const number = rng.pick(enumValue ? ENUM_NUMBERS : FIELD_NUMBERS);
      const done = replaceOne(bytes.toString("utf8"), enumValue ? ENUM_VALUE : FIELD, rng, ([head]) => head + number);
      return done && { bytes: Buffer.from(done.text), detail: `${enumValue ? "enum value" : "field number"} on line ${done.line} set to ${number}` };
    },
  },
  {
    name: "proto-deep-nesting",
    kinds: ["proto"],
    keepsSyntax: true,
    apply(bytes, rng) {
      const depth = rng.pick([100, 1000, 10000]);
      const nested = `${Array.from({ length: depth }, (_, i) => `message N${i} { `).join("")}${"}".repeat(depth)}`;
      const done = replaceOne(bytes.toString("utf8"), /^(\s*message\s+\w+\s*\{)/gm, rng, ([head]) => `${head} ${nested}`);
      return done && { bytes: Buffer.from(done.text), detail: `messages nested ${depth} deep in the message on line ${done.line}` };
    },
  },
  {
    name: "proto-prototype-names",
    kinds: ["proto"],
    keepsSyntax: true,
    apply(bytes, rng) {
      const name = rng.pick(PROTO_NAMES);
      const message = rng.chance(0.3);
      const done = replaceOne(bytes.toString("utf8"), message ? MESSAGE : FIELD_NAME, rng, ([head, , tail = ""]) => head + name + tail);
      return done && { bytes: Buffer.from(done.text), detail: `${message ? "message" : "field"} on line ${done.line} renamed to ${name}` };
    },
  },
];
