import { spawn } from "node:child_process";
import { REPOSITORY_ROOT } from "./benchmarkPage";

/** A production server of the dashboard started for a benchmark or a reliability test. */
export interface WebServer {
  baseUrl: string;
  /** The id of `npm start`, which leads the process group of npm, its shell and the Next server. */
  pid: number;
  /** Returns the server's standard output so far (its pino log lines), at most the last 1 MiB. */
  readLog: () => string;
  stop: () => Promise<void>;
}

const MAX_LOG_CHARS = 1024 * 1024;

const READY_TIMEOUT_MS = 60_000;

async function waitUntilReady(baseUrl: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit !== null) throw new Error(`The web server exited before it answered: ${exit}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
      if (response.ok) return;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The web server at ${baseUrl} did not answer within ${READY_TIMEOUT_MS / 1000} s; run npm run build first`);
}

/**
 * Starts `npm start` (the built app) on 127.0.0.1 at `port`, serving
 * `databasePath`, and resolves once it serves requests. The build must exist.
 */
export async function startWebServer(port: number, databasePath: string): Promise<WebServer> {
  const child = spawn("npm", ["start"], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: String(port), TRENDS_HOST: "127.0.0.1", TRENDS_DB: databasePath },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (data: Buffer) => {
    log = `${log}${data.toString()}`.slice(-MAX_LOG_CHARS);
  });
  let stderr = "";
  let exit: string | null = null;
  child.stderr.on("data", (data: Buffer) => {
    stderr = `${stderr}${data.toString()}`.slice(-4000);
  });
  child.on("exit", (code, signal) => {
    exit = `exit status ${String(code)}, signal ${String(signal)}: ${stderr.trim()}`;
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exit !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // npm starts next in a child of its own, so the whole process group gets the signal.
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  try {
    await waitUntilReady(baseUrl, () => exit);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid!, readLog: () => log, stop };
}
