import type { DescEnum, DescExtension, DescField, DescMessage } from "@bufbuild/protobuf";

/** A type's name without its package (`Outer.Inner`), as buf names deleted elements. */
export function nestedName(desc: DescMessage | DescEnum | DescExtension): string {
  const pkg = desc.file.proto.package;
  return pkg ? desc.typeName.slice(pkg.length + 1) : desc.typeName;
}

/**
 * buf's description of a field: `Field "3" with name "phone" on message "UserProfile"`, or for an
 * extension `Extension "100" with name "x.ext" on message "x.M"`.
 */
export function fieldDescription(field: DescField | DescExtension, withName = true): string {
  if (field.kind === "extension") {
    const name = withName ? ` with name "${field.typeName}"` : "";
    return `Extension "${field.number}"${name} on message "${field.extendee.typeName}"`;
  }
  const name = withName ? ` with name "${field.name}"` : "";
  return `Field "${field.number}"${name} on message "${field.parent.name}"`;
}

/** Semantic key of a field: its message and number, stable across renames and line moves. */
export function fieldKey(field: DescField | DescExtension): string {
  return field.kind === "extension" ? `${field.extendee.typeName}[${field.number}]` : `${field.parent.typeName}.${field.number}`;
}
