import type { ProtoRule } from "../rule.js";

export const FIELD_RULES: ProtoRule[] = [];
