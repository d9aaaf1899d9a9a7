import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import type { Server } from "../../contracts/asyncapi/model.js";
import type { CompareContext } from "./context.js";

/** Where a server says `key`: 3.x writes host and pathname apart, 2.x both in its `url`. */
const placeOf = (server: Server, key: "protocol" | "host" | "pathname"): SchemaPointer => {
  const written = key !== "protocol" && "url" in server.server.value ? "url" : key;
  return written in server.server.value ? child(server.server.at, written) : server.server.at;
};

/** The same broker under another key (a renamed key across a 2.x → 3.x migration is no change). */
const sameBroker = (a: Server, b: Server) => a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;

/**
 * The document's servers, whatever their protocol: matched by key, then by protocol, host and
 * pathname. A removed server or one that moved strands the producers and consumers configured
 * with it; a new one has no users yet.
 */
export function compareServers(ctx: CompareContext): void {
  const unmatched = new Map(ctx.now.servers);
  const pairs: [Server, Server][] = [];
  const removed: Server[] = [];
  for (const [key, old] of ctx.old.servers) {
    const now = unmatched.get(key) ?? [...unmatched.values()].find((candidate) => !ctx.old.servers.has(candidate.key) && sameBroker(old, candidate));
    if (!now) {
      removed.push(old);
      continue;
    }
    pairs.push([old, now]);
    unmatched.delete(now.key);
  }
  const serversAt = { file: ctx.current.document.file, pointer: "/servers" };
  for (const old of removed) {
    ctx.report({
      rule: "server-removed",
      backward: "conditional",
      forward: "breaking",
      message: `Server "${old.key}" (${old.protocol ?? "no protocol"} ${old.host ?? ""}${old.pathname ?? ""}) was removed; producers and consumers configured with it lose their partners.`,
      at: "servers" in ctx.current.document.root ? serversAt : undefined,
      before: old.server.at,
      element: `server ${old.key}`,
    });
  }
  for (const now of unmatched.values()) {
    ctx.report({ rule: "server-added", backward: "compatible", forward: "compatible", message: `Server "${now.key}" was added.`, at: now.server.at, element: `server ${now.key}` });
  }
  for (const [old, now] of pairs) {
    for (const [key, rule] of [["protocol", "server-protocol-changed"], ["host", "server-host-changed"], ["pathname", "server-pathname-changed"]] as const) {
      if (old[key] === now[key]) continue;
      ctx.report({
        rule,
        backward: "breaking",
        forward: "breaking",
        message: `Server "${now.key}" changed its ${key} from "${old[key] ?? "(none)"}" to "${now[key] ?? "(none)"}"; clients configured with the old one no longer reach it.`,
        at: placeOf(now, key),
        before: placeOf(old, key),
        element: `server ${old.key}`,
      });
    }
  }
}
