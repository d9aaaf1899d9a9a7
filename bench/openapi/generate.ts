import { stringify } from "yaml";

/**
 * An OpenAPI 3.0 document of `operations` operations (a GET and a POST per path) over one schema per
 * path; `changed` applies a handful of changes spread over the document, breaking and not.
 */
export function generateSpec(operations: number, changed: boolean): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const resources = Math.ceil(operations / 2);
  const at = (fraction: number) => Math.floor(resources * fraction);
  for (let r = 0; r < resources; r++) {
    const name = `Resource${r}`;
    const properties: Record<string, unknown> = {
      id: { type: "string" },
      title: { type: "string", maxLength: changed && r === at(0.2) ? 100 : 200 },
      status: { type: "string", enum: ["active", "archived", ...(changed && r === at(0.4) ? ["deleted"] : [])] },
      amount: { type: "integer", format: "int64", minimum: 0 },
      tags: { type: "array", items: { type: "string" } },
      owner: { $ref: "#/components/schemas/Owner" },
    };
    if (changed && r === at(0.6)) delete properties.tags;
    schemas[name] = { type: "object", required: ["id", "title"], properties };
    const parameters = [
      { name: "id", in: "path", required: true, schema: { type: "string" } },
      ...(changed && r === at(0.8) ? [{ name: "tenant", in: "query", required: true, schema: { type: "string" } }] : []),
    ];
    const ref = { $ref: `#/components/schemas/${name}` };
    const item: Record<string, unknown> = {
      get: { operationId: `get${name}`, parameters, responses: { "200": { description: "ok", content: { "application/json": { schema: ref } } } } },
    };
    if (!(changed && r === resources - 1)) {
      item.post = {
        operationId: `update${name}`,
        parameters,
        requestBody: { required: true, content: { "application/json": { schema: ref } } },
        responses: { "200": { description: "ok", content: { "application/json": { schema: ref } } } },
      };
    }
    paths[`/resources${r}/{id}`] = item;
  }
  schemas.Owner = { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } };
  return stringify({ openapi: "3.0.3", info: { title: "Bench", version: "1.0.0" }, paths, components: { schemas } }, { aliasDuplicateObjects: false });
}

/** One operation whose response schema is a chain of `depth` `$ref`s; `changed` changes the last link. */
export function generateRefChain(depth: number, changed: boolean): string {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) schemas[`Link${i}`] = { $ref: `#/components/schemas/Link${i + 1}` };
  schemas[`Link${depth}`] = { type: "object", properties: { value: { type: changed ? "integer" : "string" } } };
  const response = { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Link0" } } } };
  return stringify({ openapi: "3.0.3", info: { title: "Chain", version: "1.0.0" }, paths: { "/chain": { get: { responses: { "200": response } } } }, components: { schemas } }, { aliasDuplicateObjects: false });
}

/** How many resources the ring has: five operations each. */
export const RING_RESOURCES = 100;

/**
 * A ring of 500 operations: resources `Resource0..99`, each with a `parent` that is the next one
 * (`Resource((r+1) mod 100)`), so every operation reaches every schema. `GET/POST /r{r}` and
 * `GET/PUT/DELETE /r{r}/{id}` per resource. `changed` adds an enum value to `Resource0.status`,
 * makes `count` required in `Resource1`, removes `label` from `Resource50`, removes `/r99/{id}` and
 * makes the `limit` query parameter of `GET /r33` required.
 */
export function generateRing(changed: boolean): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let r = 0; r < RING_RESOURCES; r++) {
    const name = `Resource${r}`;
    const properties: Record<string, unknown> = {
      id: { type: "string" },
      label: { type: "string" },
      status: { type: "string", enum: ["active", "archived", ...(changed && r === 0 ? ["deleted"] : [])] },
      count: { type: "integer" },
      parent: { $ref: `#/components/schemas/Resource${(r + 1) % RING_RESOURCES}` },
    };
    if (changed && r === 50) delete properties.label;
    schemas[name] = { type: "object", required: ["id", ...(changed && r === 1 ? ["count"] : [])], properties };
    const ref = { $ref: `#/components/schemas/${name}` };
    const body = (status: string) => ({ [status]: { description: "ok", content: { "application/json": { schema: ref } } } });
    const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
    const limit = { name: "limit", in: "query", required: changed && r === 33, schema: { type: "integer" } };
    paths[`/r${r}`] = {
      get: { operationId: `list${name}`, parameters: [limit], responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array", items: ref } } } } } },
      post: { operationId: `create${name}`, requestBody: { required: true, content: { "application/json": { schema: ref } } }, responses: body("201") },
    };
    if (changed && r === RING_RESOURCES - 1) continue;
    paths[`/r${r}/{id}`] = {
      get: { operationId: `get${name}`, parameters: [id], responses: body("200") },
      put: { operationId: `replace${name}`, parameters: [id], requestBody: { required: true, content: { "application/json": { schema: ref } } }, responses: body("200") },
      delete: { operationId: `delete${name}`, parameters: [id], responses: { "204": { description: "gone" } } },
    };
  }
  return stringify({ openapi: "3.0.3", info: { title: "Ring", version: "1.0.0" }, paths, components: { schemas } }, { aliasDuplicateObjects: false });
}
