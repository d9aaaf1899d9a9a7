import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The bin folder of Debian's postgresql package (the newest installed); CI installs it (.ci/run). POSTGRES_BIN points elsewhere. */
export function postgresBin(): string | undefined {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "postgres"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest && join(root, newest, "bin");
}

/**
 * A reason to skip the Postgres tests, or false to run them. In CI a missing server never skips:
 * the tests run and fail on it, so a broken CI image cannot pass unnoticed.
 */
export function postgresSkip(): string | false {
  if (process.env.CI === "true" || postgresBin()) return false;
  return "/usr/lib/postgresql/*/bin/postgres is missing (apt-get install postgresql); Postgres tests skipped outside CI";
}

export interface PostgresServer {
  /** A connection string for a database of this server: `postgres://charter@127.0.0.1:<port>/<database>`. */
  url(database?: string): string;
  /** Creates a database (owned by the `charter` superuser) and returns its connection string. */
  createDatabase(name: string): string;
  stop(): Promise<void>;
}

/**
 * initdb refuses to run as root: as root (CI's containers), the server runs as the `postgres`
 * user Debian's package creates, and owns its folder.
 */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entry = readFileSync("/etc/passwd", "utf8").split("\n").map((line) => line.split(":")).find((fields) => fields[0] === "postgres");
  if (!entry) throw new Error("running as root, and there is no postgres user to run the server as");
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

/** A port free on 127.0.0.1 right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A throwaway Postgres: `initdb` into a temporary folder (user `charter`, trust authentication),
 * `pg_ctl start` on a free port of 127.0.0.1 with its socket in that folder, resolved once it
 * accepts connections. Durability is off (fsync, synchronous commit): the tests kill clients, never
 * the server, and a crashed server's data is thrown away with the folder anyway.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error("Postgres is missing: install Debian's postgresql package");
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), "charter-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(join(bin, tool), args, { encoding: "utf8", ...user });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  };
  try {
    run("initdb", ["-D", data, "-U", "charter", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    // -w: returns once the server accepts connections (or failed to start, with the log to show).
    run("pg_ctl", ["start", "-w", "-t", "30", "-D", data, "-l", join(dir, "log"), "-o", options]);
    const url = (database = "postgres") => `postgres://charter@127.0.0.1:${port}/${database}`;
    return {
      url,
      createDatabase(name) {
        execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "charter", name]);
        return url(name);
      },
      async stop() {
        spawnSync(join(bin, "pg_ctl"), ["stop", "-m", "immediate", "-D", data], { encoding: "utf8", ...user });
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    spawnSync(join(bin, "pg_ctl"), ["stop", "-m", "immediate", "-D", data], { ...user });
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
