import type { ProtoRule } from "../rule.js";

export const CHARTER_RULES: ProtoRule[] = [];
