import type { DescExtension, DescField, DescFile, DescMethod, DescOneof } from "@bufbuild/protobuf";
import type { ProtoContract } from "../../contracts/contract.js";
import { protoElements } from "./proto.js";

/** Every field a package declares: message fields (nested messages too) and extensions. */
export function protoFields(contract: ProtoContract): DescField[] {
  return protoElements(contract).messages.flatMap((m) => m.fields);
}

/** Every extension a package declares, at the top level of a file or inside a message. */
export function protoExtensions(contract: ProtoContract): DescExtension[] {
  return [...contract.files.flatMap((f) => f.extensions), ...protoElements(contract).messages.flatMap((m) => m.nestedExtensions)];
}

/** Every oneof a package declares, the synthetic ones of proto3 `optional` left out (they have no name of their own). */
export function protoOneofs(contract: ProtoContract): DescOneof[] {
  return protoElements(contract).messages.flatMap((m) => m.oneofs.filter((o) => !o.fields.every((f) => f.proto.proto3Optional)));
}

export function protoMethods(contract: ProtoContract): DescMethod[] {
  return protoElements(contract).services.flatMap((s) => s.methods);
}

/** A file's registry path. */
export const pathOf = (contract: ProtoContract, file: DescFile): string => contract.image.fileLocation(file).file;

/** A whole-file finding, which buf reports without a line: charter puts it on the file's first line. */
export const wholeFile = (contract: ProtoContract, file: DescFile) => ({ line: { file: pathOf(contract, file), line: 1, column: 1 } });

// Source paths (descriptor.proto field numbers) buf points its findings at.
export const FILE_DEPENDENCY = 3;
export const FILE_OPTIONS = 8;
export const METHOD_INPUT = [2];
export const METHOD_OUTPUT = [3];
