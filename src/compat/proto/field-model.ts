import {
  getExtension, hasExtension, isFieldSet,
  type AnyDesc, type DescExtension, type DescField, type DescFile, type DescMessage,
} from "@bufbuild/protobuf";
import { protoCamelCase } from "@bufbuild/protobuf/reflect";
import {
  Edition, FeatureSet_FieldPresence as Presence, FeatureSet_MessageEncoding as Encoding,
  FeatureSet_Utf8Validation as Utf8, FieldDescriptorProto_Label as Label, FieldDescriptorProto_Type as Type,
  FieldDescriptorProtoSchema,
  type DescriptorProto, type FeatureSet, type FieldDescriptorProto,
} from "@bufbuild/protobuf/wkt";
import { sourcePath, type ProtoImage } from "../../contracts/proto/image.js";
import type { SourceLocation } from "../finding.js";
import type { RuleContext } from "./rule.js";

/**
 * A message as buf pairs it: a declared message, or a synthetic map entry (`M.FooEntry`), which
 * @bufbuild/protobuf does not list but buf compares like any other message.
 */
export interface MessageNode {
  image: ProtoImage;
  proto: DescriptorProto;
  fullName: string;
  /** The declared message itself, or for a map entry the message declaring the map field. */
  owner: DescMessage;
  /** For a map entry: the map field that declares it. */
  mapField?: DescField;
  entry: boolean;
}

/** One side of a field pair: a message field, a map entry's key or value, or an extension. */
export interface FieldSide {
  image: ProtoImage;
  proto: FieldDescriptorProto;
  file: DescFile;
  /** The message holding the field; undefined for an extension. */
  message?: MessageNode;
  extension?: DescExtension;
  /** Who writes the field's data, for verdicts: the field, its map field, or the extension. */
  subject: AnyDesc;
  /** Stable key, as `fieldKey` builds it: `pkg.Msg.3`, `pkg.Msg.FooEntry.2`, `pkg.Ext[100]`. */
  key: string;
  isMap: boolean;
  /** Options from the field outwards (field, messages, file), where features are resolved. */
  scopes: { features?: FeatureSet }[];
  /** The field's declaration in the source info; a map entry's fields have none of their own. */
  declaration?: AnyDesc;
}

const memo = new WeakMap<ProtoImage, Map<string, MessageNode>>();

/** Every message of an image by full name, map entries included. */
export function messageNodes(image: ProtoImage): Map<string, MessageNode> {
  let nodes = memo.get(image);
  if (nodes) return nodes;
  nodes = new Map();
  for (const message of image.messages.values()) {
    nodes.set(message.typeName, { image, proto: message.proto, fullName: message.typeName, owner: message, entry: false });
    for (const nested of message.proto.nestedType) {
      if (!nested.options?.mapEntry) continue;
      const fullName = `${message.typeName}.${nested.name}`;
      const mapField = message.fields.find((f) => f.proto.typeName === `.${fullName}`);
      nodes.set(fullName, { image, proto: nested, fullName, owner: message, mapField, entry: true });
    }
  }
  memo.set(image, nodes);
  return nodes;
}

/** The fields of a message by number, as buf pairs them. */
export function fieldsOf(node: MessageNode): Map<number, FieldSide> {
  const fields = new Map<number, FieldSide>();
  const scopes = [...(node.entry ? [node.proto.options ?? {}] : []), ...messageScopes(node.owner)];
  for (const proto of node.proto.field) {
    const declared = node.entry ? undefined : node.owner.fields.find((f) => f.proto === proto);
    fields.set(proto.number, {
      image: node.image,
      proto,
      file: node.owner.file,
      message: node,
      // A map entry's key and value are written as part of the map field that declares the entry.
      subject: declared ?? node.mapField ?? node.owner,
      key: `${node.fullName}.${proto.number}`,
      isMap: declared?.fieldKind === "map",
      scopes: [proto.options ?? {}, ...scopes],
      declaration: declared,
    });
  }
  return fields;
}

function extensionSide(image: ProtoImage, ext: DescExtension): FieldSide {
  return {
    image,
    proto: ext.proto,
    file: ext.file,
    extension: ext,
    subject: ext,
    key: `${ext.extendee.typeName}[${ext.number}]`,
    isMap: false,
    scopes: [ext.proto.options ?? {}, ...(ext.parent ? messageScopes(ext.parent) : [ext.file.proto.options ?? {}])],
    declaration: ext,
  };
}

function messageScopes(message: DescMessage): { features?: FeatureSet }[] {
  const scopes: { features?: FeatureSet }[] = [];
  for (let m: DescMessage | undefined = message; m; m = m.parent) scopes.push(m.proto.options ?? {});
  scopes.push(message.file.proto.options ?? {});
  return scopes;
}

export interface FieldPair {
  previous: FieldSide;
  current: FieldSide;
}

const pairMemo = new WeakMap<ProtoImage, WeakMap<ProtoImage, FieldPair[]>>();

/**
 * buf's FieldPair: fields of messages paired by full name (map entries included), by number;
 * then extensions paired by extendee and number, wherever they are declared.
 */
export function fieldPairs(ctx: RuleContext): FieldPair[] {
  const cached = pairMemo.get(ctx.previous)?.get(ctx.current);
  if (cached) return cached;
  const pairs: FieldPair[] = [];
  const currentNodes = messageNodes(ctx.current);
  for (const [name, node] of messageNodes(ctx.previous)) {
    const after = currentNodes.get(name);
    if (!after) continue;
    const currentFields = fieldsOf(after);
    for (const [number, previous] of fieldsOf(node)) {
      const current = currentFields.get(number);
      if (current) pairs.push({ previous, current });
    }
  }
  const extensionKey = (ext: DescExtension) => `${ext.extendee.typeName}[${ext.number}]`;
  const currentExtensions = new Map([...ctx.current.extensions.values()].map((ext) => [extensionKey(ext), ext]));
  for (const ext of ctx.previous.extensions.values()) {
    const after = currentExtensions.get(extensionKey(ext));
    if (after) pairs.push({ previous: extensionSide(ctx.previous, ext), current: extensionSide(ctx.current, after) });
  }
  if (!pairMemo.has(ctx.previous)) pairMemo.set(ctx.previous, new WeakMap());
  pairMemo.get(ctx.previous)!.set(ctx.current, pairs);
  return pairs;
}

/** buf's `fieldDescription`: `Field "3" with name "x" on message "M"` / `Extension "100" with name "p.x" on message "p.M"`. */
export function describeField(side: FieldSide, withName = true): string {
  if (side.extension) {
    const name = withName ? ` with name "${side.extension.typeName}"` : "";
    return `Extension "${side.proto.number}"${name} on message "${side.extension.extendee.typeName}"`;
  }
  const name = withName ? ` with name "${side.proto.name}"` : "";
  return `Field "${side.proto.number}"${name} on message "${side.message!.proto.name}"`;
}

/**
 * The field's own source location, or a part of it (e.g. [5] for its type). Exact, like buf's.
 * A map entry's key and value are located, whatever the part, at the `map<…>` type of the map field.
 */
export function fieldLocation(side: FieldSide, ...sub: number[]): SourceLocation | undefined {
  if (side.declaration) return side.image.location(side.declaration, ...sub);
  const mapField = side.message?.mapField;
  return mapField && side.image.location(mapField, 6);
}

/** The file-level location buf falls back to when a path has no source span. */
export function fileLevel(side: FieldSide): SourceLocation {
  return side.image.fileLocation(side.file);
}

/**
 * buf's lookup for custom-feature options (`features.(pb.cpp).string_type`): the longest source
 * path that is an ancestor of `sub` and at least `minDepth` long within it, else its first descendant.
 */
export function fuzzyFieldLocation(side: FieldSide, sub: number[], minDepth: number): SourceLocation | undefined {
  if (!side.declaration) return undefined;
  const base = sourcePath(side.declaration);
  const target = [...base, ...sub];
  const locations = side.file.proto.sourceCodeInfo?.location ?? [];
  const startsWith = (path: number[], prefix: number[]) => prefix.every((n, i) => path[i] === n);
  let best: (typeof locations)[number] | undefined;
  for (const loc of locations) {
    if (loc.path.length >= base.length + minDepth && startsWith(target, loc.path) && loc.path.length > (best?.path.length ?? 0)) best = loc;
  }
  best ??= locations.find((loc) => loc.path.length > target.length && startsWith(loc.path, target));
  return best && { file: fileLevel(side).file, line: best.span[0] + 1, column: best.span[1] + 1 };
}

/** A message's own location (for a map entry, the `map<…>` type that declares it). */
export function messageLocation(node: MessageNode): SourceLocation | undefined {
  return node.mapField ? node.image.location(node.mapField, 6) : node.image.location(node.owner);
}

type FeatureName = "fieldPresence" | "utf8Validation" | "messageEncoding";

/** Edition defaults of the features the field rules read (descriptor.proto's feature defaults). */
function featureDefault(name: FeatureName, edition: Edition): number {
  switch (name) {
    case "fieldPresence":
      return edition === Edition.EDITION_PROTO3 ? Presence.IMPLICIT : Presence.EXPLICIT;
    case "utf8Validation":
      return edition === Edition.EDITION_PROTO2 ? Utf8.NONE : Utf8.VERIFY;
    case "messageEncoding":
      return Encoding.LENGTH_PREFIXED;
  }
}

/**
 * A feature resolved from the field outwards. Unlike @bufbuild/protobuf's own resolution, this
 * also works for map entry fields, which inherit from the entry, not from the map field (as buf sees it).
 */
export function feature(side: FieldSide, name: FeatureName): number {
  for (const scope of side.scopes) {
    const value = scope.features?.[name];
    if (value) return value;
  }
  return featureDefault(name, side.file.edition as Edition);
}

/**
 * A language feature (a FeatureSet extension such as `(pb.cpp).string_type`) resolved from the
 * field outwards; undefined when no scope sets it (or the feature's file is not imported).
 */
export function customFeature(side: FieldSide, extension: string, field: string): number | undefined {
  const ext = side.image.registry.getExtension(extension);
  if (!ext) return undefined;
  for (const scope of side.scopes) {
    if (!scope.features || !hasExtension(scope.features, ext)) continue;
    const value = (getExtension(scope.features, ext) as unknown as Record<string, unknown>)[field];
    if (typeof value === "number" && value !== 0) return value;
  }
  return undefined;
}

/** protoreflect's Kind: the declared type, except that a DELIMITED message field is a group. */
export function kind(side: FieldSide): Type {
  const type = side.proto.type;
  if (type === Type.MESSAGE && !side.isMap && !side.message?.entry && feature(side, "messageEncoding") === Encoding.DELIMITED) return Type.GROUP;
  return type;
}

/** buf's name of a kind: `int32`, `message`, or for an editions group `message (delimited encoding)`. */
export function kindName(side: FieldSide): string {
  const k = kind(side);
  if (k === Type.GROUP && side.file.edition !== Edition.EDITION_PROTO2) return "message (delimited encoding)";
  return Type[k].toLowerCase();
}

/** The referenced type's full name without the leading dot (`a.One`). */
export function typeName(side: FieldSide): string {
  return side.proto.typeName.replace(/^\./, "");
}

export type Cardinality = "repeated" | "map" | "required" | "optional with explicit presence" | "optional with implicit presence";

/** buf's cardinality (cardinality.go). */
export function cardinality(side: FieldSide): Cardinality {
  const { proto } = side;
  if (proto.label === Label.REPEATED) return side.isMap ? "map" : "repeated";
  if (proto.label === Label.REQUIRED || feature(side, "fieldPresence") === Presence.LEGACY_REQUIRED) return "required";
  const explicit =
    side.extension !== undefined ||
    isFieldSet(proto, FieldDescriptorProtoSchema.field.oneofIndex) ||
    proto.type === Type.MESSAGE ||
    proto.type === Type.GROUP ||
    feature(side, "fieldPresence") !== Presence.IMPLICIT;
  return explicit ? "optional with explicit presence" : "optional with implicit presence";
}

/** The oneof a field is declared in; synthetic oneofs (proto3 `optional`) count as none. */
export function oneofName(side: FieldSide): string | undefined {
  const { proto, message } = side;
  if (!message || proto.proto3Optional || !isFieldSet(proto, FieldDescriptorProtoSchema.field.oneofIndex)) return undefined;
  return message.proto.oneofDecl[proto.oneofIndex]?.name;
}

/** The JSON name, as buf images always populate it (protoc's camelCase when not written). */
export function jsonName(side: FieldSide): string {
  return isFieldSet(side.proto, FieldDescriptorProtoSchema.field.jsonName) ? side.proto.jsonName : protoCamelCase(side.proto.name);
}
