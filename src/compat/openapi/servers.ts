import { child } from "../../contracts/schema-pointer.js";
import type { CompareContext } from "./context.js";
import { isObject, rootOf, type Located } from "../../contracts/openapi/model.js";

/** Server URLs of the document, with a trailing slash dropped (`/v1/` is `/v1`). */
function serversOf(root: Located): Map<string, Located> {
  const list = Array.isArray(root.value.servers) ? root.value.servers : [];
  const found = new Map<string, Located>();
  list.forEach((server, index) => {
    if (isObject(server) && typeof server.url === "string") found.set(server.url.replace(/\/+$/, ""), { value: server, at: child(root.at, "servers", index) });
  });
  return found;
}

/**
 * The document's `servers`: clients configured with a URL that is no longer served cannot reach
 * the API, unless it is still served and only left out of the document (conditional). oasdiff has
 * no check for this, so the IDs are charter's.
 */
export function servers(ctx: CompareContext): void {
  const oldRoot = rootOf(ctx.previous);
  const newRoot = rootOf(ctx.current);
  const before = serversOf(oldRoot);
  const after = serversOf(newRoot);
  for (const [url, old] of before) {
    if (after.has(url)) continue;
    ctx.report({
      rule: "api-server-removed", backward: "conditional", forward: "compatible", element: `server ${url}`,
      message: `Server ${url} was removed; clients configured with it may no longer reach the API.`,
      at: "servers" in newRoot.value ? child(newRoot.at, "servers") : newRoot.at, before: old.at,
    });
  }
  for (const [url, now] of after) {
    if (before.has(url)) continue;
    ctx.report({ rule: "api-server-added", backward: "compatible", forward: "compatible", element: `server ${url}`, message: `Server ${url} was added.`, at: now.at });
  }
}
