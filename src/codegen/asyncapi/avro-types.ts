import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);

/**
 * The TypeScript types of an Avro schema, by @ovotech/avro-ts (what avsc reads and writes: `long`
 * as number, `bytes` as Buffer, a union with null as `null | T`): the module's text, and the name
 * of the payload's type in it (the root schema's alias, which avro-ts writes first).
 */
export function avroTypesOf(schema: unknown): { module: string; root: string } {
  const avroTs = require.resolve("@ovotech/avro-ts");
  // avro-ts and its ts-compose build nodes with an older TypeScript compiler each, which warns on
  // stderr of every deprecated factory they call: charter's stderr is for the user's problems only.
  for (const user of [avroTs, require.resolve("@ovotech/ts-compose", { paths: [dirname(avroTs)] })]) {
    (require(require.resolve("typescript", { paths: [dirname(user)] })) as { Debug: { enableDeprecationWarnings: boolean } }).Debug.enableDeprecationWarnings = false;
  }
  const { toTypeScript } = require(avroTs) as { toTypeScript: (schema: unknown) => string };
  const module = toTypeScript(schema);
  const root = /^export type (\w+) =/m.exec(module)?.[1];
  if (!root) throw new Error("@ovotech/avro-ts wrote no type for the schema's root");
  return { module, root };
}
