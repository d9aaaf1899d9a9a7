import type { ProtoRule } from "../rule.js";

export const FILE_RULES: ProtoRule[] = [];
