import { ScalarType, type AnyDesc, type DescEnum, type DescField, type DescFile, type DescMessage } from "@bufbuild/protobuf";
import { sourcePath } from "../contracts/proto/image.js";
import type { ProtoContract } from "../contracts/contract.js";
import { httpBindingsOf, httpExtensionOf, type HttpBinding } from "./http-rule.js";
import { anchor } from "./ids.js";
import { renderMarkdown } from "./markdown.js";
import type { SearchEntry } from "./search.js";

/** What a protobuf package's page shows: services with RPCs, messages with fields, enums with values. */
export interface ProtoView {
  services: { name: string; id: string; description?: string; rpcs: RpcView[] }[];
  messages: MessageView[];
  enums: EnumView[];
}

export interface TypeRef {
  label: string;
  /** Where the type is documented: this page or another contract's (cross-link). */
  href?: string;
}

interface RpcView {
  name: string;
  id: string;
  description?: string;
  input: TypeRef;
  output: TypeRef;
  clientStreaming: boolean;
  serverStreaming: boolean;
  /** REST mappings from `google.api.http`. */
  http: HttpBinding[];
}

interface MessageView {
  name: string;
  id: string;
  description?: string;
  fields: { name: string; id: string; number: number; type: TypeRef; label?: string; description?: string; deprecated: boolean }[];
  reserved: string[];
}

interface EnumView {
  name: string;
  id: string;
  description?: string;
  values: { name: string; id: string; number: number; description?: string }[];
  reserved: string[];
}

/** Finds where a message or enum (by full name) is documented, across the registry's proto contracts. */
export type ProtoLinker = (typeName: string) => string | undefined;

export const protoTypeId = (kind: "message" | "enum", typeName: string): string => anchor(kind === "message" ? "msg" : "enum", typeName);

/**
 * An element's comments from the descriptors' source info (what protoc keeps: the comment block
 * above and the one after on the same line), without charter's own `charter:` directives.
 */
function commentOf(desc: AnyDesc & { kind: Exclude<AnyDesc["kind"], "file"> }): string | undefined {
  const file = fileOf(desc);
  const key = sourcePath(desc).join(",");
  const location = file.proto.sourceCodeInfo?.location.find((l) => l.path.join(",") === key);
  if (!location) return undefined;
  const text = [location.leadingComments, location.trailingComments]
    .filter(Boolean)
    .join("\n")
    .split("\n")
    .map((line) => line.replace(/^ /, ""))
    .filter((line) => !/^\s*charter:/.test(line))
    .join("\n");
  return renderMarkdown(text);
}

function fileOf(desc: AnyDesc): DescFile {
  if (desc.kind === "file") return desc;
  if (desc.kind === "rpc" || desc.kind === "field" || desc.kind === "enum_value" || desc.kind === "oneof") return fileOf(desc.parent);
  return desc.file;
}

const scalarName = (scalar: ScalarType): string => ScalarType[scalar].toLowerCase();

function typeOf(field: DescField, link: ProtoLinker): { type: TypeRef; label?: string } {
  const named = (desc: DescMessage | DescEnum): TypeRef => ({ label: desc.typeName, href: link(desc.typeName) });
  switch (field.fieldKind) {
    case "scalar":
      return { type: { label: scalarName(field.scalar) }, label: field.proto.proto3Optional ? "optional" : undefined };
    case "enum":
    case "message": {
      const desc = field.fieldKind === "enum" ? field.enum : field.message;
      return { type: named(desc), label: field.proto.proto3Optional ? "optional" : undefined };
    }
    case "list": {
      const item = field.listKind === "scalar" ? { label: scalarName(field.scalar) } : named(field.listKind === "enum" ? field.enum : field.message);
      return { type: item, label: "repeated" };
    }
    case "map": {
      const value = field.mapKind === "scalar" ? { label: scalarName(field.scalar) } : named(field.mapKind === "enum" ? field.enum : field.message);
      return { type: { ...value, label: `map<${scalarName(field.mapKey)}, ${value.label}>` } };
    }
  }
}

/** Reserved numbers and names; `end` is exclusive for messages and inclusive for enums, as descriptor.proto has it. */
function reservedOf(ranges: { start: number; end: number }[], names: string[], endExclusive: boolean): string[] {
  const numbers = ranges.map(({ start, end }) => {
    const last = endExclusive ? end - 1 : end;
    return last === start ? String(start) : last >= 536870911 ? `${start} to max` : `${start} to ${last}`;
  });
  return [...numbers, ...names.map((n) => `"${n}"`)];
}

export function protoView(contract: ProtoContract, link: ProtoLinker, page: string): { view: ProtoView; search: SearchEntry[] } {
  const search: SearchEntry[] = [];
  const view: ProtoView = { services: [], messages: [], enums: [] };
  const at = (id: string) => `${page}#${id}`;
  const addEnum = (e: DescEnum): void => {
    const id = protoTypeId("enum", e.typeName);
    search.push({ title: e.typeName, kind: "enum", contract: contract.id, href: at(id), description: commentOf(e) });
    view.enums.push({
      name: e.typeName,
      id,
      description: commentOf(e),
      values: e.values.map((v) => ({ name: v.name, id: anchor("field", e.typeName, v.name), number: v.number, description: commentOf(v) })),
      reserved: reservedOf(e.proto.reservedRange, e.proto.reservedName, false),
    });
  };
  const addMessage = (m: DescMessage): void => {
    // Map entries are the compiler's, not the author's: their fields show as `map<K, V>`.
    if (m.proto.options?.mapEntry) return;
    const id = protoTypeId("message", m.typeName);
    search.push({ title: m.typeName, kind: "message", contract: contract.id, href: at(id), description: commentOf(m) });
    const fields = m.fields.map((field) => {
      const fieldId = anchor("field", m.typeName, field.name);
      search.push({ title: `${m.name}.${field.name}`, kind: "field", contract: contract.id, href: at(fieldId), description: commentOf(field) });
      return { name: field.name, id: fieldId, number: field.number, ...typeOf(field, link), description: commentOf(field), deprecated: field.deprecated };
    });
    view.messages.push({ name: m.typeName, id, description: commentOf(m), fields, reserved: reservedOf(m.proto.reservedRange, m.proto.reservedName, true) });
    m.nestedMessages.forEach(addMessage);
    m.nestedEnums.forEach(addEnum);
  };
  const http = httpExtensionOf(contract.files);
  for (const file of contract.files) {
    for (const service of file.services) {
      const rpcs = service.methods.map((rpc) => {
        const id = anchor("rpc", service.typeName, rpc.name);
        search.push({ title: `${service.name}.${rpc.name}`, kind: "rpc", contract: contract.id, href: at(id), description: commentOf(rpc) });
        return {
          name: rpc.name,
          id,
          description: commentOf(rpc),
          input: { label: rpc.input.typeName, href: link(rpc.input.typeName) },
          output: { label: rpc.output.typeName, href: link(rpc.output.typeName) },
          clientStreaming: rpc.methodKind === "client_streaming" || rpc.methodKind === "bidi_streaming",
          serverStreaming: rpc.methodKind === "server_streaming" || rpc.methodKind === "bidi_streaming",
          http: httpBindingsOf(rpc, http),
        };
      });
      view.services.push({ name: service.typeName, id: anchor("svc", service.typeName), description: commentOf(service), rpcs });
    }
    file.messages.forEach(addMessage);
    file.enums.forEach(addEnum);
  }
  return { view, search };
}
