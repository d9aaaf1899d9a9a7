/**
 * Loads another entry point of the runtime (a transport) by a specifier that bundlers do not
 * follow: an application that passes its own transport bundles that one's client library only (an
 * HTTP-only application takes neither kafkajs nor nats), and one that lets a server of the contract
 * choose loads the transport, from the installed runtime, when first used.
 */
export const entryPoint = <T>(url: URL): Promise<T> => import(url.href) as Promise<T>;
