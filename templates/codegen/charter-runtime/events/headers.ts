/*
 * A message's application headers (AsyncAPI `headers`) as a consumer reads them. On the wire every
 * header is text: the producer sends a string as it is and any other value as JSON (events.ts,
 * publish), so a header the contract types as a number, boolean, object or array is parsed back.
 * Transports differ in the case they keep (HTTP and NATS lower-case names, Kafka keeps them), so
 * names are matched without regard to case, and only the declared ones are read: the CloudEvents
 * and broker headers beside them are not the message's.
 */

/** How each declared header is written on the wire: `text` as it is, `json` as JSON. */
export type HeaderKinds = Record<string, "text" | "json">;

/** The declared headers among those received, by their declared names, parsed as the contract types them. */
export function applicationHeaders(received: Record<string, string>, kinds: HeaderKinds): Record<string, unknown> {
  const byName = new Map(Object.entries(received).map(([name, value]) => [name.toLowerCase(), value]));
  const headers: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const value = byName.get(name.toLowerCase());
    if (value === undefined) continue;
    headers[name] = kind === "json" ? parsed(value) : value;
  }
  return headers;
}

/** JSON text's value; text that is not JSON stays text, for the validator to refuse by its type. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
