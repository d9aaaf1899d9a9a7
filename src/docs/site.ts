import { posix } from "node:path";
import type { ContractKind } from "../compat/finding.js";
import { contractPaths, type Contract } from "../contracts/contract.js";
import { kindInfo } from "../contracts/kinds.js";
import { contractsOf, loadRegistry } from "../contracts/load-registry.js";
import { CONFIG_FILE, loadConfig, settingsFor, type CharterConfig } from "../registry/config.js";
import { joinPath, type Snapshot } from "../registry/snapshot.js";
import { asyncApiView, channelPeers, type AsyncApiView } from "./asyncapi.js";
import { buildChangelog, contractKey, type ChangelogEntry, type Version } from "./changelog.js";
import { contractPage } from "./ids.js";
import { renderMarkdown } from "./markdown.js";
import { openApiView, explorerFor, type OpenApiView } from "./openapi.js";
import { protoTypeId, protoView, type ProtoView } from "./proto.js";
import { readableContracts, type Unreadable } from "./readable.js";
import { createRenderer } from "./render.js";
import { explore, fieldsOf, type SchemaNode } from "./schema.js";
import { searchFiles, type SearchEntry } from "./search.js";
import { sidebarOf, type SidebarGroup } from "./sidebar.js";



/** Everything a contract page and its index row show. */
export interface ContractView {
  /** A contract's kind; `file` for an unreadable file no kind claims (a shared schema its contracts `$ref`). */
  kind: ContractKind | "file";
  kindLabel: string;
  id: string;
  title: string;
  /** Relative to the site root. */
  page: string;
  path: string;
  /** Every file of the contract: a proto package's several, else its one document. */
  files: string[];
  owner?: string;
  version?: string;
  mode: string;
  description?: string;
  lastChange?: ChangelogEntry;
  changelog: ChangelogEntry[];
  /** Where the contract breaks its specification's schema, as `file:line:col: message`: shown, not refused. */
  violations: string[];
  proto?: ProtoView;
  openapi?: OpenApiView;
  asyncapi?: AsyncApiView;
  jsonschema?: SchemaNode;
  /** Set when the contract cannot be read: its page shows why and where, instead of the contract. */
  unreadable?: Unreadable;
  /** The page's schema section: every schema its explorers link to, and an OpenAPI document's components, each once. */
  schemas: SchemaNode[];
  /** Links to every element of the page, by group. */
  sidebar: SidebarGroup[];
}

export interface SiteOptions {
  /** Folder of the handlebars templates and assets; charter's own `templates/docs` by default. */
  templates?: string;
  /** Told each schema violation of a contract and each contract that cannot be read, as `file:line:col: message` (the CLI writes them to stderr). */
  warn?(message: string): void;
  /** Refuse (throw the InputError) a contract that cannot be read, rather than give it a page saying why. */
  strict?: boolean;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

function titleAndVersion(contract: Contract): { title: string; version?: string; description?: string } {
  if (contract.kind === "proto") {
    // A package's version is its last segment by convention (buf's PACKAGE_VERSION_SUFFIX).
    const version = /\.(v\d+\w*)$/.exec(contract.id)?.[1];
    return { title: contract.id, version };
  }
  const root = contract.document.root;
  if (contract.kind === "jsonschema") {
    const schema = isObject(root) ? root : {};
    return { title: text(schema.title) ?? contract.id, version: /[./-](v\d+(?:\.\d+)*)\b/.exec(contract.id)?.[1], description: text(schema.description) };
  }
  const info = isObject(root) && isObject(root.info) ? root.info : {};
  return { title: text(info.title) ?? contract.id, version: text(info.version) ?? (typeof info.version === "number" ? String(info.version) : undefined), description: text(info.description) };
}

/**
 * The docs site of a registry (README.md, "charter docs") as files by site path: an index, a page per contract
 * with its compatibility changelog over `history` (oldest first; the current snapshot is appended
 * as the newest version), a search index script, the stylesheet and script. Writes nothing (the
 * marker and manifest of the folder are workspace.ts's).
 */
export async function buildSite(current: Snapshot, history: Version[], options: SiteOptions = {}): Promise<Map<string, string>> {
  const config = loadConfig(current.contract === undefined ? current.files : new Map(), joinPath(current.base, CONFIG_FILE));
  const read = options.strict ? { snapshot: current, contracts: await contractsOf(await loadRegistry(current)), unreadable: [] } : await readableContracts(current);
  const { contracts, unreadable } = read;
  // The current version's step compares what could be read.
  const changelog = await buildChangelog([...history, { label: "current", snapshot: read.snapshot }]);
  const render = createRenderer(options.templates);
  const pages = new Map(contracts.map((c) => [c, contractPage(c.kind, c.id)]));

  // Cross-links: proto types to the page of the package that declares them, JSON Schema contracts by `$id`.
  const protoTypes = new Map<string, string>();
  for (const contract of contracts) {
    if (contract.kind !== "proto") continue;
    const file = posix.basename(pages.get(contract)!);
    for (const desc of contract.files.flatMap((f) => [...f.messages, ...f.enums])) {
      protoTypes.set(desc.typeName, `${file}#${protoTypeId(desc.kind, desc.typeName)}`);
    }
  }
  const peers = channelPeers(contracts.flatMap((c) => (c.kind === "asyncapi" ? [{ contract: c, page: posix.basename(pages.get(c)!) }] : [])));
  const schemaContracts = new Map(contracts.filter((c) => c.kind === "jsonschema").map((c) => [c.id, { label: c.id, href: posix.basename(pages.get(c)!) }]));

  const search: SearchEntry[] = [];
  const views = contracts.map((contract): ContractView => {
    const page = pages.get(contract)!;
    const { title, version, description } = titleAndVersion(contract);
    const entries = changelog.entries.get(contractKey(contract.kind, contract.id)) ?? [];
    const view: ContractView = {
      kind: contract.kind,
      kindLabel: kindInfo(contract.kind).label,
      id: contract.id,
      title,
      page,
      path: contract.path,
      files: contractPaths(contract),
      owner: settingsFor(config, contract.id, contractPaths(contract)).owner,
      version,
      mode: modeOf(config, contract),
      description: renderMarkdown(description),
      lastChange: entries.find((e) => e.version !== "current") ?? entries[0],
      changelog: entries,
      violations: contract.violations.map(({ location, message }) => `${joinPath(current.base, location.file)}:${location.line}:${location.column}: ${message}`),
      schemas: [],
      sidebar: [],
    };
    for (const violation of view.violations) options.warn?.(violation);
    search.push({ title, kind: "contract", contract: contract.id, href: page, description: view.description });
    if (contract.kind === "proto") {
      const built = protoView(contract, (typeName) => protoTypes.get(typeName), page);
      view.proto = built.view;
      for (const entry of built.search) search.push(entry);
    } else if (contract.kind === "openapi") {
      const built = openApiView(contract, page);
      view.openapi = built.view;
      for (const entry of built.search) search.push(entry);
    } else if (contract.kind === "asyncapi") {
      const built = asyncApiView(contract, page, (id) => schemaContracts.get(id), peers);
      view.asyncapi = built.view;
      for (const entry of built.search) search.push(entry);
    } else {
      const root = explore(explorerFor(contract, contract.document.file), { file: contract.document.file, pointer: "" }, [], title);
      view.jsonschema = root;
      for (const field of fieldsOf(root)) search.push({ title: `${title}.${field.name}`, kind: "field", contract: contract.id, href: `${page}#${field.id}`, description: field.description });
    }
    if (contract.kind !== "proto") {
      // Rendered after the kind's view: the schema section holds what its explorers linked to.
      view.schemas = explorerFor(contract, contract.document.file).section();
      for (const node of view.schemas) {
        search.push({ title: node.name!, kind: "schema", contract: contract.id, href: `${page}#${node.id}`, description: node.description });
        for (const field of fieldsOf(node)) search.push({ title: `${node.name}.${field.name}`, kind: "field", contract: contract.id, href: `${page}#${field.id}`, description: field.description });
      }
    }
    view.sidebar = sidebarOf(view);
    return view;
  });
  for (const file of unreadable) {
    options.warn?.(`${file.error} (the docs site shows this on the contract's page and builds the rest)`);
    const kind = file.kind ?? "file";
    views.push({
      kind,
      kindLabel: file.kind ? kindInfo(file.kind).label : "file",
      id: file.path,
      title: file.path,
      page: contractPage(kind, file.path),
      path: file.path,
      files: [file.path],
      owner: settingsFor(config, file.path, [file.path]).owner,
      mode: "—",
      changelog: [],
      violations: [],
      unreadable: file,
      schemas: [],
      sidebar: [],
    });
  }
  views.sort((a, b) => a.title.localeCompare(b.title) || a.kind.localeCompare(b.kind));

  const site = new Map<string, string>();
  const sorted = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined))].sort();
  site.set("index.html", render.page("index", {
    root: "",
    title: "Contracts",
    contracts: views,
    kinds: sorted(views.map((v) => v.kind)).map((kind) => ({ kind, label: views.find((v) => v.kind === kind)!.kindLabel })),
    owners: sorted(views.map((v) => v.owner)),
    problems: changelog.problems,
  }));
  for (const view of views) site.set(view.page, render.page("contract", { root: "../", title: view.title, contract: view }));
  const byKey = new Map(views.map((v) => [contractKey(v.kind, v.id), v]));
  site.set("changelog.html", render.page("registry-changelog", {
    root: "",
    title: "Changelog",
    // A removed contract has no page to link to.
    steps: changelog.steps.map((step) => ({ ...step, contracts: step.contracts.map((c) => ({ ...c, title: byKey.get(contractKey(c.kind, c.id))?.title ?? c.id, page: byKey.get(contractKey(c.kind, c.id))?.page })) })),
    problems: changelog.problems,
  }));
  for (const [path, content] of searchFiles(search)) site.set(path, content);
  for (const [path, content] of render.assets()) site.set(path, content);
  return site;
}

function modeOf(config: CharterConfig, contract: Contract): string {
  return settingsFor(config, contract.id, contractPaths(contract)).compatibility ?? (contract.api ? config.compatibility.api : config.compatibility.data);
}
