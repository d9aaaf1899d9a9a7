import type { DescEnum, DescMessage } from "@bufbuild/protobuf";
import { effect } from "../../verdict.js";
import { fieldDescription, fieldKey } from "../describe.js";
import { byKey, forEachPair } from "../pairs.js";
import type { ProtoRuleDef, RuleContext } from "../rule.js";

/**
 * charter's own rules: what buf does not check because it only looks for breakage, but a
 * two-way verdict needs (additions are forward risks), and reuse of what was reserved.
 * They run whatever buf.yaml selects; their ids are kebab-case.
 */

const isMapEntry = (message: DescMessage): boolean => message.proto.options?.mapEntry === true;

function forEachMessagePair(ctx: RuleContext, paired: (before: DescMessage, after: DescMessage) => void): void {
  forEachPair(ctx.previous.messages, ctx.current.messages, { paired: (b, a) => !isMapEntry(a) && paired(b, a) });
}

function isRequired(field: { proto: { label?: number }; presence?: number }): boolean {
  // LABEL_REQUIRED is 2; editions' LEGACY_REQUIRED presence is 3.
  return field.proto.label === 2 || field.presence === 3;
}

/** The zero value that lets old readers fall back on values they do not know. */
function hasUnspecifiedZero(e: DescEnum): boolean {
  const first = e.values[0];
  return first !== undefined && first.number === 0 && first.name.endsWith("_UNSPECIFIED");
}

const fieldAdded: ProtoRuleDef = {
  id: "field-added",
  check(ctx) {
    forEachMessagePair(ctx, (before, after) => {
      const old = byKey(before.fields, (f) => f.number);
      for (const field of after.fields) {
        if (old.has(field.number)) continue;
        const required = isRequired(field);
        ctx.report({
          subject: field,
          element: fieldKey(field),
          message: required
            ? `${fieldDescription(field)} was added as required; data written without it is rejected.`
            : `${fieldDescription(field)} was added.`,
          effect: required ? effect("breaking", "compatible") : effect("compatible", "compatible"),
          at: ctx.current.location(field),
        });
      }
    });
  },
};

const fieldNumberChanged: ProtoRuleDef = {
  id: "field-number-changed",
  check(ctx) {
    forEachMessagePair(ctx, (before, after) => {
      const now = byKey(after.fields, (f) => f.name);
      for (const field of before.fields) {
        const moved = now.get(field.name);
        if (!moved || moved.number === field.number || after.fields.some((f) => f.number === field.number)) continue;
        ctx.report({
          subject: moved,
          element: fieldKey(field),
          message: `Field "${field.name}" on message "${after.name}" changed number from ${field.number} to ${moved.number}; the wire identifies fields by number.`,
          effect: effect("breaking", "breaking"),
          at: ctx.current.location(moved, 3),
          before: ctx.previous.location(field, 3),
        });
      }
    });
  },
};

const messageAdded: ProtoRuleDef = {
  id: "message-added",
  check(ctx) {
    forEachPair(ctx.previous.messages, ctx.current.messages, {
      added: (message) => {
        if (isMapEntry(message) || (message.parent && !ctx.previous.messages.has(message.parent.typeName))) return;
        ctx.report({
          subject: message,
          element: message.typeName,
          message: `Message "${message.typeName}" was added.`,
          effect: effect("compatible", "compatible"),
          at: ctx.current.location(message),
        });
      },
    });
  },
};

const enumValueAdded: ProtoRuleDef = {
  id: "enum-value-added",
  check(ctx) {
    forEachPair(ctx.previous.enums, ctx.current.enums, {
      paired: (before, after) => {
        const old = new Set(before.values.map((v) => v.number));
        for (const value of after.values) {
          if (old.has(value.number)) continue;
          const fallback = hasUnspecifiedZero(after);
          ctx.report({
            subject: value,
            element: `${after.typeName}.${value.number}`,
            message: fallback
              ? `Enum value "${value.name}" (${value.number}) was added to enum "${after.name}"; old readers see an unknown value and need a fallback.`
              : `Enum value "${value.name}" (${value.number}) was added to enum "${after.name}", which has no zero *_UNSPECIFIED value for old readers to fall back on.`,
            effect: effect("compatible", fallback ? "conditional" : "breaking"),
            at: ctx.current.location(value),
          });
        }
      },
    });
  },
};

const rpcAdded: ProtoRuleDef = {
  id: "rpc-added",
  check(ctx) {
    for (const service of ctx.current.services.values()) {
      const before = ctx.previous.services.get(service.typeName);
      if (!before && !ctx.previous.packages.has(service.file.proto.package)) continue;
      const old = new Set(before?.methods.map((m) => m.name));
      for (const method of service.methods) {
        if (old.has(method.name)) continue;
        ctx.report({
          subject: method,
          element: `${service.typeName}/${method.name}`,
          message: `RPC "${method.name}" was added to service "${service.name}"; old servers answer it with Unimplemented.`,
          effect: effect("compatible", "conditional"),
          at: ctx.current.location(method),
        });
      }
    }
  },
};

interface Reserving {
  typeName: string;
  name: string;
  proto: { reservedName: string[]; reservedRange: { start?: number; end?: number }[] };
}

/** Message reserved ranges exclude `end`; enum reserved ranges include it. */
function isReserved(owner: Reserving, number: number, name: string, endInclusive: boolean): boolean {
  return owner.proto.reservedName.includes(name) ||
    owner.proto.reservedRange.some((r) => number >= (r.start ?? 0) && (endInclusive ? number <= (r.end ?? 0) : number < (r.end ?? 0)));
}

const reservedReused: ProtoRuleDef = {
  id: "reserved-reused",
  check(ctx) {
    forEachMessagePair(ctx, (before, after) => {
      for (const field of after.fields) {
        if (!isReserved(before, field.number, field.name, false)) continue;
        ctx.report({
          subject: field,
          element: fieldKey(field),
          message: `${fieldDescription(field)} reuses a number or name reserved in the previous version; old data may carry it with another meaning.`,
          effect: effect("breaking", "breaking"),
          at: ctx.current.location(field),
        });
      }
    });
    forEachPair(ctx.previous.enums, ctx.current.enums, {
      paired: (before, after) => {
        for (const value of after.values) {
          if (!isReserved(before, value.number, value.name, true)) continue;
          ctx.report({
            subject: value,
            element: `${after.typeName}.${value.number}`,
            message: `Enum value "${value.name}" (${value.number}) on enum "${after.name}" reuses a number or name reserved in the previous version.`,
            effect: effect("breaking", "breaking"),
            at: ctx.current.location(value),
          });
        }
      },
    });
  },
};

export const CHARTER_RULES: ProtoRuleDef[] = [fieldAdded, fieldNumberChanged, messageAdded, enumValueAdded, rpcAdded, reservedReused];
