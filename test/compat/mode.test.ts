import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { severityOf, type Mode } from "../../src/compat/mode.js";
import type { Verdict } from "../../src/compat/verdict.js";

/** The compatibility model (ARCHITECTURE.md): severity of a finding under its contract's mode. */
const rows: [Mode, Verdict, Verdict, boolean, string][] = [
  ["BACKWARD", "breaking", "compatible", false, "error"],
  ["BACKWARD", "compatible", "breaking", false, "info"],
  ["BACKWARD", "conditional", "breaking", false, "warning"],
  ["BACKWARD", "conditional", "compatible", true, "error"],
  ["FORWARD", "breaking", "compatible", false, "info"],
  ["FORWARD", "compatible", "breaking", false, "error"],
  ["FORWARD", "compatible", "conditional", false, "warning"],
  ["FULL", "compatible", "breaking", false, "error"],
  ["FULL", "conditional", "conditional", false, "warning"],
  ["FULL", "conditional", "compatible", true, "error"],
  ["FULL_TRANSITIVE", "breaking", "compatible", false, "error"],
  ["BACKWARD_TRANSITIVE", "compatible", "breaking", false, "info"],
  ["NONE", "breaking", "breaking", true, "info"],
  ["FULL", "compatible", "compatible", true, "info"],
];

describe("severity under a mode", () => {
  for (const [mode, backward, forward, strict, severity] of rows) {
    it(`${mode}${strict ? " --strict" : ""}: backward ${backward}, forward ${forward} → ${severity}`, () => {
      assert.equal(severityOf({ backward, forward }, mode, strict), severity);
    });
  }
});
