import { child } from "../../contracts/schema-pointer.js";
import { effect } from "../verdict.js";
import { requestWriter, verdictsOf } from "./context.js";
import { compareContent } from "./content.js";
import { operationName, requestElement } from "./element.js";
import { stabilityOf } from "./lifecycle.js";
import { member } from "../../contracts/openapi/model.js";
import { stabilityNote, type OperationCheck } from "./operations.js";

/**
 * The request body: its presence, whether it is required, and its content per media type. The
 * client writes it (the server, for a webhook), so a body the reader newly requires breaks old
 * writers, and one it no longer reads loses what they send.
 */
export const requestBody: OperationCheck = (ctx, { previous, current }) => {
  const old = member(ctx.previous, previous.operation, "requestBody");
  const now = member(ctx.current, current.operation, "requestBody");
  const writer = requestWriter(current);
  const name = `the request body of ${operationName(current)}`;
  const element = requestElement(current);
  const note = stabilityNote(current);
  if (!old && !now) return;
  if (!old || !now) {
    const body = (now ?? old)!;
    const required = body.value.required === true;
    ctx.report({
      rule: now ? `request-body-added-${required ? "required" : "optional"}` : "request-body-removed",
      ...verdictsOf(
        now
          ? effect(required ? "breaking" : "compatible", "compatible")
          : // Old writers' bodies are no longer read; new writers send none, which an old reader that required one refuses.
            effect("breaking", required ? "breaking" : "compatible"),
        writer,
      ),
      message: `${name[0].toUpperCase()}${name.slice(1)} was ${now ? `added (${required ? "required" : "optional"})` : "removed"}${note}.`,
      at: now?.at ?? current.operation.at, before: old?.at, element,
    });
    return;
  }
  const wasRequired = old.value.required === true;
  const isRequired = now.value.required === true;
  if (wasRequired !== isRequired) {
    ctx.report({
      rule: isRequired ? "request-body-became-required" : "request-body-became-optional",
      // Required now: old writers may leave it out. Optional now: new writers may, which an old reader refuses.
      ...verdictsOf(isRequired ? effect("breaking", "compatible") : effect("compatible", "breaking"), writer),
      message: `${name[0].toUpperCase()}${name.slice(1)} became ${isRequired ? "required" : "optional"}${note}.`,
      at: "required" in now.value ? child(now.at, "required") : now.at, before: old.at, element,
    });
  }
  compareContent(ctx, old, now, { side: "request", writer, name, parent: now, operation: current, stability: stabilityOf(current.operation.value), element: (mediaType) => requestElement(current, mediaType) });
};
