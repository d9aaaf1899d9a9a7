import {
  createFileRegistry, fromBinary,
  type AnyDesc, type DescEnum, type DescExtension, type DescFile, type DescMessage, type DescService, type FileRegistry,
} from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { SourceLocation } from "../../compat/finding.js";
import { registryPath, type ProtoSources } from "./compile.js";

/** One compiled version of a registry's protos, indexed the ways the rules pair elements. */
export interface ProtoImage {
  registry: FileRegistry;
  /** The registry's own files by import path; imports from elsewhere (well-known types) are left out. */
  files: Map<string, DescFile>;
  messages: Map<string, DescMessage>;
  enums: Map<string, DescEnum>;
  services: Map<string, DescService>;
  extensions: Map<string, DescExtension>;
  packages: Map<string, DescFile[]>;
  /**
   * Where an element is declared, narrowed to a sub-path if given (e.g. [3] for a field's number).
   * Exact, as buf's locations are: undefined when the source has no span for that path.
   */
  location(desc: AnyDesc, ...subPath: number[]): SourceLocation | undefined;
  /** The file of an element as a whole (line 1, column 1), for findings buf reports on a file. */
  fileLocation(desc: AnyDesc): SourceLocation;
}

export function loadImage(bytes: Uint8Array, sources: Pick<ProtoSources, "files" | "layout">): ProtoImage {
  const set = fromBinary(FileDescriptorSetSchema, bytes);
  const registry = createFileRegistry(set);
  const image: ProtoImage = {
    registry,
    files: new Map(),
    messages: new Map(),
    enums: new Map(),
    services: new Map(),
    extensions: new Map(),
    packages: new Map(),
    location: (desc, ...subPath) => locate(desc, subPath, registryPathOf),
    fileLocation: (desc) => ({ file: registryPathOf(fileOf(desc)), line: 1, column: 1 }),
  };
  const pathByFile = new Map<string, string>();
  const registryPathOf = (file: DescFile): string => pathByFile.get(file.proto.name) ?? file.proto.name;
  for (const fileProto of set.file) {
    const path = registryPath(fileProto.name, sources);
    if (!sources.files.has(path)) continue;
    const file = registry.getFile(fileProto.name)!;
    pathByFile.set(file.proto.name, path);
    image.files.set(file.proto.name, file);
    const pkg = image.packages.get(file.proto.package) ?? [];
    pkg.push(file);
    image.packages.set(file.proto.package, pkg);
    for (const service of file.services) image.services.set(service.typeName, service);
    for (const ext of file.extensions) image.extensions.set(ext.typeName, ext);
    for (const e of file.enums) image.enums.set(e.typeName, e);
    const addMessage = (message: DescMessage): void => {
      image.messages.set(message.typeName, message);
      for (const e of message.nestedEnums) image.enums.set(e.typeName, e);
      for (const ext of message.nestedExtensions) image.extensions.set(ext.typeName, ext);
      message.nestedMessages.forEach(addMessage);
    };
    file.messages.forEach(addMessage);
  }
  return image;
}

const pathCache = new WeakMap<object, number[]>();

/** The SourceCodeInfo path of an element in its file (descriptor.proto's field numbers). */
export function sourcePath(desc: AnyDesc): number[] {
  if (desc.kind === "file") return [];
  const cached = pathCache.get(desc);
  if (cached) return cached;
  let path: number[];
  switch (desc.kind) {
    case "message":
      path = desc.parent
        ? [...sourcePath(desc.parent), 3, desc.parent.proto.nestedType.indexOf(desc.proto)]
        : [4, desc.file.proto.messageType.indexOf(desc.proto)];
      break;
    case "enum":
      path = desc.parent
        ? [...sourcePath(desc.parent), 4, desc.parent.proto.enumType.indexOf(desc.proto)]
        : [5, desc.file.proto.enumType.indexOf(desc.proto)];
      break;
    case "extension":
      path = desc.parent
        ? [...sourcePath(desc.parent), 6, desc.parent.proto.extension.indexOf(desc.proto)]
        : [7, desc.file.proto.extension.indexOf(desc.proto)];
      break;
    case "service":
      path = [6, desc.file.proto.service.indexOf(desc.proto)];
      break;
    case "rpc":
      path = [...sourcePath(desc.parent), 2, desc.parent.proto.method.indexOf(desc.proto)];
      break;
    case "field":
      path = [...sourcePath(desc.parent), 2, desc.parent.proto.field.indexOf(desc.proto)];
      break;
    case "oneof":
      path = [...sourcePath(desc.parent), 8, desc.parent.proto.oneofDecl.indexOf(desc.proto)];
      break;
    case "enum_value":
      path = [...sourcePath(desc.parent), 2, desc.parent.proto.value.indexOf(desc.proto)];
      break;
  }
  pathCache.set(desc, path);
  return path;
}

export function fileOf(desc: AnyDesc): DescFile {
  switch (desc.kind) {
    case "file":
      return desc;
    case "rpc":
    case "field":
    case "oneof":
    case "enum_value":
      return fileOf(desc.parent);
    default:
      return desc.file;
  }
}

const spansByFile = new WeakMap<DescFile, Map<string, number[]>>();

function spans(file: DescFile): Map<string, number[]> {
  let map = spansByFile.get(file);
  if (!map) {
    map = new Map();
    for (const loc of file.proto.sourceCodeInfo?.location ?? []) {
      const key = loc.path.join(",");
      if (!map.has(key)) map.set(key, loc.span);
    }
    spansByFile.set(file, map);
  }
  return map;
}

function locate(desc: AnyDesc, subPath: number[], registryPathOf: (file: DescFile) => string): SourceLocation | undefined {
  const file = fileOf(desc);
  const span = spans(file).get([...sourcePath(desc), ...subPath].join(","));
  return span && { file: registryPathOf(file), line: span[0] + 1, column: span[1] + 1 };
}
