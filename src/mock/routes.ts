import type { OpenApiContract } from "../contracts/contract.js";
import { basePathsOf, httpOperationsOf, type HttpOperation } from "../http/operations.js";

/** An operation of a contract, served below one of its servers' base paths. */
export interface Route {
  contract: OpenApiContract;
  operation: HttpOperation;
  basePath: string;
}

export type RouteMatch =
  | { route: Route; params: Record<string, string> }
  /** The path is served, but not with this method. */
  | { allowed: string[] }
  | undefined;

/** Every operation of every contract, under each base path its servers give. */
export function routesOf(contracts: OpenApiContract[]): Route[] {
  return contracts.flatMap((contract) => {
    const operations = httpOperationsOf(contract);
    return basePathsOf(contract).flatMap((basePath) => operations.map((operation) => ({ contract, operation, basePath })));
  });
}

/**
 * The route a request takes. A literal path wins over a template (`/orders/mine` over
 * `/orders/{id}`, as OpenAPI asks); otherwise routes are tried in document order.
 */
export function matchRoute(routes: Route[], method: string, pathname: string): RouteMatch {
  const candidates: { route: Route; params: Record<string, string> }[] = [];
  for (const route of routes) {
    if (!pathname.startsWith(route.basePath)) continue;
    const rest = pathname.slice(route.basePath.length) || "/";
    const params = route.operation.match(rest);
    if (params) candidates.push({ route, params });
  }
  const found = candidates.filter((c) => c.route.operation.method === method).sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length)[0];
  if (found) return found;
  return candidates.length ? { allowed: [...new Set(candidates.map((c) => c.route.operation.method))] } : undefined;
}
