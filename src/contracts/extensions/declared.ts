import { child, type SchemaPointer } from "../schema-pointer.js";

/**
 * What every `x-charter-*` reader shares (README.md, "charter generate"):
 * an extension is read from the innermost scope that writes it (an operation before its path item
 * before the document), and a value that does not parse is a located problem, never a silent
 * default, so lint reports it at file:line:col while codegen falls back to the default.
 */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** An object of a document and where it is: an operation, a channel, `info`, the root. */
export interface Scope {
  value: Json;
  at: SchemaPointer;
  /** Where each key is written, when not in the scope itself: an AsyncAPI trait that gave it. */
  origin?: Record<string, { at: SchemaPointer }>;
}

/** A parsed extension value and the pointer of the value as written (`/paths/~1orders/get/x-charter-timeout`). */
export interface Declared<T> {
  value: T;
  at: SchemaPointer;
}

/** An extension written in a form charter cannot read. */
export interface ExtensionProblem {
  key: string;
  message: string;
  /** The offending value, or a member of it (`.../x-charter-retry/attempts`). */
  at: SchemaPointer;
}

/** What a value parser returns: the value, or what is wrong with it and under which member. */
export type Parsed<T> = { value: T } | { problem: string; member?: (string | number)[] };

/** The innermost scope that writes `key`, with the pointer of its value. */
export function written(key: string, ...scopes: (Scope | undefined)[]): { raw: unknown; at: SchemaPointer } | undefined {
  const owner = scopes.find((scope) => scope !== undefined && key in scope.value);
  return owner && { raw: owner.value[key], at: child(owner.origin?.[key]?.at ?? owner.at, key) };
}

/**
 * Reads `key` from the innermost scope that writes it with `parse`: its value, or a problem
 * pushed onto `problems` (and no value: the scope said something, just not something readable).
 */
export function readDeclared<T>(key: string, parse: (raw: unknown) => Parsed<T>, problems: ExtensionProblem[], ...scopes: (Scope | undefined)[]): Declared<T> | undefined {
  const found = written(key, ...scopes);
  if (!found) return undefined;
  const parsed = parse(found.raw);
  if ("value" in parsed) return { value: parsed.value, at: found.at };
  problems.push({ key, message: parsed.problem, at: child(found.at, ...(parsed.member ?? [])) });
  return undefined;
}
