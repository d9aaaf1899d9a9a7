/**
 * A registry with Avro event payloads, for the generated-code and docs tests: a shipments contract
 * whose `order.shipped.v1` payload is a registry `.avsc` file (plain Avro binary), and whose
 * `order.returned.v1` payload is inline Avro sent in Confluent's wire format (schema id 7).
 */
export const SHIPPED_SCHEMA = {
  type: "record",
  name: "OrderShipped",
  namespace: "shop.shipping",
  doc: "An order left the warehouse.",
  fields: [
    { name: "orderId", type: "string" },
    { name: "parcels", type: "int" },
    { name: "weightGrams", type: "long" },
    { name: "carrier", type: { type: "enum", name: "Carrier", symbols: ["DHL", "UPS", "OTHER"], default: "OTHER" } },
    { name: "note", type: ["null", "string"], default: null },
    { name: "label", type: "bytes" },
  ],
};

export const AVRO_REGISTRY: Record<string, string> = {
  "shipping/shipments.asyncapi.yaml": `asyncapi: 3.0.0
id: urn:shop:shipments
info:
  title: Shipments
  version: 1.0.0
servers:
  local:
    host: 127.0.0.1:4222
    protocol: nats
channels:
  shipped:
    address: order.shipped.v1
    messages:
      OrderShipped:
        name: OrderShipped
        contentType: application/avro
        payload:
          schemaFormat: application/vnd.apache.avro+json;version=1.9.0
          schema:
            $ref: './order-shipped.avsc'
  returned:
    address: order.returned.v1
    messages:
      OrderReturned:
        name: OrderReturned
        contentType: application/avro
        x-charter-confluent-schema-id: 7
        payload:
          schemaFormat: application/vnd.apache.avro;version=1.9.0
          schema:
            type: record
            name: OrderReturned
            fields:
              - { name: orderId, type: string }
              - { name: reason, type: [ "null", string ], default: null }
operations:
  publishShipped:
    action: send
    channel: { $ref: '#/channels/shipped' }
  onShipped:
    action: receive
    channel: { $ref: '#/channels/shipped' }
  publishReturned:
    action: send
    channel: { $ref: '#/channels/returned' }
  onReturned:
    action: receive
    channel: { $ref: '#/channels/returned' }
`,
  "shipping/order-shipped.avsc": `${JSON.stringify(SHIPPED_SCHEMA, null, 2)}\n`,
};

/** An AsyncAPI 3.0 document sending `OrderPaid`, whose payload is the Avro schema `ref` names (a multi-format schema object). */
export const avroEventsDocument = (ref: string, title = "Orders") => `asyncapi: 3.0.0
info: { title: ${title}, version: "1.0.0" }
channels:
  paid:
    address: order.paid.v1
    messages:
      OrderPaid:
        contentType: application/avro
        payload:
          schemaFormat: application/vnd.apache.avro+json;version=1.9.0
          schema: { $ref: '${ref}' }
operations:
  sendPaid:
    action: send
    channel: { $ref: '#/channels/paid' }
`;
