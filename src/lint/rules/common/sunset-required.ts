import type { AnyDesc } from "@bufbuild/protobuf";
import { child } from "../../../contracts/schema-pointer.js";
import { SUNSET_KEY, sunsetOf } from "../../../contracts/extensions/lifecycle.js";
import type { ProtoContract } from "../../../contracts/contract.js";
import { defineRule } from "../../rule.js";
import { protoElements } from "../../helpers/proto.js";
import { eachObject } from "../../helpers/yaml.js";

/** In proto, where no extension key exists without a custom option: `// charter:sunset 2027-01-31`. */
const PROTO_SUNSET = /^charter:sunset\s+(\S+)/;

/** Every deprecated element of a package with its full name. */
function deprecatedProto(contract: ProtoContract): { desc: AnyDesc; element: string }[] {
  const { messages, enums, services } = protoElements(contract);
  const all: { desc: AnyDesc & { deprecated: boolean }; element: string }[] = [
    ...messages.flatMap((m) => [{ desc: m, element: m.typeName }, ...m.fields.map((f) => ({ desc: f, element: `${m.typeName}.${f.name}` }))]),
    ...enums.flatMap((e) => [{ desc: e, element: e.typeName }, ...e.values.map((v) => ({ desc: v, element: `${e.typeName}.${v.name}` }))]),
    ...services.flatMap((s) => [{ desc: s, element: s.typeName }, ...s.methods.map((m) => ({ desc: m, element: `${s.typeName}.${m.name}` }))]),
  ];
  return all.filter((e) => e.desc.deprecated);
}

/** What is wrong with a sunset date, if anything: missing, malformed, or already past. */
function sunsetProblem(date: unknown, today: Date): string | undefined {
  const sunset = sunsetOf({ [SUNSET_KEY]: date });
  if (!sunset) return "names no sunset date";
  if ("invalid" in sunset) return `has a sunset date ${JSON.stringify(sunset.invalid)} that is not YYYY-MM-DD`;
  const day = sunset.date.toISOString().slice(0, 10);
  // The element may live through its sunset day.
  if (new Date(`${day}T23:59:59Z`) < today) return `was to be removed on ${day}, which has passed`;
  return undefined;
}

export default defineRule({
  id: "sunset-required",
  check({ contract, today, report }) {
    if (contract.kind === "proto") {
      for (const { desc, element } of deprecatedProto(contract)) {
        const date = contract.comments(desc).map((c) => PROTO_SUNSET.exec(c)?.[1]).find(Boolean);
        const problem = sunsetProblem(date, today);
        if (problem) report({ message: `Deprecated ${element} ${problem} (// charter:sunset YYYY-MM-DD).`, element, place: { desc } });
      }
      return;
    }
    eachObject(contract.document.root, contract.document.file, ({ value, at }) => {
      if (value.deprecated !== true) return;
      const problem = sunsetProblem(value[SUNSET_KEY], today);
      // The pointer is the element's only name that holds for every kind of deprecated element.
      if (problem) report({ message: `Deprecated element ${at.pointer} ${problem} (${SUNSET_KEY}).`, element: at.pointer, place: { at: SUNSET_KEY in value ? child(at, SUNSET_KEY) : at } });
    });
  },
});
