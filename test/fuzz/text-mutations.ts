import type { Mutation } from "./mutation.js";
import type { Rng } from "./prng.js";

/** Mutations of the bytes themselves, for every kind of file. */

const ALL = ["yaml", "json", "proto"] as const;

function lineSpan(lines: string[], rng: Rng): [number, number] {
  const start = rng.int(lines.length);
  return [start, Math.min(lines.length, start + 1 + rng.int(3))];
}

/** Bytes that break decoders and tokenizers: NUL, invalid UTF-8, stray quotes and indicators. */
const GARBAGE = [0x00, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x09, 0x0d, 0x22, 0x27, 0x7b, 0x5b, 0x26, 0x2a, 0x21, 0x25, 0x3a, 0x23, 0x7c, 0x3e, 0x1b, 0x85];

export const TEXT_MUTATIONS: Mutation[] = [
  {
    name: "line-delete",
    kinds: ALL,
    keepsSyntax: false,
    apply(bytes, rng) {
      const lines = bytes.toString("utf8").split("\n");
      const [from, to] = lineSpan(lines, rng);
      lines.splice(from, to - from);
      return { bytes: Buffer.from(lines.join("\n")), detail: `deleted lines ${from + 1}-${to}` };
    },
  },
  {
    name: "line-duplicate",
    kinds: ALL,
    keepsSyntax: false,
    apply(bytes, rng) {
      const lines = bytes.toString("utf8").split("\n");
      const [from, to] = lineSpan(lines, rng);
      lines.splice(to, 0, ...lines.slice(from, to));
      return { bytes: Buffer.from(lines.join("\n")), detail: `duplicated lines ${from + 1}-${to}` };
    },
  },
  {
    name: "truncate",
    kinds: ALL,
    keepsSyntax: false,
    apply(bytes, rng) {
      const at = rng.int(bytes.length);
      return { bytes: bytes.subarray(0, at), detail: `cut at byte ${at} of ${bytes.length}` };
    },
  },
  {
    name: "garbage-bytes",
    kinds: ALL,
    keepsSyntax: false,
    apply(bytes, rng) {
      const at = rng.int(bytes.length + 1);
      const junk = Buffer.from(Array.from({ length: 1 + rng.int(8) }, () => rng.pick(GARBAGE)));
      return { bytes: Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]), detail: `inserted ${junk.toString("hex")} at byte ${at}` };
    },
  },
  {
    name: "bom",
    kinds: ALL,
    keepsSyntax: true,
    apply: (bytes) => ({ bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), detail: "UTF-8 byte order mark prepended" }),
  },
  {
    name: "crlf",
    kinds: ALL,
    keepsSyntax: true,
    apply: (bytes, rng) => {
      const bom = rng.chance(0.3);
      const text = Buffer.from(bytes.toString("utf8").replace(/\r?\n/g, "\r\n"));
      return { bytes: bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]) : text, detail: `CRLF line ends${bom ? " and a BOM" : ""}` };
    },
  },
];
