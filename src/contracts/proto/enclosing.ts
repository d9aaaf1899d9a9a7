import type { AnyDesc, DescEnum, DescExtension, DescMessage, DescService } from "@bufbuild/protobuf";

/**
 * A proto element and the elements around it, innermost first, up to its file: an ignore comment
 * on a message covers what it declares.
 */
export function enclosing(desc: AnyDesc): AnyDesc[] {
  const chain: AnyDesc[] = [desc];
  for (let at: AnyDesc = desc; at.kind !== "file"; ) {
    // Only top-level messages, enums, extensions and services lack a parent; all of them have a file.
    at = "parent" in at && at.parent ? at.parent : (at as DescMessage | DescEnum | DescExtension | DescService).file;
    chain.push(at);
  }
  return chain;
}
