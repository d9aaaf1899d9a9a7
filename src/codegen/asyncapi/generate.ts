import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { channelName, type Channel, type Message, type Operation } from "../../contracts/asyncapi/model.js";
import { eventAttributes } from "../../compat/cloudevents/convention.js";
import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { InputError } from "../../errors.js";
import { consumerPolicy } from "../../contracts/extensions/index.js";
import { effectiveRetry } from "../../contracts/extensions/retry.js";
import { messageExtensionsOf, operationExtensionsOf } from "../../contracts/extensions/asyncapi.js";
import { isObject } from "../../lint/helpers/yaml.js";
import type { AsyncApiContract } from "../../contracts/contract.js";
import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import { PACKAGE_ROOT } from "../../resources.js";
import { loadRegistry } from "../../contracts/load-registry.js";
import { camelIdentifier, jsdoc, lineCommentText, packageName, pascalIdentifier, stringLiteral } from "../openapi/names.js";
import { typesOf } from "../openapi/types.js";
import { failAt, SchemaBundle, type BundleSources } from "../schema-bundle.js";
import { enumFallbacks, readerDefinitions } from "./enums.js";
import { validatorsModule, type ValidatorExport } from "./validators.js";
import { packageJson, tsconfigJson } from "../package-json.js";
import { avroSchemaOf } from "../../contracts/asyncapi/avro-schema.js";
import { channelParameter } from "../../contracts/asyncapi/channel-parameter.js";
import { CONFLUENT_SCHEMA_ID, parseConfluentSchemaId } from "../../contracts/extensions/confluent-schema-id.js";
import { readDeclared, type ExtensionProblem } from "../../contracts/extensions/declared.js";
import { avroTypesOf } from "./avro-types.js";
import { contractPackageName } from "../package-name.js";
import { RUNTIME_DEPENDENCY, runtimePackage } from "../runtime-package.js";
// The one text of the outbox's tables, which the runtime's ensureSchema runs too (bundled into charter).
import { schemaSql } from "../../../templates/codegen/charter-runtime/events/postgres/schema-sql.js";

const TEMPLATES = join(PACKAGE_ROOT, "templates", "codegen", "asyncapi");
/** The event runtime in @charter/runtime (templates/codegen/charter-runtime/events*). */
const RUNTIME_EVENTS = join(PACKAGE_ROOT, "templates", "codegen", "charter-runtime", "events");

/**
 * The entry points an event package has always had, each now passing on one of @charter/runtime's,
 * so imports such as `<package>/transports/nats` keep working; avro.ts only for Avro payloads.
 */
const RUNTIME_ENTRIES: [string, string][] = [
  ["runtime.ts", "events"],
  ["request-reply.ts", "events/request-reply"],
  ["postgres.ts", "events/postgres"],
  ...["binary-mode", "http", "http-reply", "kafka", "nats", "nats-reply"].map((name): [string, string] => [`transports/${name}.ts`, `events/${name}`]),
];

/** What the generated packages import (validators.ts: ajv; events.ts: CloudEvents' types); the versions charter itself is tested with. */
const DEPENDENCIES = { ajv: "^8.17.1", "ajv-formats": "^3.0.1", cloudevents: "^10.0.0", ...RUNTIME_DEPENDENCY };
/** What the runtime's Avro codec (`@charter/runtime/events/avro`, an optional peer there) needs, for a contract with Avro payloads. */
const AVRO_DEPENDENCIES = { avsc: "^5.7.9" };
/** Each needed by one entry point only (a transport, or the Postgres outbox and inbox, which take the application's pool): an HTTP-only application installs none. */
const OPTIONAL_PEERS = { kafkajs: "^2.2.4", nats: "^2.29.3", pg: "^8.13.0" };

type Json = Record<string, unknown>;

/**
 * A package of typed producers and consumers per AsyncAPI contract (README.md, "charter generate"), in a folder
 * named after the contract id: types.ts (payload types by openapi-typescript; Avro payloads' by
 * @ovotech/avro-ts, in avro/), validators.ts (ajv standalone code), events.ts
 * (templates/codegen/asyncapi), index.ts and package.json; runtime.ts, request-reply.ts, postgres.ts,
 * transports/ and, for Avro payloads, avro.ts, each passing on an entry point of the shared runtime
 * package they depend on (runtime-package.ts), which holds the event runtime. Paths are relative to the SDK output folder.
 */
export async function generateEventPackages(registry: Snapshot): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const contracts = (await loadRegistry(registry, { validate: false })).documents.filter((c): c is AsyncApiContract => c.kind === "asyncapi");
  if (!contracts.length) return files;
  // Values are TypeScript made safe by names.ts, so no HTML escaping.
  const hbs = Handlebars.create();
  const template = (name: string) => hbs.compile(readFileSync(join(TEMPLATES, name), "utf8"), { noEscape: true, strict: true });
  const events = template("events.ts.hbs");
  const index = template("index.ts.hbs");
  const replies = template("replies.ts.hbs");
  const runtime = readFileSync(`${RUNTIME_EVENTS}.ts`, "utf8");
  const requestReply = readFileSync(join(RUNTIME_EVENTS, "request-reply.ts"), "utf8");
  const passOn = (entry: string) => `export * from "@charter/runtime/${entry}";\n`;
  const copied = [...RUNTIME_ENTRIES.map(([path, entry]) => [path, passOn(entry)]), ["migrations/charter-events.sql", schemaSql]];
  const avroCodec = passOn("events/avro");
  // index.ts re-exports runtime.ts, request-reply.ts, events.ts, replies.ts and types.ts: a message's type and spec must not take their names.
  const exported = (text: string) => [
    ...[...text.matchAll(/^export (?:declare )?(?:async )?(?:class|interface|type|function|const) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]),
    // `export { backoffMs } from "@charter/runtime"` and the like: the names the runtime passes on.
    ...[...text.matchAll(/^export (?:type )?\{([^}]*)\}/gm)].flatMap((m) => m[1].split(",").map((name) => name.trim().split(/\s+/).pop()!).filter(Boolean)),
  ];
  const reserved = new Set([...exported(runtime), ...exported(requestReply)]);
  for (const name of ["contractId", "servers", "TransportChoice", "Producer", "createProducer", "Consumer", "ConsumerSettings", "createConsumer", "RequestTransportChoice", "Requester", "createRequester", "Responder", "createResponder", "components", "$defs", "operations", "paths", "webhooks"]) reserved.add(name);
  const display = (file: string) => joinPath(registry.base, file);

  const owners = new Map<string, string>();
  for (const contract of contracts) {
    const plan = planContract(contract, reserved, display);
    if (!plan.sends.length && !plan.receives.length) continue;
    let folder = contractPackageName(contract);
    // Documents without an id are named after their title, which two may share: the later takes its path's name.
    if (owners.has(folder) && contract.id === contract.path) folder = packageName(contract.path.replace(/\.[^./]*$/, ""));
    const other = owners.get(folder);
    if (other) throw new InputError(`contracts ${other} and ${contract.id} would both generate the SDK folder ${folder}: give one another id`, contract.document.source.file);
    owners.set(folder, contract.id);

    const banner = `// Generated by charter generate from ${lineCommentText(contract.path)} (${lineCommentText(contract.id)}). Do not edit: it is rewritten on every run.`;
    const writer = plan.bundle.render("#/definitions/");
    const document = { openapi: "3.1.0", info: { title: contract.id, version: "0" }, paths: {}, components: { schemas: plan.bundle.render("#/components/schemas/") } };
    const types = await typesOf(document);
    const aliases = plan.messages
      .flatMap((m) => [...(m.definition ? [[m.name, m.definition]] : []), ...(m.headers ? [[`${m.name}Headers`, m.headers]] : [])])
      .map(([name, definition]) => `export type ${name} = components["schemas"][${stringLiteral(definition)}];`)
      .concat(plan.messages.flatMap((m) => (m.avro ? [`export type { ${m.avro.root} as ${m.name} } from "./avro/${m.name}.js";`] : [])))
      .join("\n");
    for (const m of plan.messages) if (m.avro) files.set(`${folder}/avro/${m.name}.ts`, `${banner}\n${m.avro.module}`);
    files.set(`${folder}/types.ts`, `${banner}\n${types}\n${aliases}\n`);
    const exports: ValidatorExport[] = plan.messages.flatMap((m) => [
      ...(m.definition
        ? [{ name: `producer${m.name}`, schema: "producer" as const, definition: m.definition }, { name: `consumer${m.name}`, schema: "consumer" as const, definition: m.definition }]
        : []),
      ...(m.headers ? [{ name: `producer${m.name}Headers`, schema: "producer" as const, definition: m.headers }] : []),
      ...(m.headers && m.headerKinds ? [{ name: `consumer${m.name}Headers`, schema: "consumer" as const, definition: m.headers }] : []),
    ]);
    let validators: string;
    try {
      validators = validatorsModule(banner, { producer: writer, consumer: readerDefinitions(writer) }, exports);
    } catch (error) {
      // ajv refuses a schema that breaks JSON Schema's own rules (a `description` that is an object): the contract's fault.
      throw new InputError(`its message schemas do not compile: ${(error as Error).message}`, contract.document.source.file);
    }
    files.set(`${folder}/validators.ts`, validators);
    const messages = plan.messages.map((m) => ({ ...m, fallbacks: JSON.stringify(m.definition ? enumFallbacks(writer, m.definition, "#/definitions/") : []) }));
    // events.ts imports the ajv validators only when a JSON payload or headers use them, Avro's codec only for Avro payloads.
    const validated = exports.length > 0;
    const avro = plan.messages.some((m) => m.avro);
    files.set(`${folder}/events.ts`, events({ ...plan, messages, avro, validated, banner, contractId: stringLiteral(contract.id) }));
    for (const [path, text] of avro ? [...copied, ["avro.ts", avroCodec]] : copied) files.set(`${folder}/${path}`, `${path.endsWith(".sql") ? banner.replace(/^\/\//, "--") : banner}\n${text}`);
    if (plan.replies.operations.length) files.set(`${folder}/replies.ts`, replies({ ...plan.replies, banner }));
    files.set(`${folder}/index.ts`, index({ banner, replies: plan.replies.operations.length > 0 }));
    files.set(`${folder}/package.json`, packageJson(folder, isObject(contract.document.root.info) ? contract.document.root.info.version : undefined, avro ? { ...DEPENDENCIES, ...AVRO_DEPENDENCIES } : DEPENDENCIES, OPTIONAL_PEERS));
    files.set(`${folder}/tsconfig.json`, tsconfigJson());
  }
  if (owners.size) for (const [path, text] of runtimePackage()) files.set(path, text);
  return files;
}

interface MessagePlan {
  /** The TypeScript name of the payload type and the spec constant's stem. */
  name: string;
  /** The payload's JSON Schema definition; undefined for an Avro payload. */
  definition?: string;
  /** An Avro payload: its schema (as a TypeScript literal), types by avro-ts, and Confluent schema id. */
  avro?: { schema: string; module: string; root: string; schemaId?: number };
  type: string;
  source: string;
  dataschema?: string;
  datacontenttype: string;
  businessKey?: string;
  /** The definition of its application headers, when it declares them. */
  headers?: string;
  /** How each declared header travels (headers.ts), as a TypeScript object literal. */
  headerKinds?: string;
}

/** The contract's servers, messages, send and receive operations, as the events.ts template wants them. */
function planContract(contract: AsyncApiContract, reserved: Set<string>, display: (file: string) => string) {
  const root = contract.document.root;
  // Compiled: the payload schemas become ajv validators, whose patterns must compile.
  const sources = { schemas: contract.schemas, display };
  const bundle = new SchemaBundle(sources, { compiled: true });
  const plans = new Map<string, MessagePlan>();
  const taken = new Set(reserved);

  const planMessage = (message: Message): MessagePlan => {
    const place = `${message.message.at.file}#${message.message.at.pointer}`;
    const known = plans.get(place);
    if (known) return known;
    const value = message.message.value;
    const wanted = pascalIdentifier(typeof value.name === "string" ? value.name : message.key);
    const free = (name: string) => !taken.has(name) && !taken.has(`${name}Spec`) && !taken.has(`${name}Headers`);
    let name = free(wanted) ? wanted : `${wanted}Message`;
    for (let n = 2; !free(name); n += 1) name = `${wanted}Message${n}`;
    taken.add(name).add(`${name}Spec`).add(`${name}Headers`);
    const avro = message.avro && avroPlan(contract, message, sources);
    const definition = avro ? undefined : message.payload ? bundle.add(message.payload, name) : bundle.addValue(name, {});
    const headers = message.headers && bundle.add(message.headers, `${name}Headers`);
    const headerKinds = message.headers && headerKindsOf(contract, message.headers);
    const attributes = eventAttributes(contract.id, message);
    const businessKey = messageExtensionsOf(contract, message).businessKey?.value;
    const plan: MessagePlan = {
      name,
      definition,
      ...attributes,
      businessKey,
      headers,
      headerKinds,
      avro,
    };
    plans.set(place, plan);
    return plan;
  };

  const channelOf = (operation: Operation): Channel => {
    const channel = contract.model.channels.get(operation.channel);
    if (!channel) failAt(sources, `operation ${operation.id} names channel ${JSON.stringify(operation.channel)}, which the document does not define`, operation.operation.at);
    return channel;
  };
  const operationMessages = (operation: Operation, channel: Channel): MessagePlan[] => {
    const listed = listedMessages(contract, operation);
    if (!listed) return [...channel.messages.values()].map(planMessage);
    // A message is known by where it really is, whichever `$ref` chain names it.
    const place = (at: SchemaPointer) => `${at.file}#${at.pointer}`;
    const byPlace = new Map([...channel.messages.values()].map((m) => [place(m.message.at), m]));
    return listed.map((at) => {
      const message = byPlace.get(place(contract.schemas.resolve(at).at));
      if (!message) failAt(sources, `operation ${operation.id} lists a message (${at.pointer}) that its channel ${channelName(channel)} does not carry`, at);
      return planMessage(message);
    });
  };
  const methods = new Set<string>();
  const method = (text: string) => {
    let name = camelIdentifier(text);
    for (let n = 2; methods.has(name) || name === "close"; n += 1) name = `${name.replace(/\d+$/, "")}${n}`;
    methods.add(name);
    return name;
  };
  const operations = [...contract.model.operations.values()];
  const sends = operations
    .filter((o) => o.action === "send")
    .flatMap((operation) => {
      const channel = channelOf(operation);
      const messages = operationMessages(operation, channel);
      const parameters = parametersOf(contract, channel);
      // A declared x-charter-retry (the operation's, its channel's or the document's) tells the outbox relay how often to try.
      const declared = operationExtensionsOf(contract, contract.model, operation).retry;
      const policy = declared && effectiveRetry(declared.value);
      return messages.map((message) => ({
        method: method(messages.length === 1 ? operation.id : `${operation.id} ${message.name}`),
        retry: policy && `{ attempts: ${policy.attempts}, initialMs: ${policy.initialMs}, maxMs: ${policy.maxMs} }`,
        message: message.name,
        // An Avro event carries its data encoded: the CloudEvent a producer returns holds the bytes sent.
        data: message.avro ? "Buffer" : `types.${message.name}`,
        encoded: Boolean(message.avro),
        headers: message.headers && `${message.name}Headers`,
        parameters: parameters && parameters.producer,
        channel: stringLiteral(channelName(channel)),
        doc: jsdoc(`${describe(operation, channel)}\n\nPublishes \`${message.type}\` to \`${channelName(channel)}\`.`, "  "),
      }));
    });
  const receives = operations
    .filter((o) => o.action === "receive")
    .map((operation) => {
      const channel = channelOf(operation);
      const messages = operationMessages(operation, channel);
      const { deadLetter, retry } = consumerPolicy(operationExtensionsOf(contract, contract.model, operation), channelName(channel));
      const parameters = parametersOf(contract, channel);
      return {
        parameters: parameters && parameters.consumer,
        method: method(operation.id),
        operation: stringLiteral(operation.id),
        channel: stringLiteral(channelName(channel)),
        deadLetter: stringLiteral(deadLetter),
        payload: messages.map((m) => `types.${m.name}`).join(" | ") || "never",
        specs: messages.map((m) => `${m.name}Spec`).join(", "),
        attempts: retry.attempts,
        initialMs: retry.initialMs,
        maxMs: retry.maxMs,
        maxDeliver: retry.maxDeliver,
        doc: jsdoc(`${describe(operation, channel)}\n\nHandles ${messages.map((m) => `\`${m.type}\``).join(", ") || "no message"} from \`${channelName(channel)}\`; dead letters go to \`${deadLetter}\`.`, "  "),
      };
    });
  const servers = serversOf(root);
  const parameterized = sends.some((send) => send.parameters);
  const replies = planReplies(contract, operations, { channelOf, operationMessages, planMessage });
  const messages = [...plans.values()].map((m) => ({
    ...m,
    nameLiteral: stringLiteral(m.name),
    type: stringLiteral(m.type),
    source: stringLiteral(m.source),
    dataschema: m.dataschema && stringLiteral(m.dataschema),
    datacontenttype: stringLiteral(m.datacontenttype),
    businessKey: m.businessKey && stringLiteral(m.businessKey),
  }));
  return { bundle, messages, sends, receives, servers, parameterized, replies };
}

/** How planContract reads an operation's channel and messages, for planReplies. */
interface OperationReader {
  channelOf(operation: Operation): Channel;
  operationMessages(operation: Operation, channel: Channel): MessagePlan[];
  planMessage(message: Message): MessagePlan;
}

/**
 * The operations with a 3.x `reply`, as the replies.ts template wants them: a requester method
 * per request message and a responder per operation, both typed by the reply's messages (those it
 * lists, else its channel's). A reply whose messages are unknown has nothing to type it by.
 */
function planReplies(contract: AsyncApiContract, operations: Operation[], reader: OperationReader) {
  const byPlace = new Map([...contract.model.channels.values()].flatMap((c) => [...c.messages.values()]).map((m) => [`${m.message.at.file}#${m.message.at.pointer}`, m]));
  // Method names, unique within the Responder and within the Requester (each also has `close`).
  const namer = () => {
    const names = new Set<string>();
    return (text: string) => {
      let name = camelIdentifier(text);
      for (let n = 2; names.has(name) || name === "close"; n += 1) name = `${name.replace(/\d+$/, "")}${n}`;
      names.add(name);
      return name;
    };
  };
  const [responderMethod, requesterMethod] = [namer(), namer()];
  const planned = operations.flatMap((operation) => {
    if (!operation.reply) return [];
    const { listed, channel: replyChannel } = operation.reply;
    const answers = listed.length
      ? listed.flatMap((at) => byPlace.get(`${at.file}#${at.pointer}`) ?? [])
      : [...(replyChannel !== undefined ? contract.model.channels.get(replyChannel)?.messages.values() ?? [] : [])];
    if (!answers.length) return [];
    const channel = reader.channelOf(operation);
    return [{ operation, channel, requests: reader.operationMessages(operation, channel), answers: answers.map(reader.planMessage), parameters: parametersOf(contract, channel) }];
  });
  const used = new Set<string>();
  const specs = (messages: MessagePlan[]) => messages.map((m) => (used.add(`${m.name}Spec`), `${m.name}Spec`)).join(", ");
  const operationsPlan = planned.map(({ operation, channel, requests, answers, parameters }) => ({
    method: responderMethod(operation.id),
    operationText: lineCommentText(operation.id),
    operation: stringLiteral(operation.id),
    channel: stringLiteral(channelName(channel)),
    group: stringLiteral(`${contract.id}.${operation.id}`.replace(/[^A-Za-z0-9_-]+/g, "_")),
    reply: answers.map((m) => `types.${m.name}`).join(" | "),
    replySpecs: specs(answers),
    payload: requests.map((m) => `types.${m.name}`).join(" | ") || "never",
    specs: specs(requests),
    parameters: parameters?.consumer,
    doc: jsdoc(`${describe(operation, channel)}\n\nAnswers ${requests.map((m) => `\`${m.type}\``).join(", ") || "no request"} on \`${channelName(channel)}\` with ${answers.map((m) => `\`${m.type}\``).join(" or ")}.`, "  "),
  }));
  const requests = planned.flatMap(({ operation, channel, requests: messages, answers, parameters }, i) =>
    messages.map((message) => ({
      method: requesterMethod(messages.length === 1 ? operation.id : `${operation.id} ${message.name}`),
      operationMethod: operationsPlan[i].method,
      message: message.name,
      headers: message.headers && `${message.name}Headers`,
      parameters: parameters?.producer,
      channel: stringLiteral(channelName(channel)),
      reply: operationsPlan[i].reply,
      doc: jsdoc(`${describe(operation, channel)}\n\nSends \`${message.type}\` to \`${channelName(channel)}\` and waits for ${answers.map((m) => `\`${m.type}\``).join(" or ")}.`, "  "),
    })),
  );
  return { operations: operationsPlan, requests, specImports: [...used].sort().join(", "), parameterized: requests.some((r) => r.parameters) };
}

/** An Avro payload's schema, types and Confluent schema id; a malformed id stops charter where it is written. */
function avroPlan(contract: AsyncApiContract, message: Message, sources: BundleSources): NonNullable<MessagePlan["avro"]> {
  const { schema } = avroSchemaOf(contract, message.avro!);
  const problems: ExtensionProblem[] = [];
  const schemaId = readDeclared(CONFLUENT_SCHEMA_ID, parseConfluentSchemaId, problems, message.message)?.value;
  if (problems.length) failAt(sources, `${problems[0].key} ${problems[0].message}`, problems[0].at);
  return { schema: JSON.stringify(schema), ...avroTypesOf(schema), schemaId };
}

/**
 * The TypeScript types of a channel's address parameters (`orders.{region}.paid`), for producers
 * (who fill them in) and consumers (who get them parsed from the channel, so as text); undefined
 * when the address has none. A parameter's enum makes a union; a 2.x numeric schema, a number.
 */
function parametersOf(contract: AsyncApiContract, channel: Channel): { producer: string; consumer: string } | undefined {
  const names = [...channelName(channel).matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
  if (!names.length) return undefined;
  const declared = (name: string): Json => {
    const at = channelParameter(contract, channel, name);
    const schema = at && contract.schemas.resolve(at).value;
    return isObject(schema) ? schema : {};
  };
  const types = (side: "producer" | "consumer") =>
    `{ ${[...new Set(names)].map((name) => {
      const schema = declared(name);
      const numeric = side === "producer" && (schema.type === "integer" || schema.type === "number");
      const type = Array.isArray(schema.enum) && schema.enum.length ? schema.enum.map((v) => stringLiteral(String(v))).join(" | ") : numeric ? "number" : "string";
      return `${stringLiteral(name)}: ${type}`;
    }).join("; ")} }`;
  return { producer: types("producer"), consumer: types("consumer") };
}

/**
 * How each header of a headers schema travels: as text when the contract types it a string (or
 * not at all), else as JSON, which is how publish() writes every value that is not a string.
 * Properties come from the schema and its `allOf` members; undefined when it names none, as a
 * schema composed otherwise (`oneOf`) would: its headers are then checked by the producer only.
 */
function headerKindsOf(contract: AsyncApiContract, headers: SchemaPointer): string | undefined {
  const kinds = new Map<string, string>();
  const visit = (pointer: SchemaPointer) => {
    const { value: schema, at } = contract.schemas.resolve(pointer);
    if (!isObject(schema)) return;
    if (isObject(schema.properties)) {
      for (const name of Object.keys(schema.properties)) {
        const property = contract.schemas.resolve(child(at, "properties", name)).value;
        const type = isObject(property) ? property.type : undefined;
        kinds.set(name, type === undefined || type === "string" ? "text" : "json");
      }
    }
    if (Array.isArray(schema.allOf)) schema.allOf.forEach((_, i) => visit(child(at, "allOf", i)));
  };
  visit(headers);
  return kinds.size ? `{ ${[...kinds].map(([name, kind]) => `${stringLiteral(name)}: "${kind}"`).join(", ")} }` : undefined;
}

const describe = (operation: Operation, channel: Channel): string => {
  const text = [operation.operation.value.summary, operation.operation.value.description, channel.channel.value.description].find((t) => typeof t === "string" && t.trim() !== "");
  return typeof text === "string" ? text : `${operation.action === "send" ? "Send" : "Receive"} operation ${operation.id}.`;
};

/**
 * Where an operation lists its messages: 3.0's `messages` (absent: all of its channel's), 2.x's
 * `message`, one or `oneOf` several. Undefined when it does not say.
 */
function listedMessages(contract: AsyncApiContract, operation: Operation): SchemaPointer[] | undefined {
  const { value, at } = operation.operation;
  if (Array.isArray(value.messages)) return value.messages.map((_, i) => child(at, "messages", i));
  if (value.message === undefined) return undefined;
  const slot = contract.schemas.resolve(child(at, "message"));
  return isObject(slot.value) && Array.isArray(slot.value.oneOf) ? slot.value.oneOf.map((_, i) => child(slot.at, "oneOf", i)) : [child(at, "message")];
}

/** The servers, each with a URL its transport can take: `nats://host:port`, `http://host/path`, `kafka://host:port`. */
function serversOf(root: Json) {
  const servers = isObject(root.servers) ? root.servers : {};
  return Object.entries(servers).flatMap(([key, server]) => {
    if (!isObject(server) || typeof server.protocol !== "string") return [];
    const protocol = server.protocol.toLowerCase();
    // 2.x gives a URL (with or without a scheme); 3.0 a host and an optional pathname.
    const address = typeof server.url === "string" ? server.url : `${String(server.host ?? "")}${typeof server.pathname === "string" ? server.pathname : ""}`;
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `${protocol}://${address}`;
    return [{ key: stringLiteral(key), protocol: stringLiteral(protocol), url: stringLiteral(url) }];
  });
}
