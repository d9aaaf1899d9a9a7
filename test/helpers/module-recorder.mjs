// Loaded with `--import`: every ES module the process resolves is appended to the file named by
// CHARTER_MODULE_LOG, so a test can tell which machinery a run loaded.
import { register } from "node:module";

register("./module-recorder-hooks.mjs", import.meta.url);
