import type { SchemaPointer } from "../schema-pointer.js";
import type { Verdict } from "../../compat/verdict.js";
import { EXTENSION_RULES, type ExtensionRuleId } from "../../rules/catalog/extensions.js";
import type { Declared } from "./declared.js";
import { consumerPolicy, operationPolicy, type ChannelExtensions, type EventOperationExtensions, type MessageExtensions, type OperationExtensions } from "./index.js";
import { DEFAULT_RETRY_BUDGET } from "./retry.js";
import { showSlo, type Slo } from "./slo.js";
import { showDuration } from "./timeout.js";

/**
 * How an element's `x-charter-*` extensions moved between two versions, as findings with the
 * verdicts of their catalog entries (src/rules/catalog/extensions.ts, where each verdict's reason
 * is written). Pure: the callers in compat/ pair the elements and report the issues.
 *
 * A finding needs a promise of the old version that changed or went: a declaration added where
 * the old version made none binds no one who relied on the old contract (and lint asks for these
 * declarations, so adding one must not warn). The exception is an idempotency key, whose
 * addition makes new clients retry an operation an old server may apply twice.
 */

/** A finding as document contracts report them (compat's DocumentIssue). */
export interface ExtensionIssue {
  rule: ExtensionRuleId;
  backward: Verdict;
  forward: Verdict;
  message: string;
  at?: SchemaPointer;
  before?: SchemaPointer;
  element: string;
}

/** The element whose extensions are compared, in both versions. */
export interface Subject {
  /** Semantic key of findings (`POST /orders/{}`). */
  element: string;
  /** How messages name it, as a sentence starts: `Operation POST /orders`. */
  name: string;
  at: SchemaPointer;
  before: SchemaPointer;
}

const VERDICTS = new Map<string, { backward: Verdict; forward: Verdict }>(EXTENSION_RULES.map((r) => [r.id, r.verdicts]));

/** An issue of `rule` about `subject`, pointing at the declarations when they are written. */
function issue(rule: ExtensionRuleId, subject: Subject, message: string, was?: Declared<unknown>, is?: Declared<unknown>): ExtensionIssue {
  return { rule, ...VERDICTS.get(rule)!, message: `${subject.name} ${message}.`, at: is?.at ?? subject.at, before: was?.at ?? subject.before, element: subject.element };
}

const declaredOrDefault = (declared: Declared<unknown> | undefined, shown: string) => (declared ? shown : `${shown} (the default)`);
const percent = (share: number) => `${+(share * 100).toPrecision(6)}%`;

/** Which way an SLO moved: a stricter figure tightens it, a dropped SLO or a laxer figure loosens it. */
function sloMoves(was: Slo | undefined, is: Slo | undefined): ("tightened" | "loosened")[] {
  if (!was) return [];
  if (!is) return ["loosened"];
  const moves: ("tightened" | "loosened")[] = [];
  if (is.latencyP99Ms < was.latencyP99Ms || is.errorBudget < was.errorBudget) moves.push("tightened");
  if (is.latencyP99Ms > was.latencyP99Ms || is.errorBudget > was.errorBudget) moves.push("loosened");
  return moves;
}

function compareSlo(rules: { tightened: ExtensionRuleId; loosened: ExtensionRuleId }, was: Declared<Slo> | undefined, is: Declared<Slo> | undefined, subject: Subject): ExtensionIssue[] {
  const show = (slo: Declared<Slo> | undefined) => (slo ? showSlo(slo.value) : "none");
  return sloMoves(was?.value, is?.value).map((move) => issue(rules[move], subject, `SLO ${move} from ${show(was)} to ${show(is)}`, was, is));
}

/** An OpenAPI operation present in both versions. */
export function compareOperationExtensions(was: OperationExtensions, is: OperationExtensions, subject: Subject): ExtensionIssue[] {
  const found: ExtensionIssue[] = [];
  const [before, after] = [operationPolicy(was), operationPolicy(is)];
  if (was.timeout && after.timeoutMs !== before.timeoutMs) {
    const text = `timeout went from ${declaredOrDefault(was.timeout, showDuration(before.timeoutMs))} to ${declaredOrDefault(is.timeout, showDuration(after.timeoutMs))}`;
    found.push(issue(after.timeoutMs < before.timeoutMs ? "api-timeout-decreased" : "api-timeout-increased", subject, text, was.timeout, is.timeout));
  }
  if (was.retry?.value.attempts !== undefined && after.retry.attempts !== before.retry.attempts) {
    const text = `retry attempts went from ${declaredOrDefault(was.retry, String(before.retry.attempts))} to ${declaredOrDefault(is.retry, String(after.retry.attempts))}`;
    found.push(issue(after.retry.attempts < before.retry.attempts ? "api-retry-attempts-decreased" : "api-retry-attempts-increased", subject, text, was.retry, is.retry));
  }
  const [oldBudget, newBudget] = [was.retryBudget?.value ?? DEFAULT_RETRY_BUDGET, is.retryBudget?.value ?? DEFAULT_RETRY_BUDGET];
  if (was.retryBudget && newBudget !== oldBudget) {
    const text = `retry budget went from ${declaredOrDefault(was.retryBudget, percent(oldBudget))} to ${declaredOrDefault(is.retryBudget, percent(newBudget))}`;
    found.push(issue(newBudget < oldBudget ? "api-retry-budget-decreased" : "api-retry-budget-increased", subject, text, was.retryBudget, is.retryBudget));
  }
  const [oldKey, newKey] = [was.idempotencyKey, is.idempotencyKey];
  if (oldKey && !newKey) found.push(issue("api-idempotency-key-removed", subject, `no longer declares its idempotency key ${oldKey.value}; old clients' retries may be applied twice`, oldKey));
  else if (!oldKey && newKey) found.push(issue("api-idempotency-key-added", subject, `now declares idempotency key ${newKey.value}, so new clients retry it`, undefined, newKey));
  // Header names are case-insensitive (RFC 9110).
  else if (oldKey && newKey && oldKey.value.toLowerCase() !== newKey.value.toLowerCase()) {
    found.push(issue("api-idempotency-key-changed", subject, `idempotency key moved from header ${oldKey.value} to ${newKey.value}`, oldKey, newKey));
  }
  found.push(...compareSlo({ tightened: "api-slo-tightened", loosened: "api-slo-loosened" }, was.slo, is.slo, subject));
  return found;
}

/** An AsyncAPI receive operation present in both versions, with the addresses of its channel in each. */
export function compareConsumerExtensions(was: EventOperationExtensions, is: EventOperationExtensions, subject: Subject, channels: { was: string; is: string }): ExtensionIssue[] {
  const found: ExtensionIssue[] = [];
  const [before, after] = [consumerPolicy(was, channels.was), consumerPolicy(is, channels.is)];
  if (was.deadLetter && before.deadLetter !== after.deadLetter) {
    const text = `dead-letter channel went from ${declaredOrDefault(was.deadLetter, before.deadLetter)} to ${declaredOrDefault(is.deadLetter, after.deadLetter)}`;
    found.push(issue("operation-dead-letter-changed", subject, text, was.deadLetter, is.deadLetter));
  }
  const fewer = (["attempts", "maxDeliver"] as const).filter((key) => was.retry?.value[key] !== undefined && after.retry[key] < before.retry[key]);
  if (fewer.length) {
    const names = { attempts: "handler attempts", maxDeliver: "deliveries (max-deliver)" };
    const text = fewer.map((key) => `${names[key]} went from ${before.retry[key]} to ${after.retry[key]}`).join(", ");
    found.push(issue("operation-retry-decreased", subject, `${text}; messages are dead-lettered sooner`, was.retry, is.retry));
  }
  return found;
}

/** An AsyncAPI channel present in both versions. */
export const compareChannelExtensions = (was: ChannelExtensions, is: ChannelExtensions, subject: Subject): ExtensionIssue[] =>
  compareSlo({ tightened: "channel-slo-tightened", loosened: "channel-slo-loosened" }, was.slo, is.slo, subject);

/** An AsyncAPI message present in both versions. */
export function compareMessageExtensions(was: MessageExtensions, is: MessageExtensions, subject: Subject): ExtensionIssue[] {
  const found: ExtensionIssue[] = [];
  const [oldKey, newKey] = [was.businessKey, is.businessKey];
  if (oldKey && !newKey) found.push(issue("message-business-key-removed", subject, `no longer declares its business key ${oldKey.value}; events lose their per-key order`, oldKey));
  else if (oldKey && newKey && oldKey.value !== newKey.value) {
    found.push(issue("message-business-key-changed", subject, `business key changed from ${oldKey.value} to ${newKey.value}; events about one ${oldKey.value} lose their order across the change`, oldKey, newKey));
  }
  const fallbacks = is.enumFallbacks();
  for (const [path, fallback] of was.enumFallbacks()) {
    const where = path === "" ? "the payload" : `payload property ${path}`;
    const now = fallbacks.get(path);
    if (!now) found.push(issue("message-enum-fallback-removed", subject, `no longer maps unknown values of ${where} to ${JSON.stringify(fallback.value)}`, fallback));
    else if (JSON.stringify(now.value) !== JSON.stringify(fallback.value)) {
      found.push(issue("message-enum-fallback-changed", subject, `maps unknown values of ${where} to ${JSON.stringify(now.value)} instead of ${JSON.stringify(fallback.value)}`, fallback, now));
    }
  }
  return found;
}
