import { defineRule } from "../../rule.js";
import { reportViolations } from "../../helpers/violations.js";

export default defineRule({
  id: "asyncapi-schema",
  kinds: ["asyncapi"],
  defaultSeverity: "error",
  description:
    "The document conforms to the AsyncAPI specification of its version, as @asyncapi/parser validates it " +
    "(Spectral's AsyncAPI rule of the same name). charter still reads a document that breaks it: `breaking` " +
    "compares it and reports the violation as a warning, `docs` shows it on the contract's page; `lint` holds the line.",
  bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
operations:
  sendPaid: { action: send }
`,
  good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
`,
  check: reportViolations,
});
