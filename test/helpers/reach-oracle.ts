import type { Report } from "../../src/report/report.js";

/**
 * The reach oracle: which operations must report which changed component schemas, found without
 * charter's model, by a plain walk over the two parsed documents. A component schema changed when
 * its own text changed beyond annotations; an operation reaches it when walking the operation's
 * parameters, request body and responses in both versions side by side, following `$ref`s, arrives
 * at that component on both sides. Every such (operation, component) pair must carry a finding.
 */

type Json = unknown;
type Doc = Record<string, Json>;

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

/** The value a local `#/...` pointer names. */
function at(doc: Doc, ref: string): Json {
  let node: Json = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return node;
}

/** Keywords that say something about a schema without changing the values it accepts. */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "externalDocs", "xml", "discriminator"]);
/** Keywords whose array value is a set. */
const SETS = new Set(["enum", "required", "type"]);
/** Keywords whose object value maps names to schemas: their keys are names, never keywords. */
const MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/** A schema's text with annotations and vendor extensions left out and sets sorted, for comparing. */
function normal(value: Json, names = false): string {
  if (Array.isArray(value)) return `[${value.map((v) => normal(v)).join(",")}]`;
  if (!isObject(value)) return JSON.stringify(value);
  const entries = Object.entries(value)
    .filter(([key]) => names || !(ANNOTATIONS.has(key) || (key.startsWith("x-") && key !== "x-extensible-enum")))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, v]) => {
      const text = !names && SETS.has(key) && Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).sort().join(",")}]` : normal(v, !names && MAPS.has(key));
      return `${JSON.stringify(key)}:${text}`;
    });
  return `{${entries.join(",")}}`;
}

/** Names of the component schemas present in both versions whose own text changed. */
export function changedComponents(before: Doc, after: Doc): Set<string> {
  const schemas = (doc: Doc) => (at(doc, "#/components/schemas") ?? {}) as Record<string, Json>;
  const old = schemas(before);
  const now = schemas(after);
  return new Set(Object.keys(now).filter((name) => name in old && normal(old[name]) !== normal(now[name])));
}

/** Parameters of an operation and its path item, by location and name. */
function parameters(doc: Doc, item: Record<string, Json>, op: Record<string, Json>): Map<string, { value: Json; ref: string }> {
  const out = new Map<string, { value: Json; ref: string }>();
  for (const list of [item.parameters, op.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const ref = isObject(entry) && typeof entry.$ref === "string" ? entry.$ref : "";
      const value = ref ? at(doc, ref) : entry;
      if (isObject(value)) out.set(`${String(value.in)} ${String(value.name)}`, { value, ref });
    }
  }
  return out;
}

/** The component schemas two versions of an operation both reach, walking them side by side. */
function reachedBoth(before: Doc, after: Doc, oldOp: Record<string, Json>, newOp: Record<string, Json>, oldItem: Record<string, Json>, newItem: Record<string, Json>): Set<string> {
  const reached = new Set<string>();
  const seen = new Set<string>();
  const walk = (old: Json, oldAt: string, now: Json, nowAt: string): void => {
    if (isObject(old) && typeof old.$ref === "string") return walk(at(before, old.$ref), old.$ref, now, nowAt);
    if (isObject(now) && typeof now.$ref === "string") return walk(old, oldAt, at(after, now.$ref), now.$ref);
    const key = `${oldAt}\u0000${nowAt}`;
    if (seen.has(key)) return;
    seen.add(key);
    const a = COMPONENT.exec(oldAt)?.[1];
    const b = COMPONENT.exec(nowAt)?.[1];
    if (a && a === b) reached.add(a);
    if (Array.isArray(old) && Array.isArray(now)) {
      for (let i = 0; i < Math.min(old.length, now.length); i++) walk(old[i], `${oldAt}/${i}`, now[i], `${nowAt}/${i}`);
    } else if (isObject(old) && isObject(now)) {
      for (const k of Object.keys(now)) if (k in old) walk(old[k], `${oldAt}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, now[k], `${nowAt}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    }
  };
  const oldParams = parameters(before, oldItem, oldOp);
  for (const [name, now] of parameters(after, newItem, newOp)) {
    const old = oldParams.get(name);
    if (old) walk(old.value, old.ref || `#param ${name}`, now.value, now.ref || `#param ${name}`);
  }
  walk(oldOp.requestBody, "#requestBody", newOp.requestBody, "#requestBody");
  walk(oldOp.responses, "#responses", newOp.responses, "#responses");
  return reached;
}

/** For each operation in both versions (`GET /v1/charges`), the changed component schemas it reaches. */
export function reachOracle(before: Doc, after: Doc): Map<string, Set<string>> {
  const changed = changedComponents(before, after);
  const out = new Map<string, Set<string>>();
  const paths = (doc: Doc) => (isObject(doc.paths) ? doc.paths : {});
  const oldPaths = paths(before);
  for (const [path, item] of Object.entries(paths(after))) {
    const oldItem = oldPaths[path];
    if (!isObject(item) || !isObject(oldItem)) continue;
    for (const method of METHODS) {
      const op = item[method];
      const oldOp = oldItem[method];
      if (!isObject(op) || !isObject(oldOp)) continue;
      const must = [...reachedBoth(before, after, oldOp, op, oldItem, item)].filter((name) => changed.has(name));
      if (must.length) out.set(`${method.toUpperCase()} ${path}`, new Set(must));
    }
  }
  return out;
}

/** The (operation, component) pairs the oracle asks for that no finding of the report covers, as lines. */
export function missedReaches(report: Report, oracle: Map<string, Set<string>>): string[] {
  const covered = new Set<string>();
  for (const f of report.findings) {
    // The fingerprint names where the change is written: `rule:contract:schema Charge #/refunds`.
    const name = /:schema ([^ ]+)(?: #\/|$)/.exec(f.fingerprint)?.[1];
    if (!name) continue;
    for (const operation of f.affects ?? []) covered.add(`${operation}\u0000${name}`);
  }
  const missed: string[] = [];
  for (const [operation, names] of oracle) for (const name of names) if (!covered.has(`${operation}\u0000${name}`)) missed.push(`${operation} reaches changed schema ${name} but carries no finding about it`);
  return missed;
}
