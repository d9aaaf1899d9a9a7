import type { ChannelExtensions, EventOperationExtensions, MessageExtensions, OperationExtensions } from "./index.js";
import type { DeclaredRetry } from "./retry.js";
import { showSlo } from "./slo.js";
import { showDuration } from "./timeout.js";

/**
 * How the docs site shows what an element declares: label and value pairs, the declared values
 * only (the defaults generated code applies are documented once, not repeated on every element).
 */
export interface Fact {
  label: string;
  value: string;
}

function showRetry(retry: DeclaredRetry): string {
  const parts = [
    retry.attempts !== undefined && `${retry.attempts} attempts`,
    (retry.initialMs !== undefined || retry.maxMs !== undefined) && `backoff ${retry.initialMs ?? "default"}–${retry.maxMs ?? "default"} ms`,
    retry.maxDeliver !== undefined && `at most ${retry.maxDeliver} deliveries`,
  ];
  return parts.filter(Boolean).join(", ") || "defaults";
}

const facts = (...pairs: [string, string | undefined][]): Fact[] => pairs.flatMap(([label, value]) => (value === undefined ? [] : [{ label, value }]));

export const operationFacts = (ext: OperationExtensions): Fact[] =>
  facts(
    ["Timeout", ext.timeout && showDuration(ext.timeout.value)],
    ["Retries", ext.retry && showRetry(ext.retry.value)],
    ["Retry budget", ext.retryBudget && `${+(ext.retryBudget.value * 100).toPrecision(6)}% extra calls`],
    ["Idempotency key", ext.idempotencyKey?.value],
    ["SLO", ext.slo && showSlo(ext.slo.value)],
  );

export const consumerFacts = (ext: EventOperationExtensions): Fact[] =>
  facts(["Dead letters", ext.deadLetter && (ext.deadLetter.value.address ?? ext.deadLetter.value.reference)], ["Retries", ext.retry && showRetry(ext.retry.value)]);

export const channelFacts = (ext: ChannelExtensions): Fact[] => facts(["SLO", ext.slo && showSlo(ext.slo.value)]);

export const messageFacts = (ext: MessageExtensions): Fact[] => facts(["Business key", ext.businessKey?.value]);
