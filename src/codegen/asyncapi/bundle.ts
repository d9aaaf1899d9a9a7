import { segmentsOf, type SchemaPointer, type SchemaSource } from "../../compat/schema/source.js";
import { isObject } from "../../lint/helpers/yaml.js";
import { pascalIdentifier } from "../openapi/names.js";

type Json = Record<string, unknown>;

/**
 * The schemas of a contract's messages as one self-contained set of named definitions, so that
 * ajv and openapi-typescript can take them without following a `$ref` out of the set: each message
 * payload is a definition named after its message, each schema a `$ref` reaches (in this file or
 * another of the registry) one named after where it lives, and every `$ref` becomes
 * `<prefix><name>`. Cycles are fine: a schema is named before its insides are copied.
 */
export class SchemaBundle {
  readonly definitions = new Map<string, unknown>();
  private readonly names = new Map<string, string>();

  constructor(private readonly schemas: SchemaSource) {}

  /** Adds the schema at `at` under `name` (unless it is there already) and returns the name it has. */
  add(at: SchemaPointer, name: string): string {
    const target = this.schemas.resolve(at);
    const key = `${target.at.file}#${target.at.pointer}`;
    const known = this.names.get(key);
    if (known) return known;
    const unique = this.unique(name);
    this.names.set(key, unique);
    this.definitions.set(unique, null);
    this.definitions.set(unique, this.copy(target.value, target.at));
    return unique;
  }

  /** Adds a schema written here (a message without a payload gets `{}`) under a fresh name. */
  addValue(name: string, schema: unknown): string {
    const unique = this.unique(name);
    this.definitions.set(unique, schema);
    return unique;
  }

  /** The definitions with every `$ref` pointing at `prefix` + name: `#/definitions/`, `#/components/schemas/`. */
  render(prefix: string): Json {
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (!isObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith(REF) ? prefix + v.slice(REF.length) : rewrite(v)]));
    };
    return Object.fromEntries([...this.definitions].map(([name, schema]) => [name, rewrite(schema)]));
  }

  private unique(name: string): string {
    const base = pascalIdentifier(name);
    let unique = base;
    for (let n = 2; this.definitions.has(unique); n += 1) unique = `${base}${n}`;
    return unique;
  }

  /** A copy of a schema whose `$ref`s name definitions of the bundle. */
  private copy(value: unknown, at: SchemaPointer): unknown {
    if (Array.isArray(value)) return value.map((item, i) => this.copy(item, { file: at.file, pointer: `${at.pointer}/${i}` }));
    if (!isObject(value)) return value;
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) {
      const here = { file: at.file, pointer: `${at.pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` };
      if (key === "$ref" && typeof item === "string") {
        const target = this.schemas.resolve(at);
        const segments = segmentsOf(target.at.pointer);
        out.$ref = REF + this.add(target.at, segments[segments.length - 1] ?? "Schema");
      } else {
        out[key] = this.copy(item, here);
      }
    }
    return out;
  }
}

/** The placeholder prefix of `$ref`s until render() sets the real one. */
const REF = "#/$bundle/";
