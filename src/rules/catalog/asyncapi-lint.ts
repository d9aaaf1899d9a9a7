import type { RuleMeta } from "../rule-meta.js";

/** AsyncAPI and CloudEvents lint rules. */
export const ASYNCAPI_LINT_RULES = [
  {
    id: "channel-version-suffix",
    kinds: ["asyncapi"],
    check: "lint",
    category: "channel",
    severity: "error",
    description:
      "A channel's address ends with the major version of what flows on it (`order.paid.v1`, or " +
      "`orders/v1`). A breaking change to its messages then has a way to ship: a new channel " +
      "`order.paid.v2` beside the old one, which consumers move to at their own pace, while charter gates " +
      "breaking changes inside a version. A channel without an address is judged by its key.",
    examples: {
      bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid
`,
      good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
`,
    },
  },
  {
    id: "event-type-version-suffix",
    kinds: ["asyncapi"],
    check: "lint",
    category: "cloudevents",
    severity: "error",
    description:
      "A CloudEvent's `type` (in the message's `x-cloudevents`) ends with its major version, `.v<N>` " +
      "(`com.shop.order.paid.v1`): consumers route and filter on the type, so a breaking change to the " +
      "event ships as a new type `.v2` beside the old one, never as a new meaning of the old type.",
    examples: {
      bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-cloudevents: { type: com.shop.order.paid, source: /shop/orders }
        payload: { type: object }
`,
      good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-cloudevents: { type: com.shop.order.paid.v1, source: /shop/orders }
        payload: { type: object }
`,
    },
  },
  {
    id: "message-business-key",
    kinds: ["asyncapi"],
    check: "lint",
    category: "message",
    severity: "warning",
    description:
      "Every message names its business key with `x-charter-business-key: <payload property>` (`orderId`): " +
      "the identity of the thing the event is about. Generated producers use it as the partition key, so " +
      "events about one order stay in order, and consumers use it to reason about ordering and " +
      "de-duplication. The property must be one the payload schema declares.",
    examples: {
      bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        payload: { type: object, properties: { orderId: { type: string } } }
`,
      good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-charter-business-key: orderId
        payload: { type: object, properties: { orderId: { type: string } } }
`,
    },
  },
  {
    id: "message-payload-schema",
    kinds: ["asyncapi"],
    check: "lint",
    category: "payload",
    severity: "error",
    description:
      "Every message has a payload schema. Without one, nothing says what producers may send or consumers " +
      "must accept: charter cannot judge a change to it, and generated producers and consumers can only " +
      "pass untyped data. A payload in a schema format charter cannot read (Protobuf, RAML) counts as " +
      "declared; Avro payloads charter reads.",
    examples: {
      bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        name: OrderPaid
`,
      good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        name: OrderPaid
        payload: { type: object, properties: { orderId: { type: string } } }
`,
    },
  },
  {
    id: "receive-dead-letter",
    kinds: ["asyncapi"],
    check: "lint",
    category: "reliability",
    severity: "warning",
    description:
      "Every `receive` operation (2.x `publish`) names the channel where messages it cannot process go, " +
      "with `x-charter-dead-letter`: a channel of the document, by key, by address or as a `$ref`. Without " +
      "one, a poison message either blocks its partition forever or is dropped silently; generated " +
      "consumers route it there after their retries.",
    examples: {
      bad: `asyncapi: 3.0.0
info: { title: Billing, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
operations:
  onOrderPaid:
    action: receive
    channel: { $ref: "#/channels/orderPaid" }
`,
      good: `asyncapi: 3.0.0
info: { title: Billing, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
  orderPaidDead:
    address: billing.order.paid.dlq.v1
operations:
  onOrderPaid:
    action: receive
    channel: { $ref: "#/channels/orderPaid" }
    x-charter-dead-letter: { $ref: "#/channels/orderPaidDead" }
`,
    },
  },
  {
    id: "cloudevents-id-required",
    kinds: ["asyncapi"],
    check: "lint",
    category: "cloudevents",
    severity: "error",
    description:
      "Delivery is at least once, and consumers de-duplicate by the CloudEvents `source` + `id` pair, so no " +
      "CloudEvent may be sent without an `id`. charter's convention: a message's `x-cloudevents` leaves " +
      "`id` out (CloudEvents 1.0 requires it and generated producers set a fresh one per event) or " +
      "describes it with a non-empty string; a value of `null`, `false`, an empty string or an object with " +
      "`required: false` makes it optional and fires. A headers schema that declares the id header of " +
      "binary content mode (`ce-id`, `ce_id`, `cloudEvents:id`) must list it in `required`.",
    examples: {
      bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-cloudevents: { type: com.shop.order.paid.v1, source: /shop/orders }
        headers:
          type: object
          properties: { ce_id: { type: string } }
        payload: { type: object }
`,
      good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-cloudevents: { type: com.shop.order.paid.v1, source: /shop/orders }
        headers:
          type: object
          required: [ce_id]
          properties: { ce_id: { type: string } }
        payload: { type: object }
`,
    },
  },
  {
    id: "asyncapi-schema",
    kinds: ["asyncapi"],
    check: "lint",
    category: "document",
    severity: "error",
    description:
      "The document conforms to the AsyncAPI specification of its version: the official JSON Schema " +
      "(@asyncapi/specs) in every command, and in `lint` @asyncapi/parser's rules beyond it (unique ids, the " +
      "servers, channels and parameters a document names, examples against their schemas; Spectral's AsyncAPI " +
      "rule of the same name). charter still reads a document that breaks it: `breaking` compares it and reports " +
      "a schema violation as a warning, `docs` shows it on the contract's page; `lint` holds the line.",
    examples: {
      bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
operations:
  sendPaid: { action: send }
`,
      good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
`,
    },
    peer: { tool: "Spectral", id: "asyncapi-schema" },
  },
] as const satisfies readonly RuleMeta[];
