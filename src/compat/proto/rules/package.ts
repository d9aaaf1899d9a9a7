import type { ProtoRule } from "../rule.js";

export const PACKAGE_RULES: ProtoRule[] = [];
