import type { ProtoRule } from "../rule.js";

export const ENUM_RULES: ProtoRule[] = [];
