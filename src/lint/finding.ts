import type { Finding } from "../compat/finding.js";

/**
 * A lint finding carries no verdicts (ARCHITECTURE.md, "The compatibility model"), but `Finding` extends the breaking `Change`,
 * which requires them; the formatters print verdicts for `category: "breaking"` only.
 */
export const lintFinding = (finding: Omit<Finding, "backward" | "forward">): Finding => finding as Finding;
