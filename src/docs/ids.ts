/**
 * Stable ids and file names: derived from names in the contract only (never from positions or
 * counters), so a deep link keeps working across versions while the element exists.
 */

/** Keeps letters, digits, `_` and `-`; anything else becomes `-`, so ids need no escaping in CSS selectors or URLs. */
const clean = (part: string): string => part.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "_";

/** An element id: a prefix saying what it is (`op`, `msg`, `field`…) and the names leading to it. */
export const anchor = (prefix: string, ...names: string[]): string => [prefix, ...names.map(clean)].join("-");

/** `anchor(prefix, ...names, name)` from `anchor(prefix, ...names)`: a walk down a tree extends its parent's id, not the whole path anew. */
export const subAnchor = (parent: string, name: string): string => `${parent}-${clean(name)}`;

/** The page of a contract, relative to the site root: kind and id, so two kinds can share an id. */
export const contractPage = (kind: string, id: string): string => `contracts/${kind}-${clean(id.replace(/^[a-z]+:\/\//i, ""))}.html`;
