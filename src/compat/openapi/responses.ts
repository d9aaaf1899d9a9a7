import { child } from "../../contracts/schema-pointer.js";
import { effect } from "../verdict.js";
import { responseWriter, verdictsOf, type CompareContext } from "./context.js";
import { compareContent } from "./content.js";
import { headerElement, operationName, responseElement } from "./element.js";
import { stabilityOf } from "./lifecycle.js";
import { entries, isRequired, member, type Located, type Operation } from "../../contracts/openapi/model.js";
import { stabilityNote, type OperationCheck } from "./operations.js";
import { compareSchemas } from "./schemas.js";

/** Status codes match case-insensitively (`2xx` is `2XX`); `default` stands for itself. */
const statusKey = (status: string) => status.toUpperCase();
const isSuccess = (status: string) => /^2/.test(status);

/**
 * Responses per status code, judged both ways (writer ⊆ reader: the server writes them, the
 * subscriber for a webhook's reply). Backward, an old client meets the new server: a success
 * status it handled is gone, or one it does not know is answered. Forward, a new client meets the
 * old server, which still answers the success statuses the new version removed. A *changed*
 * success status (201 → 200: every old success status gone, a new one added) leaves no success
 * answer the other side knows, in either direction, so both halves of the change are breaking.
 */
export const responses: OperationCheck = (ctx, { previous, current }) => {
  const before = entries(ctx.previous, previous.operation, "responses");
  const after = new Map([...entries(ctx.current, current.operation, "responses")].map(([status, value]) => [statusKey(status), { status, value }]));
  const holder = member(ctx.current, current.operation, "responses") ?? current.operation;
  const note = stabilityNote(current);
  const successes = (statuses: Iterable<string>) => [...statuses].filter(isSuccess).map(statusKey);
  const oldSuccess = successes(before.keys());
  const newSuccess = successes([...after.values()].map((r) => r.status));
  // No old success status survives / no new one was known: the status changed, it did not just grow or shrink.
  // A status is still answered when the new version lists it, or a range that holds it (200 under 2XX).
  const known = (status: string) => newSuccess.includes(status) || newSuccess.includes(`${status[0]}XX`);
  const noneKept = !oldSuccess.some(known);
  const removedSuccess = oldSuccess.filter((status) => !newSuccess.includes(status));
  const addedSuccess = newSuccess.filter((status) => !oldSuccess.includes(status));
  const changed = noneKept && removedSuccess.length > 0 && addedSuccess.length > 0;
  const replacement = () => (changed ? ` (the success status changed: ${removedSuccess.join(", ")} → ${addedSuccess.join(", ")})` : "");
  for (const [status, old] of before) {
    const match = after.get(statusKey(status));
    if (match) {
      after.delete(statusKey(status));
      compareResponse(ctx, current, match.status, old, match.value);
      continue;
    }
    const success = isSuccess(status);
    ctx.report({
      rule: success ? "response-success-status-removed" : "response-non-success-status-removed",
      // Old clients that expect the success answer get another one; a lost error status only means that error is no longer sent.
      backward: success ? "breaking" : "compatible",
      // The old server still answers it: a new client does not expect it, and has no success answer
      // it knows at all when none of the old ones is left.
      forward: !success || known(statusKey(status)) ? "compatible" : noneKept ? "breaking" : "conditional",
      message: `Response ${status} of ${operationName(current)} was removed${replacement()}${note}.`,
      at: holder.at, before: old.at, element: responseElement(current, status),
    });
  }
  for (const { status, value } of after.values()) {
    const success = isSuccess(status);
    ctx.report({
      rule: success ? "response-success-status-added" : "response-non-success-status-added",
      // A new success status is an answer old clients may not handle, and none they know is left
      // when the status changed; errors they already handle generically. The old server never
      // sends it, so new clients lose nothing by it (a removed status is judged on its own).
      backward: !success ? "compatible" : changed ? "breaking" : "conditional",
      forward: "compatible",
      message: `Response ${status} was added to ${operationName(current)}${replacement()}.`,
      at: value.at, element: responseElement(current, status),
    });
  }
};

function compareResponse(ctx: CompareContext, op: Operation, status: string, old: Located, now: Located): void {
  const writer = responseWriter(op);
  compareContent(ctx, old, now, {
    side: "response", writer, parent: now, operation: op, stability: stabilityOf(op.operation.value),
    name: `response ${status} of ${operationName(op)}`,
    element: (mediaType) => responseElement(op, status, mediaType),
  });
  compareHeaders(ctx, op, status, old, now);
}

/** Response headers, matched case-insensitively. A header the client relied on may not disappear. */
function compareHeaders(ctx: CompareContext, op: Operation, status: string, old: Located, now: Located): void {
  const writer = responseWriter(op);
  const before = entries(ctx.previous, old, "headers");
  const after = new Map([...entries(ctx.current, now, "headers")].map(([name, value]) => [name.toLowerCase(), { name, value }]));
  const name = (header: string) => `header ${header} of response ${status} of ${operationName(op)}`;
  for (const [header, oldHeader] of before) {
    const match = after.get(header.toLowerCase());
    const element = headerElement(op, status, header);
    if (!match) {
      const required = isRequired(oldHeader.value);
      ctx.report({
        rule: required ? "required-response-header-removed" : "optional-response-header-removed",
        ...verdictsOf(effect("compatible", required ? "breaking" : "conditional"), writer),
        message: `The ${required ? "required" : "optional"} ${name(header)} was removed${stabilityNote(op)}.`,
        at: member(ctx.current, now, "headers")?.at ?? now.at, before: oldHeader.at, element,
      });
      continue;
    }
    after.delete(header.toLowerCase());
    const wasRequired = isRequired(oldHeader.value);
    const isNowRequired = isRequired(match.value.value);
    if (wasRequired !== isNowRequired) {
      ctx.report({
        rule: isNowRequired ? "response-header-became-required" : "response-header-became-optional",
        // Optional now: the writer may leave it out, which a reader that relied on it does not expect.
        ...verdictsOf(isNowRequired ? effect("breaking", "compatible") : effect("compatible", "breaking"), writer),
        message: `The ${name(header)} became ${isNowRequired ? "required" : "optional"}.`,
        at: match.value.at, before: oldHeader.at, element,
      });
    }
    if ("schema" in oldHeader.value && "schema" in match.value.value) {
      compareSchemas(ctx, child(oldHeader.at, "schema"), child(match.value.at, "schema"), { place: "response-header", writer, element, name: `the ${name(header)}`, operation: op });
    }
  }
  for (const { name: header, value } of after.values()) {
    const required = isRequired(value.value);
    ctx.report({
      rule: "response-header-added",
      // A new required header is one old writers (an old server, for new clients) never send.
      ...verdictsOf(effect(required ? "breaking" : "compatible", "compatible"), writer),
      message: `The ${required ? "required" : "optional"} ${name(header)} was added.`,
      at: value.at, element: headerElement(op, status, header),
    });
  }
}
