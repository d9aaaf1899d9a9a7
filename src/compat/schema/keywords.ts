import {
  compareContentEncoding,
  compareContentMediaType,
  compareContentSchema,
  compareDefault,
  compareDeprecated,
  compareReadOnly,
  compareWriteOnly,
} from "./annotations.js";
import { compareContains, compareItems, comparePrefixItems, compareUnevaluatedItems, compareUniqueItems } from "./arrays.js";
import { compareAllOf, compareAnyOf, compareDiscriminator, compareOneOf } from "./branches.js";
import { compareConditional, compareNot } from "./conditionals.js";
import { compareConst, compareEnum, compareExtensibleEnum } from "./enums.js";
import { compareBounds, compareMultipleOf } from "./numbers.js";
import {
  compareAdditionalProperties,
  compareDependentRequired,
  compareDependentSchemas,
  comparePatternProperties,
  compareProperties,
  comparePropertyNames,
  compareRequired,
  compareUnevaluatedProperties,
} from "./objects.js";
import { comparePattern } from "./patterns.js";
import { compareNullable, compareType } from "./types.js";
import type { Comparison } from "./walk.js";

/** Every keyword comparison, run on each pair of schemas in this order (the order of the changes). */
export const comparisons: readonly Comparison[] = [
  compareType,
  compareNullable,
  compareEnum,
  compareExtensibleEnum,
  compareConst,
  compareBounds,
  compareMultipleOf,
  comparePattern,
  compareUniqueItems,
  compareReadOnly,
  compareWriteOnly,
  compareDeprecated,
  compareDefault,
  compareContentMediaType,
  compareContentEncoding,
  compareContentSchema,
  compareRequired,
  compareProperties,
  compareAdditionalProperties,
  comparePatternProperties,
  comparePropertyNames,
  compareDependentRequired,
  compareDependentSchemas,
  compareUnevaluatedProperties,
  compareItems,
  comparePrefixItems,
  compareContains,
  compareUnevaluatedItems,
  compareDiscriminator,
  compareOneOf,
  compareAnyOf,
  compareAllOf,
  compareNot,
  compareConditional,
];
