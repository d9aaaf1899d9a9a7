import { stringify } from "yaml";

/**
 * An AsyncAPI 3.0 document of `channels` channels, each with one CloudEvent message whose payload
 * has a dozen properties; `changed` applies a few changes (a property removed, an enum value added,
 * a maximum lowered, a channel address changed).
 */
export function generateAsyncApi(channels: number, changed: boolean): string {
  const doc: Record<string, Record<string, unknown>> = {
    asyncapi: "3.0.0" as never,
    info: { title: "Bench events", version: "1.0.0" },
    channels: {},
    operations: {},
    components: { messages: {}, schemas: {} },
  };
  const at = (fraction: number) => Math.floor(channels * fraction);
  for (let c = 0; c < channels; c++) {
    const name = `Event${c}`;
    const properties: Record<string, unknown> = {
      id: { type: "string" },
      userId: { type: "string" },
      amount: { type: "integer", minimum: 0, maximum: changed && c === at(0.3) ? 1000 : 100000 },
      currency: { type: "string", pattern: "^[A-Z]{3}$" },
      status: { type: "string", enum: ["new", "done", ...(changed && c === at(0.5) ? ["failed"] : [])] },
      note: { type: "string", maxLength: 200 },
      tags: { type: "array", items: { type: "string" } },
      createdAt: { type: "string", format: "date-time" },
    };
    if (changed && c === at(0.7)) delete properties.note;
    (doc.components.schemas as Record<string, unknown>)[name] = { type: "object", required: ["id", "userId"], properties };
    (doc.components.messages as Record<string, unknown>)[name] = {
      name,
      contentType: "application/json",
      "x-cloudevents": { type: `com.bench.event${c}.v1`, source: "/bench" },
      payload: { $ref: `#/components/schemas/${name}` },
    };
    const address = changed && c === at(0.9) ? `bench.event${c}.v1.renamed` : `bench.event${c}.v1`;
    doc.channels[`event${c}`] = { address, messages: { [name]: { $ref: `#/components/messages/${name}` } } };
    doc.operations[`publish${name}`] = { action: "send", channel: { $ref: `#/channels/event${c}` } };
  }
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 200 });
}
