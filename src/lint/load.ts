import type { DescFile } from "@bufbuild/protobuf";
import { loadAsyncApi, looksLikeAsyncApi } from "../contracts/asyncapi/document.js";
import { validateAsyncApi } from "../contracts/asyncapi/validate.js";
import { JSON_SCHEMA_FILE, loadJsonSchema } from "../contracts/jsonschema/document.js";
import { loadOpenApi, looksLikeOpenApi } from "../contracts/openapi/document.js";
import { createSchemaSource } from "../contracts/schema-source.js";
import { modelOf } from "../compat/asyncapi/model.js";
import { joinPath, type Snapshot } from "../registry/snapshot.js";
import type { YamlSource } from "../registry/yaml-source.js";
import { bufLintConfigs } from "./helpers/proto-buf-config.js";
import { commentsAt } from "./helpers/proto-comments.js";
import { protoLocation } from "./helpers/proto-location.js";
import type { LintContract, ProtoContract } from "./rule.js";

/**
 * Every contract of one registry version, loaded for the rules: protos compiled once, as a whole
 * (so imports across packages resolve), YAML/JSON documents parsed with positions, their `$ref`s
 * followed and validated as `charter breaking` validates them. A single contract file yields that contract alone.
 */
export async function loadContracts(snapshot: Snapshot, options: { validate?: boolean } = {}): Promise<LintContract[]> {
  const contracts: LintContract[] = [];
  const only = (path: string) => snapshot.contract === undefined || snapshot.contract === path;
  if ([...snapshot.files.keys()].some((path) => path.endsWith(".proto"))) contracts.push(...(await protoContracts(snapshot)).filter((c) => c.files.some((f) => only(c.image.fileLocation(f).file))));
  const parsed = new Map<string, YamlSource>();
  const schemas = createSchemaSource(snapshot.files, snapshot.base, parsed);
  const display = (file: string) => joinPath(snapshot.base, file);
  for (const [path, text] of [...snapshot.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!only(path) || !/\.(ya?ml|json)$/.test(path)) continue;
    if (looksLikeOpenApi(text)) {
      const document = loadOpenApi(path, text, display(path));
      parsed.set(path, document.source);
      schemas.checkRefs(path);
      contracts.push({ kind: "openapi", id: document.id, path, api: true, document, schemas });
    } else if (looksLikeAsyncApi(text)) {
      const document = loadAsyncApi(path, text, display(path));
      parsed.set(path, document.source);
      schemas.checkRefs(path);
      // The AsyncAPI parser costs ~0.4 s a document: the docs site, which reads rather than gates, skips it.
      if (options.validate !== false) await validateAsyncApi(document, snapshot.files, display);
      const model = modelOf({ document, schemas });
      contracts.push({ kind: "asyncapi", id: document.id, path, api: false, document, schemas, model });
    } else if (JSON_SCHEMA_FILE.test(path)) {
      const document = loadJsonSchema(path, text, display(path));
      if (!document) continue;
      parsed.set(path, document.source);
      schemas.checkRefs(path);
      contracts.push({ kind: "jsonschema", id: document.id, path, api: false, document, schemas });
    }
  }
  return contracts;
}

/** One contract per package (a file without one is a contract of its own), from one build of every proto file. */
async function protoContracts(snapshot: Snapshot): Promise<ProtoContract[]> {
  // Loaded only for registries that hold protos: the proto machinery costs start-up time.
  const { protoSources } = await import("../compat/proto/check.js");
  const { compileProto } = await import("../contracts/proto/compile.js");
  const { loadImage } = await import("../contracts/proto/image.js");
  // All files, not only a single contract's import closure: lint reads the whole registry.
  const sources = protoSources({ ...snapshot, contract: undefined });
  const image = loadImage(await compileProto(sources), sources);
  const pathOf = (file: DescFile) => image.fileLocation(file).file;
  const bufLint = bufLintConfigs(snapshot.files, snapshot.base);
  const byId = new Map<string, DescFile[]>();
  for (const file of [...image.files.values()].sort((a, b) => pathOf(a).localeCompare(pathOf(b)))) {
    const id = file.proto.package || pathOf(file);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  const comments = (desc: Parameters<ProtoContract["comments"]>[0]): string[] => {
    const at = protoLocation(image, desc);
    return commentsAt(snapshot.files.get(at.file) ?? "", at.line);
  };
  return [...byId].map(([id, files]) => ({
    kind: "proto",
    id,
    path: pathOf(files[0]),
    api: files.some((f) => f.services.length > 0),
    files,
    image,
    comments,
    sources: files.map((f) => ({ path: pathOf(f), text: snapshot.files.get(pathOf(f)) ?? "" })),
    bufLint,
  }));
}
