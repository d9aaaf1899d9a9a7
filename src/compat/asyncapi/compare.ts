import type { Change } from "../finding.js";
import { channelPairs, compareChannels } from "./channels.js";
import { createContext, type CompareContext } from "./context.js";
import { compareMessages } from "./messages.js";
import { compareOperations } from "./operations.js";
import { compareServers } from "./servers.js";
import type { AsyncApiVersion } from "../../contracts/asyncapi/version.js";

/** Checks of the whole document, registered in one place: channels and their messages, operations and their replies, servers. */
const DOCUMENT_CHECKS: ((ctx: CompareContext) => void)[] = [
  (ctx) => {
    const channels = channelPairs(ctx);
    compareChannels(ctx, channels);
    compareMessages(ctx, channels.pairs, channels.added);
  },
  compareOperations,
  compareServers,
];

/** Compares two versions of one AsyncAPI contract (2.x or 3.0, either side): channels, messages, operations, replies, servers, CloudEvents. */
export function compareAsyncApi(previous: AsyncApiVersion, current: AsyncApiVersion): Change[] {
  const changes: Change[] = [];
  const ctx = createContext(previous, current, changes);
  for (const check of DOCUMENT_CHECKS) check(ctx);
  return changes;
}
