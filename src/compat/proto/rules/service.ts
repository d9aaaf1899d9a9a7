import type { DescMethod, DescService } from "@bufbuild/protobuf";
import { MethodOptions_IdempotencyLevel } from "@bufbuild/protobuf/wkt";
import { effect, type Effect } from "../../verdict.js";
import { byKey, forEachPair } from "../pairs.js";
import type { ProtoBreakingRuleId } from "../../../rules/catalog.js";
import type { ProtoRuleDef, RuleContext } from "../rule.js";

// Field numbers in MethodDescriptorProto / MethodOptions, for source locations.
const INPUT_TYPE = 2;
const OUTPUT_TYPE = 3;
const OPTIONS = 4;
const IDEMPOTENCY_LEVEL = 34;

/**
 * Walks the RPCs, by name, of every service present, by full name, in both versions: those in
 * both, and those only the old service has (with the new service).
 */
function forEachMethodPair(
  ctx: RuleContext,
  handlers: { paired?(before: DescMethod, after: DescMethod): void; deleted?(before: DescMethod, service: DescService): void },
): void {
  const byName = (service: DescService) => byKey(service.methods, (m) => m.name);
  forEachPair(ctx.previous.services, ctx.current.services, {
    paired: (before, after) =>
      forEachPair(byName(before), byName(after), { paired: handlers.paired, deleted: (method) => handlers.deleted?.(method, after) }),
  });
}

const streams = (method: DescMethod, side: "client" | "server"): boolean =>
  method.methodKind === "bidi_streaming" || method.methodKind === `${side}_streaming`;

/**
 * A property of an RPC that both versions must agree on. `compare` returns buf's description of
 * the change (without the `RPC "m" on service "S"` prefix), or undefined when nothing changed.
 */
function rpcSame(
  id: ProtoBreakingRuleId,
  compare: (before: DescMethod, after: DescMethod) => string | undefined,
  flows: Effect,
  reason: string,
  path: number[],
): ProtoRuleDef {
  return {
    id,
    check(ctx) {
      forEachMethodPair(ctx, {
        paired: (before, after) => {
          const change = compare(before, after);
          if (change === undefined) return;
          ctx.report({
            subject: after,
            element: `${after.parent.typeName}.${after.name}`,
            message: `RPC "${after.name}" on service "${after.parent.name}" ${change}; ${reason}.`,
            effect: flows,
            // Where the source does not spell the property out, buf points at the file.
            at: ctx.current.location(after, ...path) ?? ctx.current.fileLocation(after),
            before: ctx.previous.location(before, ...path) ?? ctx.previous.fileLocation(before),
          });
        },
      });
    },
  };
}

/** A change of a stream's side: old clients and servers disagree on the framing. */
function sameStreaming(side: "client" | "server"): ProtoRuleDef {
  return rpcSame(
    side === "client" ? "RPC_SAME_CLIENT_STREAMING" : "RPC_SAME_SERVER_STREAMING",
    (before, after) => {
      const [was, now] = [streams(before, side), streams(after, side)];
      if (was === now) return undefined;
      const name = (streaming: boolean) => `${side} ${streaming ? "streaming" : "unary"}`;
      return `changed from ${name(was)} to ${name(now)}`;
    },
    effect("breaking", "breaking"),
    "old and new peers disagree on the call's framing",
    [],
  );
}

/** A change of message type: the bytes on each side are read as a different message. */
function sameType(which: "request" | "response", path: number): ProtoRuleDef {
  const type = (method: DescMethod) => (which === "request" ? method.input : method.output).typeName;
  return rpcSame(
    which === "request" ? "RPC_SAME_REQUEST_TYPE" : "RPC_SAME_RESPONSE_TYPE",
    (before, after) => (type(before) === type(after) ? undefined : `changed ${which} type from "${type(before)}" to "${type(after)}"`),
    effect("breaking", "breaking"),
    `old and new peers read the ${which} as different messages`,
    [path],
  );
}

export const SERVICE_RULES: ProtoRuleDef[] = [
  {
    id: "RPC_NO_DELETE",
    check(ctx) {
      forEachMethodPair(ctx, {
        deleted: (method, service) =>
          ctx.report({
            subject: service,
            element: `${service.typeName}.${method.name}`,
            message: `Previously present RPC "${method.name}" on service "${service.name}" was deleted; old clients calling it fail.`,
            effect: effect("breaking", "compatible"),
            at: ctx.current.location(service) ?? ctx.current.fileLocation(service),
            before: ctx.previous.location(method),
          }),
      });
    },
  },
  sameType("request", INPUT_TYPE),
  sameType("response", OUTPUT_TYPE),
  sameStreaming("client"),
  sameStreaming("server"),
  rpcSame(
    "RPC_SAME_IDEMPOTENCY_LEVEL",
    (before, after) =>
      before.idempotency === after.idempotency
        ? undefined
        : `changed option "idempotency_level" from "${MethodOptions_IdempotencyLevel[before.idempotency]}" to "${MethodOptions_IdempotencyLevel[after.idempotency]}"`,
    effect("conditional", "conditional"),
    "clients may retry it, or call it with GET, only as the level allows",
    [OPTIONS, IDEMPOTENCY_LEVEL],
  ),
];
