import type { DescEnum, DescField, DescMessage } from "@bufbuild/protobuf";
import { Edition, FeatureSet_JsonFormat, FieldDescriptorProto_Label } from "@bufbuild/protobuf/wkt";
import type { ProtoImage } from "../../../contracts/proto/image.js";
import type { SourceLocation } from "../../finding.js";
import { effect } from "../../verdict.js";
import { forEachPair } from "../pairs.js";
import type { ProtoRuleDef, RuleContext } from "../rule.js";
import { lostTagRanges, MAX_ENUM_NUMBER, MAX_FIELD_NUMBER, MAX_MESSAGE_SET_NUMBER, type TagRanges } from "../tag-ranges.js";

const conditional = effect("conditional", "conditional");

type TypeDesc = DescMessage | DescEnum;
type TypeKind = TypeDesc["kind"];

/** Source paths below a message or enum: `options` and, in them, `features.json_format` etc. */
const PATHS = {
  message: { options: 7, features: 12, noStandardDescriptorAccessor: 2 },
  enum: { options: 3, features: 7 },
  jsonFormat: 6,
};

/** Calls `check` for every message (or enum) present, by full name, in both versions. */
export function forEachTypePair<K extends TypeKind>(
  ctx: RuleContext,
  kind: K,
  check: (before: Extract<TypeDesc, { kind: K }>, after: Extract<TypeDesc, { kind: K }>) => void,
): void {
  const types = (image: ProtoImage) => (kind === "message" ? image.messages : image.enums) as Map<string, Extract<TypeDesc, { kind: K }>>;
  forEachPair(types(ctx.previous), types(ctx.current), { paired: check });
}

/** Where a message or enum is declared, narrowed to `path` when the source spells it out. */
export function typeAt(image: ProtoImage, desc: TypeDesc, ...path: number[]): SourceLocation {
  return image.location(desc, ...path) ?? image.location(desc) ?? image.fileLocation(desc);
}

const capitalized = (kind: TypeKind) => (kind === "message" ? "Message" : "Enum");

/** The resolved `json_format` feature: set on the type or an enclosing one, else the file's edition default. */
function jsonFormat(desc: TypeDesc): FeatureSet_JsonFormat {
  for (let d: TypeDesc | undefined = desc; d; d = d.parent) {
    const format = d.proto.options?.features?.jsonFormat;
    if (format) return format;
  }
  const format = desc.file.proto.options?.features?.jsonFormat;
  if (format) return format;
  return desc.file.edition === Edition.EDITION_PROTO2 ? FeatureSet_JsonFormat.LEGACY_BEST_EFFORT : FeatureSet_JsonFormat.ALLOW;
}

/**
 * The map entries of a message by full name, each represented by its map field: buf pairs them
 * like any message, and protoc places an entry's source span on its field.
 */
function mapEntries(message: DescMessage): Map<string, DescField> {
  return new Map(message.fields.filter((f) => f.fieldKind === "map").map((f) => [f.proto.typeName.slice(1), f]));
}

/** A message or enum loses full JSON support (ALLOW becomes LEGACY_BEST_EFFORT). */
export function sameJsonFormat(kind: TypeKind): ProtoRuleDef {
  const { options, features } = PATHS[kind];
  return {
    id: kind === "message" ? "MESSAGE_SAME_JSON_FORMAT" : "ENUM_SAME_JSON_FORMAT",
    check(ctx) {
      forEachTypePair(ctx, kind, (before, after) => {
        const [was, now] = [jsonFormat(before), jsonFormat(after)];
        if (was !== FeatureSet_JsonFormat.ALLOW || now === FeatureSet_JsonFormat.ALLOW) return;
        const report = (name: string, element: string, at: SourceLocation | undefined, beforeAt: SourceLocation | undefined) =>
          ctx.report({
            subject: after,
            element,
            message: `${capitalized(kind)} "${name}" JSON format support changed from ${FeatureSet_JsonFormat[was]} to ${FeatureSet_JsonFormat[now]}; its JSON may no longer be produced or parsed reliably.`,
            effect: conditional,
            at,
            before: beforeAt,
          });
        report(after.name, after.typeName, typeAt(ctx.current, after, options, features, PATHS.jsonFormat), typeAt(ctx.previous, before, options, features, PATHS.jsonFormat));
        if (after.kind !== "message" || before.kind !== "message") return;
        // A map entry cannot set features, so it follows its message.
        const previousEntries = mapEntries(before);
        for (const [entry, field] of mapEntries(after)) {
          const old = previousEntries.get(entry);
          if (old) report(entry.slice(entry.lastIndexOf(".") + 1), entry, ctx.current.location(field), ctx.previous.location(old));
        }
      });
    },
  };
}

/** The reserved numbers of a message or enum, inclusive; a message's descriptor ends are exclusive. */
function reservedRanges(desc: TypeDesc): TagRanges {
  if (desc.kind === "enum") return { ranges: desc.proto.reservedRange.map(({ start, end }) => ({ start, end })), max: MAX_ENUM_NUMBER };
  return { ranges: desc.proto.reservedRange.map(({ start, end }) => ({ start, end: end - 1 })), max: maxFieldNumber(desc) };
}

function maxFieldNumber(message: DescMessage): number {
  return message.proto.options?.messageSetWireFormat ? MAX_MESSAGE_SET_NUMBER : MAX_FIELD_NUMBER;
}

/**
 * Reserved numbers and names of a message or enum must stay reserved: once released, a new
 * field or value could reuse them with a new meaning while old data still carries the old one.
 */
export function reservedNoDelete(kind: TypeKind): ProtoRuleDef {
  return {
    id: kind === "message" ? "RESERVED_MESSAGE_NO_DELETE" : "RESERVED_ENUM_NO_DELETE",
    check(ctx) {
      forEachTypePair(ctx, kind, (before, after) => {
        const element = `${kind} "${after.name}"`;
        const report = (key: string, message: string) =>
          ctx.report({
            subject: after,
            element: `${after.typeName} reserved ${key}`,
            message,
            effect: conditional,
            at: typeAt(ctx.current, after),
            before: typeAt(ctx.previous, before),
          });
        for (const lost of lostTagRanges("reserved", element, reservedRanges(before), reservedRanges(after))) {
          report(lost.range, `${lost.message}; the numbers may be reused with a new meaning.`);
        }
        for (const name of before.proto.reservedName) {
          if (after.proto.reservedName.includes(name)) continue;
          report(`"${name}"`, `Previously present reserved name "${name}" on ${element} was deleted; the name may be reused with a new meaning.`);
        }
      });
    },
  };
}

const extensionRanges = (message: DescMessage): TagRanges => ({
  ranges: message.proto.extensionRange.map(({ start, end }) => ({ start, end: end - 1 })),
  max: maxFieldNumber(message),
});

const requiredFields = (message: DescMessage): Set<number> =>
  new Set(message.proto.field.filter((f) => f.label === FieldDescriptorProto_Label.REQUIRED).map((f) => f.number));

const REQUIRED_TAIL = "Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.";

export const MESSAGE_RULES: ProtoRuleDef[] = [
  {
    id: "ONEOF_NO_DELETE",
    check(ctx) {
      forEachTypePair(ctx, "message", (before, after) => {
        const kept = new Set(after.proto.oneofDecl.map((o) => o.name));
        // `oneofs` leaves out the synthetic oneofs of proto3 `optional`, which buf ignores too.
        for (const oneof of before.oneofs) {
          if (kept.has(oneof.name)) continue;
          ctx.report({
            subject: after,
            element: `${after.typeName}.${oneof.name}`,
            message: `Previously present oneof "${oneof.name}" on message "${after.name}" was deleted; generated code that uses it breaks, and its fields no longer exclude each other.`,
            effect: conditional,
            at: typeAt(ctx.current, after),
            before: ctx.previous.location(oneof),
          });
        }
      });
    },
  },
  {
    id: "EXTENSION_MESSAGE_NO_DELETE",
    check(ctx) {
      forEachTypePair(ctx, "message", (before, after) => {
        for (const lost of lostTagRanges("extension", `message "${after.name}"`, extensionRanges(before), extensionRanges(after))) {
          ctx.report({
            subject: after,
            element: `${after.typeName} extensions ${lost.range}`,
            message: `${lost.message}; existing extensions lose their place, and the numbers may be reused with a new meaning.`,
            effect: conditional,
            at: typeAt(ctx.current, after),
            before: typeAt(ctx.previous, before),
          });
        }
      });
    },
  },
  reservedNoDelete("message"),
  {
    id: "MESSAGE_SAME_REQUIRED_FIELDS",
    check(ctx) {
      forEachTypePair(ctx, "message", (before, after) => {
        const [was, now] = [requiredFields(before), requiredFields(after)];
        for (const number of was) {
          if (now.has(number)) continue;
          // New writers may leave it out, and old readers reject the message.
          ctx.report({
            subject: after,
            element: `${after.typeName}.${number}`,
            message: `Message "${before.name}" had required field "${number}" deleted. ${REQUIRED_TAIL}`,
            effect: effect("compatible", "breaking"),
            at: typeAt(ctx.current, after),
            before: ctx.previous.location(before.fields.find((f) => f.number === number)!),
          });
        }
        for (const number of now) {
          if (was.has(number)) continue;
          // Old writers never send it, and new readers reject the message.
          const field = after.fields.find((f) => f.number === number)!;
          ctx.report({
            subject: after,
            element: `${after.typeName}.${number}`,
            message: `Message "${after.name}" had required field "${number}" added. ${REQUIRED_TAIL}`,
            effect: effect("breaking", "compatible"),
            at: ctx.current.location(field),
          });
        }
      });
    },
  },
  sameJsonFormat("message"),
  {
    id: "MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR",
    check(ctx) {
      const { options, noStandardDescriptorAccessor } = PATHS.message;
      forEachTypePair(ctx, "message", (before, after) => {
        if (before.proto.options?.noStandardDescriptorAccessor || !after.proto.options?.noStandardDescriptorAccessor) return;
        ctx.report({
          subject: after,
          element: after.typeName,
          message: `Message option "no_standard_descriptor_accessor" changed from "false" to "true"; this affects generated code only.`,
          effect: conditional,
          // buf points at the option, or at the file when the source does not spell it out.
          at: ctx.current.location(after, options, noStandardDescriptorAccessor) ?? ctx.current.fileLocation(after),
          before: typeAt(ctx.previous, before),
        });
      });
    },
  },
];
