import type { DescriptorProto, FieldDescriptorProto } from "@bufbuild/protobuf/wkt";
import { FieldDescriptorProto_Label as Label, FieldDescriptorProto_Type as Type } from "@bufbuild/protobuf/wkt";
import type { ProtoImage } from "../../contracts/proto/image.js";
import { messageNodes } from "./field-model.js";

/** How alike two message types are, as the bytes each side writes show it (ARCHITECTURE.md, "The compatibility model"). */
export type Likeness = "same" | "wire" | "different";

/** Well-known types have their own JSON mapping, so only the same name gives the same JSON. */
const specialJson = (name: string) => name.startsWith("google.protobuf.");

const isRepeated = (field: FieldDescriptorProto) => field.label === Label.REPEATED;

/**
 * Compares two message types field by field (numbers, kinds, repetition, nested types), the way a
 * reader decodes them, rather than by name: a message renamed with the same fields is the same
 * encoding, and a map's entry is the same binary as a repeated message with the same key and value.
 * JSON also needs the same field names, map-ness and enum value names.
 */
export function messageLikeness(previous: ProtoImage, before: string, current: ProtoImage, after: string): Likeness {
  // Imported types (well-known types among them) are not nodes of the image, but are in its registry.
  const lookup = (image: ProtoImage) => {
    const nodes = messageNodes(image);
    return (name: string): { proto: DescriptorProto; entry: boolean } | undefined => {
      const node = nodes.get(name);
      if (node) return node;
      const message = image.registry.getMessage(name);
      return message && { proto: message.proto, entry: false };
    };
  };
  const oldMessage = lookup(previous);
  const newMessage = lookup(current);
  const oldEnums = (name: string) => previous.registry.getEnum(name);
  const newEnums = (name: string) => current.registry.getEnum(name);
  // A pair already under comparison is assumed alike: recursive types compare by their other fields.
  const visiting = new Map<string, Likeness>();

  const compareMessages = (a: string, b: string): Likeness => {
    const key = `${a}\0${b}`;
    const known = visiting.get(key);
    if (known) return known;
    visiting.set(key, "same");
    const x = oldMessage(a);
    const y = newMessage(b);
    let result: Likeness = x && y ? compareFields(x.proto, y.proto) : "different";
    if (result === "same" && (x!.entry !== y!.entry || ((specialJson(a) || specialJson(b)) && a !== b))) result = "wire";
    visiting.set(key, result);
    return result;
  };

  const compareFields = (x: DescriptorProto, y: DescriptorProto): Likeness => {
    if (x.field.length !== y.field.length) return "different";
    let result: Likeness = "same";
    for (const f of x.field) {
      const g = y.field.find((h) => h.number === f.number);
      if (!g || f.type !== g.type || isRepeated(f) !== isRepeated(g)) return "different";
      if (f.jsonName !== g.jsonName || f.name !== g.name) result = "wire";
      const [a, b] = [f.typeName.replace(/^\./, ""), g.typeName.replace(/^\./, "")];
      if (f.type === Type.MESSAGE || f.type === Type.GROUP) {
        const nested = compareMessages(a, b);
        if (nested === "different") return "different";
        if (nested === "wire") result = "wire";
      } else if (f.type === Type.ENUM && a !== b) {
        // Enums are varints on the wire; JSON writes their value names.
        const names = (values: { name: string; number: number }[] | undefined) => (values ?? []).map((v) => `${v.number}=${v.name}`).sort().join(",");
        if (names(oldEnums(a)?.values) !== names(newEnums(b)?.values)) result = "wire";
      }
    }
    return result;
  };

  return compareMessages(before, after);
}
