import { readResourceJson } from "./resources.js";

export const VERSION = (readResourceJson("package.json") as { version: string }).version;
