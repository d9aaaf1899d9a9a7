import type { ProtoRule } from "../rule.js";

export const MESSAGE_RULES: ProtoRule[] = [];
