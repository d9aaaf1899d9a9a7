import { defineRule } from "../../rule.js";
import { reportViolations } from "../../helpers/violations.js";

export default defineRule({
  id: "oas3-schema",
  kinds: ["openapi"],
  defaultSeverity: "error",
  description:
    "The document conforms to the official OpenAPI schema of its version (Spectral's rule of the same name). " +
    "charter still reads a document that breaks it (a missing info.version, an unknown key): `breaking` compares " +
    "it and reports the violation as a warning, `docs` shows it on the contract's page; `lint` holds the line.",
  bad: `openapi: 3.1.0
info: { title: Orders }
paths: {}
`,
  good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths: {}
`,
  check: reportViolations,
});
