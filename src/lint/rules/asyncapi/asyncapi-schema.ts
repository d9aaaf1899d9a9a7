import { defineRule } from "../../rule.js";
import { reportViolations } from "../../helpers/violations.js";

export default defineRule({
  id: "asyncapi-schema",
  check: reportViolations,
});
