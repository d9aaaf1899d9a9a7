// Loaded with `node --import` into a measured process: prints its peak resident set size on exit,
// so a bench can read the peak memory of charter and of its peer the same way.
process.on("exit", () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
