import type { DescEnum, DescMessage, DescService } from "@bufbuild/protobuf";
import type { ProtoContract } from "../../contracts/contract.js";

/** The messages (nested ones too, map entries left out: protoc names those), enums and services of a package. */
export function protoElements(contract: ProtoContract): { messages: DescMessage[]; enums: DescEnum[]; services: DescService[] } {
  const messages: DescMessage[] = [];
  const enums: DescEnum[] = [];
  const visit = (message: DescMessage): void => {
    if (message.proto.options?.mapEntry) return;
    messages.push(message);
    enums.push(...message.nestedEnums);
    message.nestedMessages.forEach(visit);
  };
  for (const file of contract.files) {
    file.messages.forEach(visit);
    enums.push(...file.enums);
  }
  return { messages, enums, services: contract.files.flatMap((f) => f.services) };
}

/** DescriptorProto/EnumDescriptorProto/... field 1 is the element's name: naming findings point at it. */
export const NAME = [1];
