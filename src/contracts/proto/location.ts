import type { AnyDesc } from "@bufbuild/protobuf";
import type { SourceLocation } from "../../compat/finding.js";
import type { ProtoImage } from "./image.js";

/** FileDescriptorProto's `package` field: a file's findings point at its package statement, as buf's do. */
const PACKAGE_FIELD = 2;

/** Where a proto element (narrowed by a sub-path) is declared; the file's first line when the source has no span. */
export function protoLocation(image: ProtoImage, desc: AnyDesc, subPath: number[] = []): SourceLocation {
  const path = desc.kind === "file" && subPath.length === 0 ? [PACKAGE_FIELD] : subPath;
  return image.location(desc, ...path) ?? image.location(desc) ?? image.fileLocation(desc);
}
