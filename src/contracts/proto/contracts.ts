import type { DescFile } from "@bufbuild/protobuf";
import { protoSources } from "./sources.js";
import { bufLintConfigs } from "../../lint/helpers/proto-buf-config.js";
import { commentsAt } from "./comments.js";
import { protoLocation } from "./location.js";
import type { Snapshot } from "../../registry/snapshot.js";
import type { ProtoContract } from "../contract.js";
import { compileProto } from "./compile.js";
import { loadImage } from "./image.js";

/**
 * One contract per package (a file without one is a contract of its own), from one build of every
 * proto file of the snapshot (so imports across packages resolve), not only a single contract's
 * import closure: lint, docs and generate read the whole registry.
 */
export async function protoContracts(snapshot: Snapshot): Promise<ProtoContract[]> {
  const sources = protoSources({ ...snapshot, contract: undefined });
  if (sources.files.size === 0) return [];
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
  const only = (files: DescFile[]) => snapshot.contract === undefined || files.some((f) => pathOf(f) === snapshot.contract);
  return [...byId].filter(([, files]) => only(files)).map(([id, files]) => ({
    kind: "proto",
    id,
    path: pathOf(files[0]),
    api: files.some((f) => f.services.length > 0),
    violations: [],
    files,
    image,
    comments,
    sources: files.map((f) => ({ path: pathOf(f), text: snapshot.files.get(pathOf(f)) ?? "" })),
    bufLint,
  }));
}
