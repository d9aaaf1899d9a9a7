import type { ProtoRule } from "../rule.js";

export const SERVICE_RULES: ProtoRule[] = [];
