import { operationExtensionsOf } from "../../contracts/extensions/asyncapi.js";
import { compareConsumerExtensions } from "../../contracts/extensions/compare.js";
import { child } from "../../contracts/schema-pointer.js";
import type { Verdict } from "../verdict.js";
import type { CompareContext } from "./context.js";
import { operationElement } from "./element.js";
import { compareReplies } from "./replies.js";
import { channelName, type Action, type AsyncApiModel, type Operation } from "../../contracts/asyncapi/model.js";

/**
 * What removing an operation does to the application's partners. A `send` removed leaves old
 * consumers waiting for data that no longer comes (forward); a `receive` removed leaves data that
 * producers still write without its reader (backward). The verdict follows who stops reading or
 * writing; the labels keep their data-contract meaning.
 */
const REMOVED: Record<Action, { backward: Verdict; forward: Verdict }> = {
  send: { backward: "compatible", forward: "breaking" },
  receive: { backward: "breaking", forward: "compatible" },
};

const channelOf = (model: AsyncApiModel, operation: Operation) => {
  const channel = model.channels.get(operation.channel);
  return channel ? channelName(channel) : operation.channel;
};

/** The same messages, when both operations list theirs. */
const sameMessages = (a: Operation, b: Operation) => !a.messages || !b.messages || [...a.messages].sort().join("\0") === [...b.messages].sort().join("\0");

/**
 * Operations of both versions: matched by id, then (ids differ across a 2.x → 3.x migration, and
 * 2.x operations without an operationId have made-up ones) by channel and action, the messages
 * deciding between several.
 */
function operationPairs(ctx: CompareContext): { pairs: [Operation, Operation][]; removed: Operation[]; added: Operation[] } {
  const pairs: [Operation, Operation][] = [];
  const unmatched = new Map(ctx.now.operations);
  const removed: Operation[] = [];
  for (const [id, old] of ctx.old.operations) {
    const now = unmatched.get(id);
    if (now) {
      pairs.push([old, now]);
      unmatched.delete(id);
    } else {
      removed.push(old);
    }
  }
  for (const old of [...removed]) {
    const candidates = [...unmatched.values()].filter((now) => now.action === old.action && channelOf(ctx.now, now) === channelOf(ctx.old, old));
    const alike = candidates.length > 1 ? candidates.filter((now) => now.messages && old.messages && sameMessages(old, now)) : candidates;
    if (alike.length !== 1) continue;
    pairs.push([old, alike[0]]);
    unmatched.delete(alike[0].id);
    removed.splice(removed.indexOf(old), 1);
  }
  return { pairs, removed, added: [...unmatched.values()] };
}

/** Operations removed, added, renamed, with another action or on another channel. */
export function compareOperations(ctx: CompareContext): void {
  const operationsAt = { file: ctx.current.document.file, pointer: ctx.current.document.major === 3 ? "/operations" : "/channels" };
  const { pairs, removed, added } = operationPairs(ctx);
  for (const old of removed) {
    ctx.report({
      rule: "operation-removed",
      ...REMOVED[old.action],
      message: `Operation "${old.id}" (${old.action} on "${channelOf(ctx.old, old)}") was removed.`,
      at: operationsAt.pointer.slice(1) in ctx.current.document.root ? operationsAt : undefined,
      before: old.operation.at,
      element: operationElement(old),
    });
  }
  for (const [old, now] of pairs) {
    const id = now.id;
    // An id charter made up for a 2.x operation was nobody's name.
    if (old.id !== now.id && old.named) {
      ctx.report({
        rule: "operation-id-changed",
        backward: "conditional",
        forward: "conditional",
        message: `Operation "${old.id}" was renamed "${now.id}"; code generated from the contract names its methods after the id.`,
        at: now.operation.at,
        before: old.operation.at,
        element: operationElement(old),
      });
    }
    if (old.action !== now.action) {
      ctx.report({
        rule: "operation-action-changed",
        // The application turned from producer to consumer of the channel or back: both sides lose their partner.
        backward: "breaking",
        forward: "breaking",
        message: `Operation "${id}" changed its action from ${old.action} to ${now.action}.`,
        at: "action" in now.operation.value ? child(now.operation.at, "action") : now.operation.at,
        before: old.operation.at,
        element: operationElement(old),
      });
    }
    const [from, to] = [channelOf(ctx.old, old), channelOf(ctx.now, now)];
    if (from !== to) {
      ctx.report({
        rule: "operation-channel-changed",
        backward: "breaking",
        forward: "breaking",
        message: `Operation "${id}" moved from channel "${from}" to "${to}".`,
        at: "channel" in now.operation.value ? child(now.operation.at, "channel") : now.operation.at,
        before: old.operation.at,
        element: operationElement(old),
      });
    }
    compareReplies(ctx, old, now);
    // Dead letters and retries are a consumer's: a send operation declares none.
    if (old.action === "receive" && now.action === "receive") {
      const subject = { element: operationElement(old), name: `Operation "${id}"`, at: now.operation.at, before: old.operation.at };
      const issues = compareConsumerExtensions(operationExtensionsOf(ctx.previous, ctx.old, old), operationExtensionsOf(ctx.current, ctx.now, now), subject, { was: from, is: to });
      for (const issue of issues) ctx.report(issue);
    }
  }
  for (const now of added) {
    ctx.report({ rule: "operation-added", backward: "compatible", forward: "compatible", message: `Operation "${now.id}" (${now.action} on "${channelOf(ctx.now, now)}") was added.`, at: now.operation.at, element: operationElement(now) });
  }
}
