import type { Argv } from "yargs";
import { CHANGELOG_FORMATS, formatOption } from "./report-options.js";
import type { ChangelogArgs } from "./run/changelog.js";

export const changelogCommand = {
  command: "changelog [input]",
  describe: "List every change between two versions, breaking or not, per contract: release notes",
  builder: (yargs: Argv) =>
    formatOption(
      yargs
        .positional("input", { type: "string", default: "contracts", describe: "Registry folder or contract file (the newer version)" })
        .option("against", { type: "string", describe: "The older version: folder, file, or git ref (git:v1.2.0); required" }),
      CHANGELOG_FORMATS,
    ),
  handler: async (args: ChangelogArgs): Promise<void> => (await import("./run/changelog.js")).runChangelogCommand(args),
};
