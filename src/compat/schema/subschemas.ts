import type { SubschemaStem } from "../../rules/catalog/schema-kinds.js";
import { asSchema } from "./view.js";
import type { Nesting, Pair } from "./walk.js";

/** A keyword holding one subschema: adding it narrows, dropping it widens, keeping it recurses. */
export const singleSchema = (keyword: string, stem: SubschemaStem, step: string, nesting: Nesting = "same") => (pair: Pair): void => {
  const had = pair.old.has(keyword);
  const has = pair.new.has(keyword);
  if (had && has) return pair.descend([step], pair.old.pointer(keyword), pair.new.pointer(keyword), { nesting });
  if (had) pair.report({ kind: `${stem}-removed`, relation: "widened", keyword, message: `${keyword} removed` });
  else if (has) pair.report({ kind: `${stem}-added`, relation: "narrowed", keyword, message: `${keyword} added` });
};

/** A keyword holding subschemas by name: each name added narrows, dropped widens, kept recurses. */
export const namedSchemas = (keyword: string, stem: SubschemaStem) => (pair: Pair): void => {
  const o = asSchema(pair.old.get(keyword));
  const n = asSchema(pair.new.get(keyword));
  for (const name of Object.keys(o)) {
    if (!Object.hasOwn(n, name)) pair.report({ kind: `${stem}-removed`, relation: "widened", before: pair.old.pointer(keyword, name), after: pair.new.at, message: `${keyword} ${name} removed` });
  }
  for (const name of Object.keys(n)) {
    if (Object.hasOwn(o, name)) pair.descend([`${keyword}:${name}`], pair.old.pointer(keyword, name), pair.new.pointer(keyword, name));
    else pair.report({ kind: `${stem}-added`, relation: "narrowed", before: pair.old.at, after: pair.new.pointer(keyword, name), message: `${keyword} ${name} added` });
  }
};
