/**
 * What charter reads of a proto file without compiling it: its package, its imports and whether
 * it declares a service. Enough to tell which files a change touches and to list every contract,
 * so that unchanged files never go through buf.
 */
export interface ProtoOutline {
  package: string;
  imports: string[];
  hasService: boolean;
}

const COMMENTS = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;
const PACKAGE = /(?:^|[;\s])package\s+([\w.]+)\s*;/;
const IMPORT = /(?:^|[;\s])import\s+(?:public\s+|weak\s+)?["']([^"']+)["']\s*;/g;
const SERVICE = /(?:^|[;\s}])service\s+\w+\s*\{/;

export function outline(text: string): ProtoOutline {
  const code = text.replace(COMMENTS, " ");
  return {
    package: PACKAGE.exec(code)?.[1] ?? "",
    imports: [...code.matchAll(IMPORT)].map((m) => m[1]),
    hasService: SERVICE.test(code),
  };
}
