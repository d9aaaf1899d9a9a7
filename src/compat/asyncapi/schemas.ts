import type { MessageSchemaPrefix } from "../../rules/catalog/asyncapi-breaking.js";
import { diffSchemas } from "../schema/diff.js";
import { flows } from "../schema/flows.js";
import type { SchemaPointer } from "../../contracts/schema-pointer.js";
import { dataVerdicts, type CompareContext } from "./context.js";
import { capitalized, schemaElement } from "./element.js";

/** Which schema of a message: it names the rule (`message-payload-type-changed`, `message-header-property-removed`). */
export type MessagePart = "payload" | "headers";

const PREFIX: Record<MessagePart, MessageSchemaPrefix> = { payload: "message-payload", headers: "message-header" };

/**
 * The one place where AsyncAPI checks meet the schema engine: a payload or headers schema is
 * compared by `diffSchemas`, each change named by its part and the engine's kind, with data
 * verdicts (producers write, consumers read).
 */
export function compareMessageSchemas(ctx: CompareContext, part: MessagePart, previous: SchemaPointer, current: SchemaPointer, element: string, name: string): void {
  for (const change of diffSchemas(previous, current, { previous: ctx.previous.schemas, current: ctx.current.schemas })) {
    const where = change.path.length ? `${name}, ${part === "payload" ? "property" : "header"} ${change.path.join(".")}` : `${name}, ${part}`;
    ctx.report({
      rule: `${PREFIX[part]}-${change.kind}`,
      ...dataVerdicts(flows(change)),
      message: `${capitalized(where)}: ${change.message}.`,
      at: change.after ?? current,
      before: change.before ?? previous,
      element: schemaElement(element, part, change.path),
    });
  }
}
