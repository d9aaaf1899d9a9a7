// The peer for bench/asyncapi: what a user of the AsyncAPI tools runs to find breaking changes
// between two documents: parse both with @asyncapi/parser, then @asyncapi/diff.
import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";
import { diff } from "@asyncapi/diff";

const [before, after] = process.argv.slice(2).map((file) => readFileSync(file, "utf8"));
const parser = new Parser();
const [old, current] = await Promise.all([parser.parse(before), parser.parse(after)]);
if (!old.document || !current.document) {
  console.error("peer: a document does not parse");
  process.exit(2);
}
const result = diff(old.document.json(), current.document.json(), { outputType: "json" });
const breaking = result.breaking();
console.log(JSON.stringify(breaking).length);
process.exit(Array.isArray(breaking) && breaking.length ? 1 : 0);
