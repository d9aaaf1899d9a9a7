import { posix } from "node:path";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { SchemaViolation } from "../contract.js";
import type { RegistrySchemas } from "../schema-source.js";
import type { AsyncApiDocument } from "./document.js";
import { specsVersion, validateAgainstSpecs } from "./official-schema.js";
import { parserVersion, validateWithParser, type Diagnostic } from "./parser.js";
import { cachedOutcome, outcomeKey, rememberOutcome, type Outcome } from "./validation-cache.js";

/**
 * The parser reads a document's neighbours through this virtual root, from the snapshot in memory
 * (a registry read at a git ref has no files on disk).
 */
const ROOT = "/charter-registry/";

/**
 * Keys @asyncapi/parser cannot read: it loses `__proto__` and then reports a wrong place, and a
 * `hasOwnProperty` key crashes its reference resolver.
 */
const UNREADABLE_KEYS = new Set(["__proto__", "hasOwnProperty"]);

/**
 * The files a document's `$ref`s reach, directly or through other files, with their texts. A key
 * the parser cannot read, in any of them, is a violation where it is written.
 */
function reachedFiles(document: AsyncApiDocument, files: Map<string, string>, schemas: RegistrySchemas): { reached: [string, string][]; unreadable?: SchemaViolation } {
  const reached = new Map<string, string>();
  let unreadable: SchemaViolation | undefined;
  const visit = (source: YamlSource, file: string, value: unknown, path: string[]): void => {
    if (unreadable || value === null || typeof value !== "object") return;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && !ref.startsWith("#")) {
      // Remote, escaping, malformed and dangling $refs were refused before validation (createSchemaSource.checkRefs).
      const target = posix.normalize(posix.join(posix.dirname(file), decodeURI(ref.split("#")[0])));
      const text = files.get(target);
      if (text !== undefined && !reached.has(target) && target !== document.file) {
        reached.set(target, text);
        const neighbour = schemas.source(target)!;
        visit(neighbour, target, neighbour.value, []);
      }
    }
    for (const key of Object.keys(value)) {
      if (UNREADABLE_KEYS.has(key)) {
        const { line, column } = source.position([...path, key], true);
        unreadable = { message: `key "${key}" cannot be validated: @asyncapi/parser mistakes it for a JavaScript built-in; rename it`, location: { file, line, column } };
        return;
      }
      visit(source, file, (value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  visit(document.source, document.file, document.root, []);
  return { reached: [...reached].sort(([a], [b]) => a.localeCompare(b)), unreadable };
}

const depth = (d: Diagnostic) => d.path.length;

/** The first error, as a registry-relative place: the deepest is the most useful (wrappers only say "no branch matched"). */
function firstError(document: AsyncApiDocument, diagnostics: Diagnostic[]): Outcome["error"] {
  const errors = diagnostics.filter((d) => d.severity === 0);
  if (!errors.length) return undefined;
  const error = errors.reduce((best, d) => (depth(d) > depth(best) ? d : best));
  const file = error.source?.startsWith(ROOT) ? error.source.slice(ROOT.length) : document.file;
  const where = error.path.length ? `#/${error.path.join("/")}` : "the document";
  // A crash inside the parser comes back as a diagnostic carrying its stack trace: keep the first words.
  const message = error.message.split("\n")[0].replace(/, stack: .*$/, "");
  return {
    file,
    line: error.range.start.line + 1,
    column: error.range.start.character + 1,
    message: `not valid AsyncAPI ${String(document.root.asyncapi)}: ${where}: ${message}`,
  };
}

/** A cached outcome as the document's violation, if it has one. */
const violationOf = (outcome: Outcome): SchemaViolation | undefined =>
  outcome.error && { message: outcome.error.message, location: { file: outcome.error.file, line: outcome.error.line, column: outcome.error.column } };

/**
 * Validates a document against the official schema of its version (@asyncapi/specs, with ajv),
 * unless this machine already did for the same content: the first error, as a violation naming
 * its registry file, line and column. Every command reads documents this way.
 */
export function validateAsyncApi(document: AsyncApiDocument, files: Map<string, string>, schemas: RegistrySchemas): SchemaViolation | undefined {
  const { reached } = reachedFiles(document, files, schemas);
  const key = outcomeKey(`@asyncapi/specs ${specsVersion()}`, [[document.file, document.text], ...reached]);
  let outcome = cachedOutcome(key);
  if (!outcome) {
    const violation = validateAgainstSpecs(document, schemas);
    outcome = { error: violation && { ...violation.location, message: violation.message } };
    rememberOutcome(key, outcome);
  }
  return violationOf(outcome);
}

/**
 * @asyncapi/parser's rules beyond the schema (unique ids, the servers, channels, parameters and
 * security schemes a document names, examples against their schemas), for a document the schema
 * accepts, unless this machine already ran them on the same content. `lint` asks for them: the
 * parser costs about a second to load and run, more than a small `breaking` run.
 */
export async function checkParserRules(document: AsyncApiDocument, files: Map<string, string>, schemas: RegistrySchemas): Promise<SchemaViolation | undefined> {
  const { reached, unreadable } = reachedFiles(document, files, schemas);
  if (unreadable) return unreadable;
  const key = outcomeKey(`@asyncapi/parser ${parserVersion()}`, [[document.file, document.text], ...reached]);
  let outcome = cachedOutcome(key);
  if (!outcome) {
    const neighbours = new Map(reached);
    const diagnostics = await validateWithParser(document.text, {
      source: ROOT + document.file,
      // A custom resolver costs the parser a fresh rule engine: only documents with neighbours get one.
      ...(neighbours.size ? {
        __unstable: { resolver: { resolvers: [{ schema: "file", order: 1, read: (uri) => neighbours.get(uri.path().slice(ROOT.length)) }] } },
      } : {}),
    });
    outcome = { error: firstError(document, diagnostics) };
    rememberOutcome(key, outcome);
  }
  return violationOf(outcome);
}
