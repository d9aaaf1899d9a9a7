import type { RuleId } from "../../rules/catalog.js";
import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import type { LifecycleIds, RemovalIds } from "./check-ids.js";
import type { CompareContext } from "./context.js";
import { stabilityOf, sunsetOf, type Stability } from "../../contracts/extensions/lifecycle.js";
import type { Json } from "../../contracts/openapi/model.js";

/**
 * Deprecation, sunset and stability of an element (operation, parameter, property), read from
 * `deprecated`, `x-sunset` and oasdiff's `x-stability-level`.
 */

export { STABILITY_LEVELS, stabilityOf, sunsetOf, UNSTABLE, type Stability, type Sunset } from "../../contracts/extensions/lifecycle.js";

/**
 * The deprecation policy, fixed for now: an element that declares itself `stable` promises its
 * clients notice, so deprecating it needs a sunset at least this many days away. Elements that
 * declare no level (or a lower one) may be deprecated without a date.
 */
const MIN_SUNSET_DAYS: Partial<Record<Stability, number>> = { stable: 180 };

const DAY = 86_400_000;

const day = (date: Date) => date.toISOString().slice(0, 10);
const deprecated = (value: Json) => value.deprecated === true;

/** What one lifecycle change is about: the element on both sides, for the report. */
export interface LifecycleSubject {
  ids: LifecycleIds;
  /** How the element is named in messages, e.g. `operation GET /orders` or `parameter query "limit"`. */
  name: string;
  element: string;
  previous: Json;
  current: Json;
  at: SchemaPointer;
  before?: SchemaPointer;
  /** The level of the enclosing operation, which a parameter or property without its own inherits. */
  inherited?: Stability | "invalid";
}

/**
 * Deprecation and sunset changes of an element present on both sides. None of them changes the
 * wire, so they are compatible, except where clients lose the notice a sunset gives them
 * (a deleted, moved-up, unreadable or missing sunset): conditional backward.
 */
export function checkLifecycle(ctx: CompareContext, s: LifecycleSubject): void {
  // Point at the keyword that says it (`x-sunset`, else `deprecated`), where the new version has one.
  const key = ["x-sunset", "deprecated"].find((k) => k in s.current);
  const at = key ? child(s.at, key) : s.at;
  const report = (rule: RuleId, message: string, notice: boolean) =>
    ctx.report({
      rule, message: `${s.name[0].toUpperCase()}${s.name.slice(1)} ${message}`, element: s.element, at, before: s.before,
      backward: notice ? "conditional" : "compatible", forward: "compatible",
    });
  const was = deprecated(s.previous);
  const is = deprecated(s.current);
  if (was && !is) return report(s.ids.reactivated, "is no longer deprecated.", false);
  if (!is) return;
  const sunset = sunsetOf(s.current);
  const oldSunset = sunsetOf(s.previous);
  if (!was) {
    const stability = stabilityOf(s.current) ?? s.inherited;
    const minDays = stability && stability !== "invalid" ? (MIN_SUNSET_DAYS[stability] ?? 0) : 0;
    if (!sunset) {
      if (minDays > 0) return report(s.ids.sunsetMissing, `was deprecated without an x-sunset date; ${stability} elements need ${minDays} days' notice.`, true);
      return report(s.ids.deprecated, "was deprecated.", false);
    }
    if ("invalid" in sunset) return report(s.ids.sunsetInvalid, `was deprecated with an unreadable x-sunset "${sunset.invalid}".`, true);
    const days = Math.floor((sunset.date.getTime() - ctx.options.today.getTime()) / DAY);
    if (days < minDays) return report(s.ids.sunsetTooSmall, `was deprecated with sunset ${day(sunset.date)}, ${days} days away; ${stability} elements need ${minDays}.`, true);
    return report(s.ids.deprecatedWithSunset, `was deprecated, with sunset ${day(sunset.date)}.`, false);
  }
  if (oldSunset && !sunset) return report(s.ids.sunsetDeleted, "lost its x-sunset date; its clients no longer know when it goes.", true);
  const unreadable = [sunset, oldSunset].find((x) => x && "invalid" in x);
  if (unreadable && "invalid" in unreadable && JSON.stringify(sunset) !== JSON.stringify(oldSunset)) {
    return report(s.ids.sunsetUnreadable, `has an unreadable x-sunset "${unreadable.invalid}".`, true);
  }
  if (sunset && oldSunset && "date" in sunset && "date" in oldSunset && sunset.date < oldSunset.date) {
    return report(s.ids.sunsetChangedTooSmall, `had its sunset moved sooner, from ${day(oldSunset.date)} to ${day(sunset.date)}.`, true);
  }
}

/**
 * The verdict and ID of removing an element, by its deprecation: removing a deprecated element
 * once its sunset has passed is the agreed end of its life (compatible); before it, or without
 * any deprecation, old clients that still use it break. A deprecation without a date warned
 * clients but promised nothing (conditional).
 */
export function removal(ids: RemovalIds, old: Json, today: Date): { rule: RuleId; backward: "compatible" | "conditional" | "breaking"; reason: string } {
  if (!deprecated(old)) return { rule: ids.withoutDeprecation, backward: "breaking", reason: "without deprecation; old clients that use it break" };
  const sunset = sunsetOf(old);
  if (!sunset) return { rule: ids.withDeprecation, backward: "conditional", reason: "after deprecation without a sunset date; clients were warned but not given a date" };
  if ("invalid" in sunset) return { rule: ids.sunsetUnreadable, backward: "breaking", reason: `with an unreadable x-sunset "${sunset.invalid}"` };
  if (today < sunset.date) return { rule: ids.beforeSunset, backward: "breaking", reason: `before its sunset ${day(sunset.date)}` };
  return { rule: ids.withDeprecation, backward: "compatible", reason: `after its sunset ${day(sunset.date)}` };
}
