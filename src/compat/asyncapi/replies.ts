import { child } from "../../contracts/schema-pointer.js";
import { channelName, type AsyncApiModel, type Operation, type Reply } from "../../contracts/asyncapi/model.js";
import type { CompareContext } from "./context.js";
import { operationElement } from "./element.js";

/** Where a reply is written: itself, else the operation that lost it. */
const replyAt = (operation: Operation) => operation.reply?.reply.at ?? operation.operation.at;

/** The address of a reply's channel, which is what requesters listen on. */
const replyChannel = (model: AsyncApiModel, reply: Reply) => {
  if (reply.channel === undefined) return undefined;
  const channel = model.channels.get(reply.channel);
  return channel ? channelName(channel) : reply.channel;
};

/**
 * A 3.x operation's reply (request/reply), between two versions of a matched operation. The
 * replier writes replies and the requester reads them, so verdicts are those of data: a reply
 * added is a message new requesters wait for and old repliers never send. The reply's messages are
 * compared as their channel's messages; here only which of them a reply may carry.
 */
export function compareReplies(ctx: CompareContext, old: Operation, now: Operation): void {
  const element = `${operationElement(old)} reply`;
  const name = `Operation "${now.id}"`;
  if (!old.reply || !now.reply) {
    if (!old.reply && !now.reply) return;
    const added = !old.reply;
    ctx.report({
      rule: added ? "operation-reply-added" : "operation-reply-removed",
      backward: added ? "breaking" : "compatible",
      forward: added ? "compatible" : "breaking",
      message: added ? `${name} now has a reply; requesters wait for it, and old repliers never send it.` : `${name} no longer has a reply; old requesters wait for replies that never come.`,
      at: replyAt(now),
      before: replyAt(old),
      element,
    });
    return;
  }
  const [was, is] = [old.reply, now.reply];
  const [from, to] = [replyChannel(ctx.old, was), replyChannel(ctx.now, is)];
  if (from !== to) {
    ctx.report({
      rule: "operation-reply-channel-changed",
      backward: "breaking",
      forward: "breaking",
      message: `${name} replies on "${to ?? "(no channel)"}" instead of "${from ?? "(no channel)"}"; requesters listen where replies no longer go.`,
      at: "channel" in is.reply.value ? child(is.reply.at, "channel") : is.reply.at,
      before: "channel" in was.reply.value ? child(was.reply.at, "channel") : was.reply.at,
      element,
    });
  }
  if (was.location !== is.location) {
    ctx.report({
      rule: "operation-reply-address-changed",
      backward: "breaking",
      forward: "breaking",
      message: `${name} takes where to reply from "${is.location ?? "(nowhere)"}" instead of "${was.location ?? "(nowhere)"}"; repliers answer where requesters do not listen.`,
      at: "address" in is.reply.value ? child(is.reply.at, "address") : is.reply.at,
      before: "address" in was.reply.value ? child(was.reply.at, "address") : was.reply.at,
      element,
    });
  }
  // A reply that lists no messages carries any of its channel's: only two lists are compared.
  if (!was.messages || !is.messages) return;
  for (const message of is.messages.filter((m) => !was.messages!.includes(m))) {
    ctx.report({
      rule: "operation-reply-message-added",
      backward: "compatible",
      forward: "conditional",
      message: `${name}'s reply may now be message "${message}"; old requesters must skip replies they do not know.`,
      at: child(is.reply.at, "messages", is.messages.indexOf(message)),
      element: `${element} ${message}`,
    });
  }
  for (const message of was.messages.filter((m) => !is.messages!.includes(m))) {
    ctx.report({
      rule: "operation-reply-message-removed",
      backward: "conditional",
      forward: "breaking",
      message: `${name}'s reply is no longer message "${message}"; old requesters wait for it.`,
      at: child(is.reply.at, "messages"),
      before: child(was.reply.at, "messages", was.messages.indexOf(message)),
      element: `${element} ${message}`,
    });
  }
}
