import type { AsyncApiView } from "./asyncapi.js";
import type { OpenApiView } from "./openapi.js";
import type { ProtoView } from "./proto.js";
import type { Link, SchemaNode } from "./schema.js";

/** One group of a contract page's sidebar: its heading and a link to each element, in page order. */
export interface SidebarGroup {
  title: string;
  links: Link[];
}

/** What a page holds, by kind: the views a contract page renders. */
interface PageParts {
  proto?: ProtoView;
  openapi?: OpenApiView;
  asyncapi?: AsyncApiView;
  jsonschema?: SchemaNode;
  schemas: SchemaNode[];
}

/**
 * The sidebar of a contract page: every operation, RPC, channel, message and schema on it, with
 * its anchor, so a page the size of Stripe's can be navigated without scrolling through it.
 */
export function sidebarOf(page: PageParts): SidebarGroup[] {
  const groups: SidebarGroup[] = [];
  const group = (title: string, links: Link[]) => links.length && groups.push({ title, links });
  const to = (label: string, id: string): Link => ({ label, href: `#${id}` });
  if (page.openapi) group("Operations", page.openapi.operations.map((op) => to(`${op.method} ${op.path}`, op.id)));
  if (page.proto) {
    for (const service of page.proto.services) group(`service ${service.name}`, service.rpcs.map((rpc) => to(rpc.name, rpc.id)));
    group("Messages", page.proto.messages.map((m) => to(m.name, m.id)));
    group("Enums", page.proto.enums.map((e) => to(e.name, e.id)));
  }
  if (page.asyncapi) {
    group("Channels", page.asyncapi.channels.map((c) => to(c.name, c.id)));
    group("Messages", page.asyncapi.channels.flatMap((c) => c.messages.map((m) => to(m.title ?? m.key, m.id))));
    group("Operations", page.asyncapi.operations.map((op) => to(`${op.action} ${op.name}`, op.id)));
  }
  group("Schemas", [...(page.jsonschema ? [page.jsonschema] : []), ...page.schemas].map((s) => to(s.name ?? s.id!, s.id!)));
  return groups;
}
