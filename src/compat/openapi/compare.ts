import type { Change } from "../finding.js";
import type { OpenApiOptions, OpenApiVersion } from "./version.js";

/** Compares two versions of one OpenAPI contract: operations, parameters, bodies, responses, security. */
export function compareOpenApi(_previous: OpenApiVersion, _current: OpenApiVersion, _options: OpenApiOptions): Change[] {
  return [];
}
