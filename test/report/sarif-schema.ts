import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A validator for the official SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it:
 * a devDependency, so nothing is fetched at test time. Its three formats are checked here by
 * hand, as ajv knows none of them without a plugin.
 */
function sarifValidator() {
  const schema: unknown = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
  // ajv-draft-04 is CommonJS with a default export that ESM sees as the module itself.
  const AjvDraft04 = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
  // The schema's `language` pattern has a stray `]` that only non-Unicode regular expressions accept.
  const ajv = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat("uri", (s: string) => URL.canParse(s));
  ajv.addFormat("uri-reference", (s: string) => URL.canParse(s, "file:///base/") && !/\s|%(?![0-9A-Fa-f]{2})/.test(s));
  ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema as object);
}

export const validateSarif = sarifValidator();
