import type { Change } from "../finding.js";
import { createContext, type CompareContext } from "./context.js";
import { compareOperations, OPERATION_METADATA_CHECKS, type OperationCheck } from "./operations.js";
import { parameters } from "./parameters.js";
import { requestBody } from "./request-body.js";
import { responses } from "./responses.js";
import { globalSecurity, operationSecurity, securitySchemes } from "./security.js";
import { servers } from "./servers.js";
import type { OpenApiVersion } from "../../contracts/openapi/version.js";
import type { OpenApiOptions } from "./options.js";

/** Checks of a pair of operations matched by method and path template, registered in one place. */
const OPERATION_CHECKS: OperationCheck[] = [...OPERATION_METADATA_CHECKS, parameters, requestBody, responses, operationSecurity];

/** Checks of the whole document: operations added and removed (then each pair), security, servers. */
const DOCUMENT_CHECKS: ((ctx: CompareContext) => void)[] = [
  (ctx) => compareOperations(ctx, OPERATION_CHECKS),
  globalSecurity,
  securitySchemes,
  servers,
];

/** Compares two versions of one OpenAPI contract: operations, parameters, bodies, responses, security. */
export function compareOpenApi(previous: OpenApiVersion, current: OpenApiVersion, options: OpenApiOptions): Change[] {
  const changes: Change[] = [];
  const ctx = createContext(previous, current, options, changes);
  for (const check of DOCUMENT_CHECKS) check(ctx);
  return changes;
}
