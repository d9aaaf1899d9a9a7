import { isObject } from "../../lint/helpers/yaml.js";
import type { AsyncApiContract } from "../contract.js";
import { child, type SchemaPointer } from "../schema-pointer.js";
import type { Channel } from "./model.js";

/**
 * Where the schema of a channel's address parameter is written: 2.x describes the value with a
 * `schema`; 3.x writes `enum`, `default` and `examples` on the parameter itself, which read as a
 * schema too. Undefined when the channel does not declare the parameter.
 */
export function channelParameter(contract: AsyncApiContract, channel: Channel, name: string): SchemaPointer | undefined {
  if (!isObject(channel.channel.value.parameters) || !(name in channel.channel.value.parameters)) return undefined;
  const { value: parameter, at } = contract.schemas.resolve(child(channel.channel.at, "parameters", name));
  if (!isObject(parameter)) return undefined;
  return "schema" in parameter ? child(at, "schema") : at;
}
