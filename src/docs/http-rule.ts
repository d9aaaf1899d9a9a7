import { getExtension, hasExtension, type DescExtension, type DescFile, type DescMethod } from "@bufbuild/protobuf";

/** One REST mapping of an RPC: `GET /v1/{name=shelves/*}`, and the request field its body carries (`*` for all). */
export interface HttpBinding {
  method: string;
  path: string;
  body?: string;
}

/** The `google.api.http` extension where the package's files import it (googleapis' annotations.proto), else undefined. */
export function httpExtensionOf(files: DescFile[]): DescExtension | undefined {
  const seen = new Set<DescFile>();
  const visit = (file: DescFile): DescExtension | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    return file.extensions.find((e) => e.typeName === "google.api.http") ?? file.dependencies.map(visit).find(Boolean);
  };
  return files.map(visit).find(Boolean);
}

interface HttpRule {
  pattern: { case: string | undefined; value?: unknown };
  body: string;
  additionalBindings: HttpRule[];
}

const bindingOf = (rule: HttpRule): HttpBinding[] => {
  const { case: verb, value } = rule.pattern;
  const own =
    verb === "custom" && value && typeof value === "object"
      ? [{ method: String((value as { kind: string }).kind).toUpperCase(), path: String((value as { path: string }).path) }]
      : verb
        ? [{ method: verb.toUpperCase(), path: String(value) }]
        : [];
  return [...own.map((b) => (rule.body ? { ...b, body: rule.body } : b)), ...rule.additionalBindings.flatMap(bindingOf)];
};

/** The REST mappings an RPC declares with `option (google.api.http)`, additional bindings included. */
export function httpBindingsOf(rpc: DescMethod, extension: DescExtension | undefined): HttpBinding[] {
  const options = rpc.proto.options;
  if (!extension || !options) return [];
  // The extension is the registry's own compiled descriptor (no generated code): its value is an HttpRule message.
  return hasExtension(options, extension) ? bindingOf(getExtension(options, extension) as HttpRule) : [];
}
