import type { AnyDesc, DescFile } from "@bufbuild/protobuf";
import type { AsyncApiModel } from "./asyncapi/model.js";
import type { BufLintConfig } from "../lint/helpers/proto-buf-config.js";
import type { ContractKind, SourceLocation } from "../compat/finding.js";
import type { AsyncApiDocument } from "./asyncapi/document.js";
import type { JsonSchemaDocument } from "./jsonschema/document.js";
import type { OpenApiDocument } from "./openapi/document.js";
import type { ProtoImage } from "./proto/image.js";
import type { RegistrySchemas } from "./schema-source.js";

/**
 * A document that parses but breaks its specification's schema (a missing `info.version`, an
 * unknown key). Reading goes on: `lint` reports it as an error, `breaking` as a warning and still
 * compares the document, `docs` shows it on the contract's page (ARCHITECTURE.md, "Reading policy").
 */
export interface SchemaViolation {
  message: string;
  /** Registry-relative: the file may be one the document's `$ref`s reach. */
  location: SourceLocation;
}

interface ContractBase {
  /** Identity as ARCHITECTURE.md, "The compatibility model" defines it per kind. */
  id: string;
  /** Registry-relative path of (the first file of) the contract. */
  path: string;
  /** API contracts (OpenAPI, proto packages with a service) as opposed to data contracts. */
  api: boolean;
  violations: SchemaViolation[];
}

export interface ProtoContract extends ContractBase {
  kind: "proto";
  /** The package's files in the compiled image of the whole registry. */
  files: DescFile[];
  image: ProtoImage;
  /**
   * The comment text on an element's line and on the comment lines right above it, each line's
   * text after `//` (or inside `/* *\/`), trimmed: where charter's `charter:` directives live.
   */
  comments(desc: AnyDesc): string[];
  /** The package's files as written (registry-relative path and text), for file-wide directives. */
  sources: { path: string; text: string }[];
  /** The lint section of each buf module of the registry (buf.yaml, buf.work.yaml). */
  bufLint: BufLintConfig[];
}

export interface OpenApiContract extends ContractBase {
  kind: "openapi";
  document: OpenApiDocument;
  schemas: RegistrySchemas;
}

export interface AsyncApiContract extends ContractBase {
  kind: "asyncapi";
  document: AsyncApiDocument;
  schemas: RegistrySchemas;
  model: AsyncApiModel;
}

export interface JsonSchemaContract extends ContractBase {
  kind: "jsonschema";
  document: JsonSchemaDocument;
  schemas: RegistrySchemas;
}

export type Contract = ProtoContract | OpenApiContract | AsyncApiContract | JsonSchemaContract;
export type ContractOf<K extends ContractKind> = Extract<Contract, { kind: K }>;
/** A contract written as one YAML or JSON document. */
export type DocumentContract = Exclude<Contract, ProtoContract>;

/** The paths charter.yaml's `contracts` globs are matched against: every file of a proto package, else the document. */
export const contractPaths = (contract: Contract): string[] => (contract.kind === "proto" ? contract.sources.map((s) => s.path) : [contract.path]);
