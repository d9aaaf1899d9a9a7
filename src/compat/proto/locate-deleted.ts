import type { AnyDesc, DescEnum, DescExtension, DescField, DescFile, DescMessage } from "@bufbuild/protobuf";
import type { ProtoImage } from "../../contracts/proto/image.js";
import type { SourceLocation } from "../finding.js";
import { nestedName } from "./describe.js";

/** The kinds of named declarations buf's *_NO_DELETE rules look for, in the words of its messages. */
export type DeclKind = "message" | "enum" | "extension" | "service";

/**
 * A named declaration. `desc` is what declares it: the element itself, except for a map entry,
 * which @bufbuild/protobuf keeps out of `nestedMessages`, so its map field stands in for it.
 */
export interface Decl {
  /** The name without the package (`Outer.Inner`), as buf prints it; a service's plain name. */
  name: string;
  fullName: string;
  desc: AnyDesc;
}

/**
 * Every declaration of a kind in some files (one file, or all files of a package), by name.
 * Messages include map entries (`M.FooEntry`) and groups, as buf pairs them too.
 */
export function declarations(files: DescFile[], kind: DeclKind): Map<string, Decl> {
  const decls = new Map<string, Decl>();
  const add = (name: string, fullName: string, desc: AnyDesc): void => {
    if (!decls.has(name)) decls.set(name, { name, fullName, desc });
  };
  const addType = (desc: DescMessage | DescEnum | DescExtension): void => add(nestedName(desc), desc.typeName, desc);
  const walk = (message: DescMessage): void => {
    if (kind === "message") {
      addType(message);
      for (const field of message.fields) if (field.fieldKind === "map") addMapEntry(field);
    }
    if (kind === "enum") message.nestedEnums.forEach(addType);
    if (kind === "extension") message.nestedExtensions.forEach(addType);
    message.nestedMessages.forEach(walk);
  };
  const addMapEntry = (field: DescField): void => {
    const fullName = field.proto.typeName.slice(1);
    add(`${nestedName(field.parent)}.${fullName.slice(fullName.lastIndexOf(".") + 1)}`, fullName, field);
  };
  for (const file of files) {
    if (kind === "enum") file.enums.forEach(addType);
    if (kind === "extension") file.extensions.forEach(addType);
    if (kind === "service") file.services.forEach((service) => add(service.name, service.typeName, service));
    file.messages.forEach(walk);
  }
  return decls;
}

/**
 * Where buf reports a deleted declaration: on the nearest enclosing message that still exists
 * (`Outer` for a deleted `Outer.Inner.Gone`) among `ancestors`, else on `file` as a whole.
 * Services are never nested, so they always land on the file.
 */
export function locateDeleted(image: ProtoImage, file: DescFile, name: string, ancestors: Map<string, Decl>): SourceLocation {
  const parts = name.split(".");
  for (let i = parts.length - 1; i >= 1; i--) {
    const ancestor = ancestors.get(parts.slice(0, i).join("."));
    if (ancestor?.desc.kind === "message") return image.location(ancestor.desc) ?? image.fileLocation(file);
  }
  return image.fileLocation(file);
}
