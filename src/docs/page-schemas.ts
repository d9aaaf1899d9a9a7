import { segmentsOf, type SchemaPointer, type SchemaSource } from "../contracts/schema-pointer.js";
import { anchor } from "./ids.js";
import { definitionName, explore, type ExplorerContext, type Link, type SchemaNode } from "./schema.js";

/**
 * The schemas of one contract page, each rendered once in the page's schema section: a `$ref`
 * becomes a link to its target's section (queued for rendering on first use), which the browser
 * expands in place on demand (site.js). A schema used from 10,000 places costs 10,000 links, not
 * 10,000 copies, so build time and page size grow with the document, not with reference counts.
 */
export interface PageSchemas extends ExplorerContext {
  /** Puts the schema at `at` in the section under `name` (an OpenAPI component: listed even when nothing refers to it). */
  add(at: SchemaPointer, name: string): void;
  /** The section: every schema added or linked to so far, each rendered once, in order of first use. */
  section(): SchemaNode[];
}

interface Queued {
  at: SchemaPointer;
  name: string;
  path: string[];
}

const pages = new WeakMap<object, PageSchemas>();

/**
 * The schema section of a contract's page (`file` is its document): one per contract, so each
 * kind's view and the site (which renders the section) share it.
 */
export function pageSchemas(contract: { schemas: SchemaSource }, file: string): PageSchemas {
  let page = pages.get(contract);
  if (!page) pages.set(contract, (page = createPageSchemas(contract.schemas, file)));
  return page;
}

function createPageSchemas(schemas: SchemaSource, file: string): PageSchemas {
  const placed = new Map<string, Link>();
  const ids = new Set<string>();
  const queue: Queued[] = [];
  const rendered: SchemaNode[] = [];
  const key = (at: SchemaPointer) => `${at.file}#${at.pointer}`;

  /** Names from the document only (ids.ts): the definition's name when it is free, else its file and pointer. */
  const enqueue = (at: SchemaPointer, name?: string): Link => {
    const segments = segmentsOf(at.pointer);
    const label = name ?? definitionName(at) ?? segments[segments.length - 1] ?? at.file;
    const short = at.file === file && (name !== undefined || definitionName(at) !== undefined) ? [label] : undefined;
    const path = short && !ids.has(anchor("schema", ...short)) ? short : [...(at.file === file ? [] : [at.file]), ...segments];
    const link = { label, href: `#${anchor("schema", ...path)}` };
    ids.add(anchor("schema", ...path));
    placed.set(key(at), link);
    queue.push({ at, name: label, path });
    return link;
  };

  const page: PageSchemas = {
    schemas,
    linkFor: (at) => placed.get(key(at)) ?? enqueue(at),
    placedAt: (at, link) => {
      const before = placed.get(key(at));
      if (!before) placed.set(key(at), link);
      return before;
    },
    add: (at, name) => {
      if (!placed.has(key(at))) enqueue(at, name);
    },
    section: () => {
      // Rendering a schema may link to schemas not queued yet: they join the end of the queue.
      while (queue.length) {
        const { at, name, path } = queue.shift()!;
        rendered.push(explore(page, at, path, name, true));
      }
      return rendered;
    },
  };
  return page;
}
