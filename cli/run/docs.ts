import { existsSync, readFileSync, statSync, watch } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { basename, dirname, extname, relative, resolve, sep } from "node:path";
import { InputError } from "../../src/errors.js";
import { CONFIG_FILE, loadConfig } from "../../src/registry/config.js";
import { joinPath, type Snapshot } from "../../src/registry/snapshot.js";
import { readInput } from "../../src/registry/resolve.js";
import { chooseOutput, outputFolder, SITE_OUTPUT, writeOutput } from "../../src/registry/workspace.js";
import { progress, progressDone } from "../progress.js";

export interface DocsArgs {
  registry: string;
  out?: string;
  serve: boolean;
  port: number;
  strict: boolean;
}

/** How many versions the changelog goes back: each step is a full comparison. */
const HISTORY_LIMIT = 20;

/** A folder as the user would name it: relative when inside the working directory. */
const shown = (path: string): string => (path.startsWith(process.cwd() + sep) ? relative(process.cwd(), path) : path);

/** Builds and writes the site from `input`, the registry as read (a Stripe spec costs ~70 ms to decode: it is read once a build). */
async function build(args: DocsArgs, out: string, input: Snapshot): Promise<number> {
  const { buildSite } = await import("../../src/docs/site.js");
  const { readHistory } = await import("../../src/docs/history.js");
  const cwd = process.cwd();
  progress("reading history…");
  const history = readHistory(args.registry, cwd, loadConfig(input.files, joinPath(input.base, CONFIG_FILE)).releases, HISTORY_LIMIT);
  progress(`comparing ${history.length} versions and rendering…`);
  const site = await buildSite(input, history, { strict: args.strict, warn: (message) => process.stderr.write(`charter: warning: ${message}\n`) });
  writeOutput(out, site, SITE_OUTPUT);
  progressDone();
  return [...site.keys()].filter((p) => p.endsWith(".html")).length;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
};

/** Serves the site folder on 127.0.0.1 only: it is a preview for the author, not a server for others. */
function serve(out: string, port: number): void {
  const server = createServer((request, response) => {
    // Any page the author has open can send a request here: a malformed one gets 400, never a crash.
    try {
      respond(out, request, response);
    } catch {
      if (!response.headersSent) response.writeHead(400, { "content-type": "text/plain" });
      response.end("bad request\n");
    }
  });
  server.on("error", (error) => {
    process.stderr.write(`charter: cannot serve on 127.0.0.1:${port}: ${error.message}\n`);
    process.exitCode = 2;
  });
  server.listen(port, "127.0.0.1", () => process.stderr.write(`serving ${shown(out)} at http://127.0.0.1:${port}/ (Ctrl-C stops)\n`));
}

function respond(out: string, request: IncomingMessage, response: ServerResponse): void {
  // decodeURIComponent throws on a malformed escape (`/%ff`), the URL parser on some odd request targets.
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  const file = resolve(out, `.${path.endsWith("/") ? `${path}index.html` : path}`);
  // Nothing outside the site folder, and not the marker.
  if ((file !== out && !file.startsWith(out + sep)) || !existsSync(file) || !statSync(file).isFile() || basename(file) === SITE_OUTPUT.marker) {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    return;
  }
  response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(readFileSync(file));
}

/** Rebuilds when a file of the registry changes; changes come in bursts (an editor's save), so wait for a quiet moment. */
function watchRegistry(args: DocsArgs, out: string): void {
  const registry = resolve(args.registry);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rebuild = () => {
    running = running.then(async () => {
      try {
        progress("reading contracts…");
        const pages = await build(args, out, readInput(args.registry, process.cwd()));
        process.stderr.write(`rebuilt ${pages} pages\n`);
      } catch (error) {
        // A contract mid-edit may not parse: report it and keep serving the last good site.
        process.stderr.write(`charter: ${error instanceof InputError ? error.toString() : String(error)}\n`);
      }
    });
  };
  // The site is never inside the registry (see workspace.ts), so every change is the author's.
  watch(registry, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 200);
  });
}

export async function runDocsCommand(args: DocsArgs): Promise<void> {
  const cwd = process.cwd();
  const input = readInput(args.registry, cwd);
  const registry = resolve(cwd, args.registry);
  const out = outputFolder(chooseOutput(args.out, input, "docs", "site"), { cwd, registry: input.contract === undefined ? registry : dirname(registry) });
  const pages = await build(args, out, input);
  if (!args.serve) {
    process.stderr.write(`wrote ${pages} pages to ${shown(out)}\n`);
    return;
  }
  serve(out, args.port);
  watchRegistry(args, out);
}
