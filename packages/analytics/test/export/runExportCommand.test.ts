import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EXPORT_USAGE, parseExportArgs } from "../../src/cli/parseExportArgs";
import { formatCommandLine, runExportCommand } from "../../src/cli/runExportCommand";
import { createFixtureDatabase } from "../support/createFixtureDatabase";

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "alignment-trends-export-cli-"));
  await createFixtureDatabase(path.join(folder, "fixture.duckdb"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Runs the command with relative paths taken from the temporary folder, as npm passes INIT_CWD, and returns its status and output. */
async function run(argv: string[], environment: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const streams = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const status = await runExportCommand(argv, { INIT_CWD: folder, ...environment }, streams);
  return { status, stdout, stderr };
}

describe("runExportCommand", () => {
  test("exports to a folder relative to INIT_CWD", async () => {
    const result = await run(["--parquet", "out", "--db", "fixture.duckdb"], { npm_lifecycle_event: "export" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Wrote 11 tables, 97 rows in 22 Parquet files \\(\\d+\\.\\d KiB\\) to ${path.join(folder, "out")} in \\d+\\.\\d s\\n$`, "u"));
    expect(result.stderr.split("\n")[0]).toMatch(/^papers: 5 rows in 4 files, \d+ bytes, \d+ ms$/u);
    const manifest = JSON.parse(readFileSync(path.join(folder, "out", "_manifest.json"), "utf8")) as { command: string; database: { path: string } };
    expect(manifest.command).toBe("npm run export -- --parquet out --db fixture.duckdb");
    expect(manifest.database.path).toBe(path.join(folder, "fixture.duckdb"));
  });

  test("prints the usage for --help", async () => {
    expect(await run(["--help"])).toEqual({ status: 0, stdout: `${EXPORT_USAGE}\n`, stderr: "" });
  });

  test("exits 2 without --parquet", async () => {
    expect(await run(["--db", "fixture.duckdb"])).toEqual({
      status: 2,
      stdout: "",
      stderr: `Missing --parquet DIR: name the folder to write the dataset to\n\n${EXPORT_USAGE}\n`,
    });
  });

  test("exits 2 on an unknown option", async () => {
    const result = await run(["--parquet", "out", "--format", "csv"]);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[0]).toMatch(/^Unknown option '--format'/u);
    expect(result.stderr).toContain(EXPORT_USAGE);
  });

  test("exits 2 on an invalid memory limit", async () => {
    const result = await run(["--parquet", "out", "--memory-limit", "lots"]);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe('Invalid --memory-limit "lots": expected a size such as 512MB or 2GB');
  });

  test("exits 2 on a non-empty folder without --overwrite", async () => {
    const target = path.join(folder, "occupied");
    mkdirSync(target);
    writeFileSync(path.join(target, "notes.txt"), "keep me");
    expect(await run(["--parquet", "occupied", "--db", "fixture.duckdb"])).toEqual({
      status: 2,
      stdout: "",
      stderr: `Output folder ${target} is not empty; name a new or empty folder, or pass --overwrite to replace an earlier export there\n`,
    });
  });

  test("exits 1 on a missing database", async () => {
    const database = path.join(folder, "missing.duckdb");
    expect(await run(["--parquet", "never", "--db", "missing.duckdb"])).toEqual({
      status: 1,
      stdout: "",
      stderr: `No trends database at ${database}; create it with: npm run ingest -- data/samples --db ${database}, or name another file with --db\n`,
    });
    expect(existsSync(path.join(folder, "never"))).toBe(false);
    expect(readdirSync(folder).filter((name) => name.startsWith("."))).toEqual([]);
  });

  test("exits 1 on a file that is no database", async () => {
    writeFileSync(path.join(folder, "notes.duckdb"), "not a database");
    const result = await run(["--parquet", "never", "--db", "notes.duckdb"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^Failed to open ${path.join(folder, "notes.duckdb")} read-only: `, "u"));
    expect(existsSync(path.join(folder, "never"))).toBe(false);
    expect(readdirSync(folder).filter((name) => name.startsWith("."))).toEqual([]);
  });
});

describe("parseExportArgs", () => {
  test("reads TRENDS_DB relative to INIT_CWD", () => {
    expect(parseExportArgs(["--parquet", "out", "--overwrite", "--memory-limit", "2GB"], { INIT_CWD: "/home/user", TRENDS_DB: "data/x.duckdb" })).toEqual({
      help: false,
      outputFolder: "/home/user/out",
      databasePath: "/home/user/data/x.duckdb",
      overwrite: true,
      memoryLimit: "2GB",
    });
  });
});

describe("formatCommandLine", () => {
  test("quotes words a shell would split", () => {
    expect(formatCommandLine(["npm", "run", "export", "--", "--parquet", "my data/it's"])).toBe(`npm run export -- --parquet 'my data/it'\\''s'`);
  });
});
