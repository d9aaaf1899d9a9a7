import { channelExtensionsOf } from "../../contracts/extensions/asyncapi.js";
import { compareChannelExtensions } from "../../contracts/extensions/compare.js";
import { child } from "../../contracts/schema-pointer.js";
import type { CompareContext } from "./context.js";
import { channelElement } from "./element.js";
import type { Channel } from "../../contracts/asyncapi/model.js";

/** A channel of the old version and its counterpart in the new one. */
export interface ChannelPair {
  old: Channel;
  now: Channel;
}

/**
 * Channels are matched by id, then by address: a 3.0 channel id is only a document key, so a
 * renamed id at the same address is a refactor, while a changed address under the same id is a move.
 */
export function channelPairs(ctx: CompareContext): { pairs: ChannelPair[]; removed: Channel[]; added: Channel[] } {
  const pairs: ChannelPair[] = [];
  const unmatched = new Map(ctx.now.channels);
  const removed: Channel[] = [];
  for (const [id, old] of ctx.old.channels) {
    const now = unmatched.get(id);
    if (now) {
      pairs.push({ old, now });
      unmatched.delete(id);
    } else {
      removed.push(old);
    }
  }
  for (const old of [...removed]) {
    const now = old.address === undefined ? undefined : [...unmatched.values()].find((c) => c.address === old.address);
    if (!now) continue;
    pairs.push({ old, now });
    unmatched.delete(now.id);
    removed.splice(removed.indexOf(old), 1);
  }
  return { pairs, removed, added: [...unmatched.values()] };
}

const channelsOf = (ctx: CompareContext) => ({ file: ctx.current.document.file, pointer: "/channels" });

/** Channels removed, added, and moved to another address. */
export function compareChannels(ctx: CompareContext, { pairs, removed, added }: ReturnType<typeof channelPairs>): void {
  for (const old of removed) {
    ctx.report({
      rule: "channel-removed",
      // Like a removed field: retained old messages need readers that skip what they no longer know; old consumers lose the channel.
      backward: "conditional",
      forward: "breaking",
      message: `Channel "${channelElement(old)}" was removed; its consumers lose its messages.`,
      at: "channels" in ctx.current.document.root ? channelsOf(ctx) : undefined,
      before: old.channel.at,
      element: channelElement(old),
    });
  }
  for (const now of added) {
    ctx.report({ rule: "channel-added", backward: "compatible", forward: "compatible", message: `Channel "${channelElement(now)}" was added.`, at: now.channel.at, element: channelElement(now) });
  }
  for (const { old, now } of pairs) {
    const subject = { element: channelElement(old), name: `Channel "${channelElement(now)}"`, at: now.channel.at, before: old.channel.at };
    for (const issue of compareChannelExtensions(channelExtensionsOf(ctx.previous, old), channelExtensionsOf(ctx.current, now), subject)) ctx.report(issue);
    if (old.address === now.address) continue;
    ctx.report({
      rule: "channel-address-changed",
      // Old consumers listen where new data no longer goes, and new consumers miss the data retained at the old address.
      backward: "breaking",
      forward: "breaking",
      message: `Channel "${now.id}" moved from address "${old.address ?? "(none)"}" to "${now.address ?? "(none)"}"; publish on a new channel beside the old one instead.`,
      at: "address" in now.channel.value ? child(now.channel.at, "address") : now.channel.at,
      before: "address" in old.channel.value ? child(old.channel.at, "address") : old.channel.at,
      element: channelElement(old),
    });
  }
}
