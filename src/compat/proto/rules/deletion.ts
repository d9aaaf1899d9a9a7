import type { ProtoRule } from "../rule.js";

export const DELETION_RULES: ProtoRule[] = [];
