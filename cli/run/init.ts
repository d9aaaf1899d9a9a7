import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { InputError } from "../../src/errors.js";
import { repositoryRoot } from "../../src/registry/read-git.js";

export interface InitArgs {
  registry: string;
}

/** This repository's GitHub Action, as the README's set-up section names it. */
const ACTION = "your-org/charter@v0";

const CONFIG = `# charter registry settings (README: "The registry")
version: 1
compatibility:
  api: BACKWARD   # services: never break old clients
  data: FULL      # stored and streamed data: old readers and old data both matter
# Release tags: contracts in a _TRANSITIVE mode are checked against each of them.
releases: "v*"
# Settings per contract, by id or by a glob over registry-relative paths:
# contracts:
#   "orders/**":
#     owner: team-orders
lint:
  rules: {}
`;

const workflow = (registry: string) => `name: contracts
on: pull_request
permissions:
  contents: read
  security-events: write   # for the SARIF upload; drop it and set upload-sarif: false otherwise
jobs:
  charter:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0       # the merge base and the release tags must be there
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - uses: ${ACTION}
        with:
          registry: ${registry}
          fail-on: error       # the lowest severity that fails the job: error, warning or info
          strict: false        # true: conditional changes are errors
`;

export function runInitCommand(args: InitArgs): void {
  const cwd = process.cwd();
  const registry = resolve(cwd, args.registry);
  const root = repositoryRoot(existsSync(registry) ? registry : cwd) ?? cwd;
  const files = new Map([
    [join(registry, "charter.yaml"), CONFIG],
    [join(root, ".github", "workflows", "contracts.yml"), workflow(relative(root, registry).split("\\").join("/") || ".")],
  ]);
  // Nothing the user made is overwritten: any file already there stops the run before a write.
  const taken = [...files.keys()].filter((file) => existsSync(file));
  if (taken.length) {
    const one = taken.length === 1;
    throw new InputError(`${taken.map((f) => relative(cwd, f)).join(" and ")} already exist${one ? "s" : ""}: charter init writes nothing over ${one ? "it" : "them"}`);
  }
  for (const [file, text] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: "wx" });
    process.stderr.write(`wrote ${relative(cwd, file)}\n`);
  }
}
