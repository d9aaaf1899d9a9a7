/*
 * Avro payloads, encoded and decoded by avsc with the schema the contract declares: plain Avro
 * binary by default; with a Confluent Schema Registry id (`x-charter-confluent-schema-id` on the
 * message), Confluent's wire format, a zero magic byte and the id (4 bytes, big-endian) before
 * the Avro binary. A consumer reads data written with its own schema only: it has no registry to
 * fetch another writer's schema from, so bytes framed with another id are refused.
 */
import avsc from "avsc";
import type { CloudEvent } from "cloudevents";
import type { CompiledValidator, PayloadCodec } from "../events.js";

export interface AvroOptions {
  /** The schema's id in a Confluent Schema Registry: events travel in Confluent's wire format. */
  confluentSchemaId?: number;
}

/** What a message spec needs of an Avro payload: validators (avsc's own check, each problem at its field) and the codec. */
export function avroPayload(schema: unknown, options: AvroOptions = {}): { validateForProducer: CompiledValidator; validateForConsumer: CompiledValidator; codec: PayloadCodec } {
  const type = avsc.Type.forSchema(schema as avsc.Schema);
  const validate: CompiledValidator = (data: unknown) => {
    const errors: NonNullable<CompiledValidator["errors"]> = [];
    const valid = type.isValid(data, {
      errorHook: (path: string[], value: unknown, expected: avsc.Type) => errors.push({ instancePath: path.map((p) => `/${p}`).join(""), message: `${JSON.stringify(value) ?? "undefined"} is not a valid ${expected.typeName}` }),
    });
    validate.errors = valid ? null : errors;
    return valid;
  };
  const id = options.confluentSchemaId;
  const codec: PayloadCodec = {
    encode(data) {
      const body = type.toBuffer(data);
      if (id === undefined) return body;
      const header = Buffer.alloc(5);
      header.writeUInt32BE(id, 1);
      return Buffer.concat([header, body]);
    },
    decode(event) {
      let bytes = bytesOf(event);
      if (id !== undefined) {
        if (bytes.length < 5 || bytes[0] !== 0) throw new Error("not in Confluent's wire format (no zero magic byte)");
        const written = bytes.readUInt32BE(1);
        if (written !== id) throw new Error(`written with schema id ${written}; this consumer reads schema id ${id}`);
        bytes = bytes.subarray(5);
      }
      // Throws on truncated bytes and on bytes left over: both mean another schema wrote them.
      return type.fromBuffer(bytes);
    },
  };
  return { validateForProducer: validate, validateForConsumer: validate, codec };
}

/**
 * The bytes an event carries: its data in binary mode; in structured mode its `data_base64`, which
 * the SDK turns into an array of another element type, so it is decoded here from the text.
 */
function bytesOf(event: CloudEvent<unknown>): Buffer {
  const { data, data_base64: base64 } = event;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (typeof base64 === "string") return Buffer.from(base64, "base64");
  throw new Error("the event carries no binary data");
}
