import type { DescFile } from "@bufbuild/protobuf";
import { defineRule } from "../../rule.js";
import { FILE_DEPENDENCY } from "../../helpers/proto-walk.js";

/** Full names a file refers to: field types, extendees, RPC types, and the extensions its options set. */
function referenced(file: DescFile): Set<string> {
  const names = new Set<string>();
  const add = (name: string) => names.add(name.replace(/^\./, ""));
  const options = (o: { $unknown?: { no: number }[] } | undefined, extendee: string) => {
    for (const u of o?.$unknown ?? []) add(`${extendee}[${u.no}]`);
  };
  const visitMessage = (m: DescFile["proto"]["messageType"][number]): void => {
    options(m.options, "google.protobuf.MessageOptions");
    for (const f of [...m.field, ...m.extension]) {
      add(f.typeName);
      if (f.extendee) add(f.extendee);
      options(f.options, "google.protobuf.FieldOptions");
    }
    for (const o of m.oneofDecl) options(o.options, "google.protobuf.OneofOptions");
    for (const e of m.enumType) visitEnum(e);
    m.nestedType.forEach(visitMessage);
  };
  const visitEnum = (e: DescFile["proto"]["enumType"][number]): void => {
    options(e.options, "google.protobuf.EnumOptions");
    for (const v of e.value) options(v.options, "google.protobuf.EnumValueOptions");
  };
  options(file.proto.options, "google.protobuf.FileOptions");
  file.proto.messageType.forEach(visitMessage);
  file.proto.enumType.forEach(visitEnum);
  for (const f of file.proto.extension) {
    add(f.typeName);
    add(f.extendee);
    options(f.options, "google.protobuf.FieldOptions");
  }
  for (const s of file.proto.service) {
    options(s.options, "google.protobuf.ServiceOptions");
    for (const m of s.method) {
      add(m.inputType);
      add(m.outputType);
      options(m.options, "google.protobuf.MethodOptions");
    }
  }
  return names;
}

/** What a file declares, by the names `referenced` uses: types by full name, extensions by extendee and number. */
function declared(file: DescFile): Set<string> {
  const names = new Set<string>();
  const visit = (prefix: string, m: DescFile["proto"]["messageType"][number]): void => {
    const name = `${prefix}${m.name}`;
    names.add(name);
    for (const e of m.enumType) names.add(`${name}.${e.name}`);
    for (const x of m.extension) names.add(`${x.extendee.replace(/^\./, "")}[${x.number}]`);
    for (const n of m.nestedType) visit(`${name}.`, n);
  };
  const prefix = file.proto.package ? `${file.proto.package}.` : "";
  file.proto.messageType.forEach((m) => visit(prefix, m));
  for (const e of file.proto.enumType) names.add(`${prefix}${e.name}`);
  for (const x of file.proto.extension) names.add(`${x.extendee.replace(/^\./, "")}[${x.number}]`);
  return names;
}

export default defineRule({
  id: "IMPORT_USED",
  check({ contract, report }) {
    for (const file of contract.files) {
      const uses = referenced(file);
      file.proto.dependency.forEach((path, index) => {
        // Public imports re-export: their use is their importers' business.
        if (file.proto.publicDependency.includes(index)) return;
        const dep = contract.image.registry.getFile(path);
        if (!dep) return;
        const provides = [dep, ...dep.proto.publicDependency.map((i) => contract.image.registry.getFile(dep.proto.dependency[i])).filter((f) => f !== undefined)];
        if (provides.some((f) => [...declared(f)].some((name) => uses.has(name)))) return;
        report({ message: `Import "${path}" is unused.`, element: `${file.proto.name}:${path}`, place: { desc: file, subPath: [FILE_DEPENDENCY, index] } });
      });
    }
  },
});
