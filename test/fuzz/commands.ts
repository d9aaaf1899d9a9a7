/**
 * Every command of charter, as run on each mutant: `reg` is the mutated registry, `orig` the
 * unmutated one, both inside the mutant's folder, which is the working directory.
 */
export const COMMANDS: ReadonlyArray<{ name: string; args: (dir: string) => string[] }> = [
  { name: "lint", args: () => ["lint", "reg"] },
  { name: "breaking", args: () => ["breaking", "reg", "--against", "orig"] },
  { name: "check", args: () => ["check", "reg", "--against", "orig"] },
  { name: "generate", args: (dir) => ["generate", "reg", "--out", `${dir}/out-generate`] },
  { name: "docs", args: (dir) => ["docs", "reg", "--out", `${dir}/out-docs`] },
];
