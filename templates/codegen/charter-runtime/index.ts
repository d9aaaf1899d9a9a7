/*
 * @charter/runtime: what every package that `charter generate` writes into one output folder shares,
 * so that there is one implementation of each, whatever kind of contract a package comes from
 * (OpenAPI and Connect clients, event packages): the retry backoff, the W3C trace context a call or
 * an event continues, and the `Retry-After` parser. Generated as its own package (`charter-runtime/`
 * beside the contract packages, which depend on it as `file:../charter-runtime`). This entry point
 * imports only Node's own modules; the HTTP clients' runtime is the `@charter/runtime/http` entry
 * point, which event packages never load.
 */
export * from "./backoff.js";
export * from "./retry-after.js";
export * from "./traceparent.js";
