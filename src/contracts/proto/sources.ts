import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import { outlineSources } from "./change-set.js";
import type { ProtoSources } from "./compile.js";
import { moduleLayout } from "./module-layout.js";

/** The proto files of a snapshot; for a single contract file, that file and what it imports. */
export function protoSources(snapshot: Snapshot): ProtoSources {
  const files = new Map([...snapshot.files].filter(([path]) => path.endsWith(".proto")));
  const sources = { files, layout: moduleLayout(snapshot.files.get("buf.yaml"), joinPath(snapshot.base, "buf.yaml"), snapshot.files.get("buf.work.yaml")), base: snapshot.base };
  if (snapshot.contract === undefined) return sources;
  const { imports } = outlineSources(sources);
  const keep = new Set<string>();
  const visit = (path: string): void => {
    if (keep.has(path) || !files.has(path)) return;
    keep.add(path);
    imports.get(path)?.forEach(visit);
  };
  visit(snapshot.contract);
  return { ...sources, files: new Map([...files].filter(([path]) => keep.has(path))) };
}
