import type { Parsed } from "./declared.js";

/**
 * The identity of what an event is about: `x-charter-business-key: <payload property>` on a
 * message. Producers partition by it, so events about one order stay in order.
 */
export const BUSINESS_KEY = "x-charter-business-key";

export function parseBusinessKey(raw: unknown): Parsed<string> {
  return typeof raw === "string" && raw.trim() !== "" ? { value: raw } : { problem: "is not the name of a payload property" };
}
