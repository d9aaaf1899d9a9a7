import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The slice of @asyncapi/parser charter uses. */
interface Diagnostic {
  code: string | number;
  message: string;
  /** 0 = error, 1 = warning, 2 = information, 3 = hint. */
  severity: number;
  path: (string | number)[];
  range: { start: { line: number; character: number } };
  source?: string;
}

interface ValidateOptions {
  source?: string;
  __unstable?: { resolver?: { resolvers?: { schema: string; order?: number; read(uri: { path(): string }): string | undefined }[] } };
}

interface AsyncApiParser {
  validate(text: string, options?: ValidateOptions): Promise<Diagnostic[]>;
}

export type { Diagnostic };

let parser: AsyncApiParser | undefined;
let runs = 0;

/** How many documents @asyncapi/parser validated in this process: a seam for tests of the cache. */
export const parserRuns = (): number => runs;

export const parserVersion = (): string => (require("@asyncapi/parser/package.json") as { version: string }).version;

/**
 * Validates with @asyncapi/parser, loaded on first use: importing it costs about half a second,
 * which a run whose documents are all in the validation cache never pays. Only the core rules
 * run, less the schema's (ajv checks it first, `official-schema.ts`, and compiling it is most of
 * the parser's time): the recommended style rules belong to lint.
 */
export async function validateWithParser(text: string, options: ValidateOptions): Promise<Diagnostic[]> {
  if (!parser) {
    const { Parser } = require("@asyncapi/parser") as { Parser: new (options: object) => AsyncApiParser };
    parser = new Parser({ ruleset: { recommended: false, rules: { "asyncapi-document-resolved": "off", "asyncapi-document-unresolved": "off" } } });
  }
  runs++;
  return parser.validate(text, options);
}
